import type { Timing } from './Timing';

/**
 * At most `calls` starts in any `windowMs` (a sliding window): a call past the limit waits, in order, until the
 * oldest one in the window leaves it. For limits that count calls over minutes rather than a rate, such as
 * SharePoint's "Assign Sensitivity Label: 100 per 5 min" per tenant, which a per-second governor would not keep.
 *
 * @example await new CallsPerWindow(timing, 100, 300_000).take(signal) // the 101st call within 5 minutes waits
 */
export class CallsPerWindow {
  private readonly started: number[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly timing: Timing,
    readonly calls: number,
    readonly windowMs: number
  ) {}

  /** Waits for a place in the window, then takes it. Rejects with an AbortError if `signal` aborts first. */
  take(signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(() => this.waitForPlace(signal));
    // A cancelled wait gives its turn to the next caller instead of blocking the queue.
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async waitForPlace(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.timing.now();
      while (this.started.length > 0 && this.started[0] <= now - this.windowMs) this.started.shift();
      if (this.started.length < this.calls) {
        this.started.push(now);
        return;
      }
      await this.timing.sleep(this.started[0] + this.windowMs - now, signal);
    }
  }
}
