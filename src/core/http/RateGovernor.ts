import type { RateLimitQuota } from './parseRateLimit';
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
  /**
   * Until the first 429 the rate grows by this share of itself per second of clean traffic (TCP's slow start),
   * so a client starting low finds the ceiling in seconds, not minutes; 0 turns it off.
   */
  slowStartGrowth: number;
  /**
   * On a 429, the rate is cut to this share of what the service accepted since the previous cut (per second), when
   * that is known: a deep cut after an overshoot, a shallow one at the edge, instead of the same factor for both.
   */
  acceptedShare: number;
  /**
   * Past the rate last known to be safe (where the previous cut landed, over `acceptedShare`), the additive increase
   * is divided by this: the rate lingers near the ceiling instead of overshooting it (as TCP CUBIC's plateau).
   */
  plateauDivisor: number;
  /**
   * SharePoint's RateLimit headers count as a warning when Remaining is at most this share of Limit: it sends them
   * once 80% of an app's one-minute limit is used, so 0.2 takes every one it sends.
   */
  quotaLowShare: number;
  /**
   * RateLimit headers whose Reset is shorter than this are left to the 429 feedback. Reset comes in whole seconds
   * (SharePoint's windows are a minute long); a window of a second or two is then rounded up by as much as the window
   * itself, and Remaining / Reset would pace at a fraction of what the service accepts.
   */
  quotaMinResetMs: number;
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
  burstSeconds: 0.05,
  slowStartGrowth: 0.5,
  acceptedShare: 0.95,
  plateauDivisor: 5,
  quotaLowShare: 0.2,
  quotaMinResetMs: 2000
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
 * come at `rate` per second; a 429 cuts the rate (once per cooldown window) to `acceptedShare` of what the service
 * accepted since the previous cut, or by `decreaseFactor` when that is not known yet, and requests already waiting
 * queue again at the new pace; when 429s keep coming after a cut, everyone pauses until the service's Retry-After.
 * Successes raise the rate additively (more slowly past the last safe rate), so it creeps back up when the 429s
 * stop. Before the first 429 it grows multiplicatively (slow start), and the first cut halves what was really sent.
 * Tuned with `bench/labelling.ts` against the dev tenant's ceiling (a token bucket one second deep).
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
  /** Permits answered without throttling, ever, and how many of them by the last cut (and when it was). */
  private acceptedTotal = 0;
  private acceptedAtCut = 0;
  /** Permits accepted in the last whole second, counted second by second. */
  private acceptedLastSecond = 0;
  private secondStartAt = Number.NEGATIVE_INFINITY;
  private acceptedAtSecondStart = 0;
  /** Where the last cut landed: below the service's ceiling as last measured. */
  private knownGood?: number;
  /** Bumped by every cut and pause, so requests already waiting take their place again at the new pace. */
  private epoch = 0;
  /** The pace that makes what is left of a service's announced quota last until it is refilled, and until when. */
  private quotaCap?: { rate: number; until: number; origin: string };
  /** A RateLimit warning has been seen: growth is additive from then on, as after a 429 (the ceiling is near). */
  private quotaSeen = false;

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

  /** Permits per second right now: the rate, or less while a RateLimit warning asks for less. */
  private paceAt(now: number): number {
    const cap = this.quotaCap;
    return cap && now < cap.until ? Math.min(this.currentRate, cap.rate) : this.currentRate;
  }

  snapshot(): RateGovernorSnapshot {
    return { rate: this.currentRate, throttles: this.throttles, decreases: this.decreases, pausedUntil: this.pausedUntil };
  }

  /** Waits until `cost` permits are free, then takes them. Rejects with an AbortError if `signal` aborts first. */
  async acquire(cost = 1, signal?: AbortSignal): Promise<void> {
    for (;;) {
      const epoch = this.epoch;
      const now = this.timing.now();
      const burstMs = this.options.burstSeconds * 1000;
      const start = Math.max(this.nextFreeAt, now - burstMs, this.pausedUntil);
      this.nextFreeAt = start + (Math.max(1, cost) * 1000) / this.paceAt(now);
      const wait = start - now;
      if (wait <= 0) return;
      await this.timing.sleep(wait, signal);
      // A cut or a pause while this request waited: its slot was given at the old pace, so it queues again.
      if (this.epoch === epoch) return;
    }
  }

  /**
   * Feeds back SharePoint's RateLimit headers of one answer from `origin` (undefined when it had none), to slow down
   * before a 429 ("Avoid getting throttled or blocked in SharePoint Online", "RateLimit headers - preview"). When
   * Remaining is low relative to Limit, requests are paced so that the rest lasts until Reset (Remaining / Reset per
   * second at most, whatever the rate); with nothing left, everyone waits for the Reset. An answer from the same
   * origin without the headers means usage is back under 80%, and lifts the pace. The AIMD rate itself is not cut
   * (no 429 came), but it stops growing while the warning lasts.
   *
   * @example governor.noteQuota('https://contoso.sharepoint.com', { limit: 1200, remaining: 120, resetMs: 5000 }) // 24 a second for 5 s
   */
  noteQuota(origin: string, quota: RateLimitQuota | undefined): void {
    const now = this.timing.now();
    const low =
      quota !== undefined &&
      quota.limit > 0 &&
      quota.remaining <= quota.limit * this.options.quotaLowShare &&
      quota.resetMs >= Math.max(1, this.options.quotaMinResetMs);
    if (!low) {
      if (this.quotaCap?.origin === origin) {
        // The slot after the last one was given at the warning's pace; the next request need not wait for it.
        if (now < this.quotaCap.until) this.nextFreeAt = Math.min(this.nextFreeAt, now);
        this.quotaCap = undefined;
      }
      return;
    }
    this.quotaSeen = true;
    if (quota.remaining === 0) {
      this.quotaCap = undefined;
      if (now + quota.resetMs > this.pausedUntil) {
        this.pausedUntil = now + quota.resetMs;
        this.epoch++;
      }
      return;
    }
    const before = this.paceAt(now);
    this.quotaCap = { rate: (quota.remaining * 1000) / quota.resetMs, until: now + quota.resetMs, origin };
    if (this.paceAt(now) < before) {
      // Slots handed out at the old pace are taken back: requests already waiting queue again at the new one.
      this.nextFreeAt = Math.min(this.nextFreeAt, now);
      this.epoch++;
    }
  }

  /** Feeds back one answer; for a `$batch`, call it once per inner response. */
  record(status: number, retryAfterMs?: number, cost = 1): void {
    const now = this.timing.now();
    if (now - this.secondStartAt >= 1000) {
      this.acceptedLastSecond = now - this.secondStartAt < 2000 ? this.acceptedTotal - this.acceptedAtSecondStart : 0;
      this.secondStartAt = now;
      this.acceptedAtSecondStart = this.acceptedTotal;
    }
    if (status === 429 || (status === 503 && retryAfterMs !== undefined)) {
      this.throttles++;
      if (now - this.lastDecreaseAt >= this.options.decreaseCooldownMs) {
        // A 429 means the service's allowance is used up, now and at the previous cut: what it accepted in between,
        // over the time between, is its ceiling (whatever burst allowance it has).
        const elapsed = now - this.lastDecreaseAt;
        const accepted = Number.isFinite(elapsed) && elapsed >= 1000 ? ((this.acceptedTotal - this.acceptedAtCut) * 1000) / elapsed : 0;
        const grewInSlowStart = this.decreases === 0 && this.currentRate > this.options.initialRate;
        let cut =
          accepted > 0
            ? Math.max(this.currentRate * 0.5, Math.min(this.currentRate * 0.97, accepted * this.options.acceptedShare))
            : this.currentRate * this.options.decreaseFactor;
        // Slow start overshoots by up to the service's burst allowance: halve what was really sent, as TCP does.
        if (grewInSlowStart)
          cut = Math.min(cut, 0.5 * (this.acceptedLastSecond > 0 ? Math.min(this.currentRate, this.acceptedLastSecond) : this.currentRate));
        this.currentRate = Math.max(this.options.minRate, cut);
        // Only a cut based on what the service accepted marks a ceiling worth lingering under.
        this.knownGood = accepted > 0 ? this.currentRate : undefined;
        this.lastDecreaseAt = now;
        this.acceptedAtCut = this.acceptedTotal;
        this.nextFreeAt = Math.min(this.nextFreeAt, now);
        this.epoch++;
        this.throttlesSinceDecrease = 0;
        this.decreases++;
      } else if (++this.throttlesSinceDecrease >= 3 && retryAfterMs !== undefined) {
        // Still throttled after a cut: the service is over its limit for everyone, so everyone waits.
        if (now + retryAfterMs > this.pausedUntil) {
          this.pausedUntil = now + retryAfterMs;
          this.epoch++;
        }
      }
      return;
    }
    if (status < 500) {
      this.acceptedTotal += Math.max(1, cost);
      // Near the service's announced quota: no faster, or the next answers are 429s.
      if (this.quotaCap && now < this.quotaCap.until) return;
      const gain =
        this.decreases === 0 && this.throttles === 0 && !this.quotaSeen
          ? this.options.slowStartGrowth * Math.max(1, cost)
          : (this.options.increasePerSecond * Math.max(1, cost)) /
            this.currentRate /
            (this.knownGood !== undefined && this.currentRate * this.options.acceptedShare > this.knownGood
              ? this.options.plateauDivisor
              : 1);
      this.currentRate = Math.min(this.options.maxRate, this.currentRate + gain);
    }
  }
}
