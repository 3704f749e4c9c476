import type { Timing } from './Timing';

export interface RateGovernorOptions {
  /** Requests per second to start at. */
  initialRate: number;
  minRate: number;
  maxRate: number;
  /** Multiplicative decrease on a 429 (0.85 keeps the average near 92% of the service's ceiling). */
  decreaseFactor: number;
  /** Additive increase, in requests per second gained per second of clean traffic at the current rate. */
  increasePerSecond: number;
  /** A burst of 429s (concurrent requests answered together) counts as one signal within this window. */
  decreaseCooldownMs: number;
  /** Requests that may start at once after an idle spell (the token bucket's depth, in seconds of rate). */
  burstSeconds: number;
}

/**
 * Graph and SharePoint answer 429 once an app passes a ceiling it does not publish in advance. The dev tenant
 * models it as a fixed requests-per-second ceiling. A single client works well just under that ceiling.
 */
export const defaultRateGovernorOptions: RateGovernorOptions = {
  initialRate: 50,
  minRate: 1,
  maxRate: 2000,
  decreaseFactor: 0.85,
  increasePerSecond: 10,
  decreaseCooldownMs: 1000,
  burstSeconds: 0.05
};

export interface RateGovernorSnapshot {
  rate: number;
  throttles: number;
  decreases: number;
  pausedUntil: number;
}

/**
 * A client-side request-rate governor shared by every request of one client (AIMD, as TCP congestion control):
 * each request takes `cost` permits (a `$batch` of 20 takes 20, as Graph counts each inner request); permits
 * come at `rate` per second; a 429 cuts the rate by `decreaseFactor` (once per cooldown window) and, when
 * 429s keep coming after a cut, pauses everyone until the service's Retry-After; successes raise the rate
 * additively, so it creeps back up when the 429s stop.
 */
export class RateGovernor {
  private readonly options: RateGovernorOptions;
  private currentRate: number;
  /** When the next permit is free (virtual scheduling, as GCRA). */
  private nextFreeAt = 0;
  private pausedUntil = 0;
  private lastDecreaseAt = Number.NEGATIVE_INFINITY;
  private throttlesSinceDecrease = 0;
  private throttles = 0;
  private decreases = 0;

  constructor(
    private readonly timing: Timing,
    options: Partial<RateGovernorOptions> = {}
  ) {
    this.options = { ...defaultRateGovernorOptions, ...options };
    this.currentRate = Math.min(this.options.maxRate, Math.max(this.options.minRate, this.options.initialRate));
  }

  get rate(): number {
    return this.currentRate;
  }

  snapshot(): RateGovernorSnapshot {
    return { rate: this.currentRate, throttles: this.throttles, decreases: this.decreases, pausedUntil: this.pausedUntil };
  }

  /** Waits until `cost` permits are free, then takes them. Rejects with an AbortError if `signal` aborts first. */
  async acquire(cost = 1, signal?: AbortSignal): Promise<void> {
    const now = this.timing.now();
    const burstMs = this.options.burstSeconds * 1000;
    const start = Math.max(this.nextFreeAt, now - burstMs, this.pausedUntil);
    this.nextFreeAt = start + (Math.max(1, cost) * 1000) / this.currentRate;
    const wait = start - now;
    if (wait > 0) await this.timing.sleep(wait, signal);
  }

  /** Feeds back one answer; for a `$batch`, call it once per inner response. */
  record(status: number, retryAfterMs?: number, cost = 1): void {
    const now = this.timing.now();
    if (status === 429 || (status === 503 && retryAfterMs !== undefined)) {
      this.throttles++;
      if (now - this.lastDecreaseAt >= this.options.decreaseCooldownMs) {
        this.currentRate = Math.max(this.options.minRate, this.currentRate * this.options.decreaseFactor);
        this.lastDecreaseAt = now;
        this.throttlesSinceDecrease = 0;
        this.decreases++;
      } else if (++this.throttlesSinceDecrease >= 3 && retryAfterMs !== undefined) {
        // Still throttled after a cut: the service is over its limit for everyone, so everyone waits.
        this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
      }
      return;
    }
    if (status < 500) {
      const gain = (this.options.increasePerSecond * Math.max(1, cost)) / this.currentRate;
      this.currentRate = Math.min(this.options.maxRate, this.currentRate + gain);
    }
  }
}
