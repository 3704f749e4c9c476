/**
 * How many chunks run at once: enough to keep the rate governor's permits in use across the round-trip time
 * (1.5 x rate x round trip / requests per chunk, plus two), so concurrency follows the governor down when the service
 * throttles and up when it stops. Round trips are smoothed (EWMA) so one slow batch does not swing it.
 */
export class ConcurrencyWindow {
  private roundTripMs: number;

  constructor(
    private readonly max: number,
    initialRoundTripMs = 100
  ) {
    this.roundTripMs = initialRoundTripMs;
  }

  observe(roundTripMs: number): void {
    this.roundTripMs = this.roundTripMs * 0.8 + roundTripMs * 0.2;
  }

  limit(ratePerSecond: number, requestsPerChunk: number): number {
    // Half as many again plus two: the governor, not the window, must be what limits the pace, or its rate
    // would rise untested and overshoot once the window opens.
    const wanted = Math.ceil((1.5 * ratePerSecond * this.roundTripMs) / 1000 / Math.max(1, requestsPerChunk)) + 2;
    return Math.max(1, Math.min(this.max, wanted));
  }
}
