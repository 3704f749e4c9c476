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
 * accepted since the previous cut, or by `decreaseFactor` when that is not known yet; the next request waits one slot
 * at the new pace (the allowance was used up when the 429 came), and requests already waiting queue again behind it;
 * when 429s keep coming in later answers after a cut (the inner 429s of one `$batch` answer are one), everyone pauses
 * until the service's Retry-After. Successes raise the rate additively (more slowly past the last safe rate), so it
 * creeps back up when the 429s stop; once it has risen a tenth past the pace waiting requests were given their slots
 * at, they queue again at the new pace. Before the first 429 or RateLimit warning it grows multiplicatively (slow
 * start), and the first cut halves what was really sent.
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
  /**
   * How to wake each request waiting for its slot, for when the pace has risen well past the slowest pace a slot was
   * given at: those slots were spaced for the old pace, so the requests queue again at once at the new one.
   */
  private readonly wakers = new Set<AbortController>();
  /** The slowest pace a slot was given at since the last re-queue (undefined while no one waits). */
  private slowestBookedPace?: number;
  /** The slot of the last request let go: when it started and its cost, to space the next one after it. */
  private lastRelease?: { at: number; cost: number };
  /** When the last 429 was recorded: the inner answers of one `$batch` come at the same instant, as one answer. */
  private lastThrottleAt = Number.NEGATIVE_INFINITY;
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
    const permits = Math.max(1, cost);
    for (;;) {
      const epoch = this.epoch;
      const now = this.timing.now();
      const burstMs = this.options.burstSeconds * 1000;
      const pace = this.paceAt(now);
      const start = Math.max(this.nextFreeAt, now - burstMs, this.pausedUntil);
      this.nextFreeAt = start + (permits * 1000) / pace;
      const wait = start - now;
      if (wait <= 0) {
        this.lastRelease = { at: start, cost: permits };
        return;
      }
      this.slowestBookedPace = Math.min(this.slowestBookedPace ?? pace, pace);
      const repaced = await this.sleepUnlessRepaced(wait, signal);
      // The pace rose while this request waited: its slot was spaced for the old one, so it queues again now.
      if (repaced) continue;
      // A cut or a pause while this request waited: its slot was given at the old pace, so it queues again.
      if (this.epoch === epoch) {
        this.lastRelease = { at: start, cost: permits };
        return;
      }
    }
  }

  /** Sleeps `ms`; true if woken early because the pace rose. Rejects with an AbortError if `signal` aborts. */
  private async sleepUnlessRepaced(ms: number, signal?: AbortSignal): Promise<boolean> {
    const wake = new AbortController();
    const stop = (): void => wake.abort(signal?.reason);
    if (signal?.aborted) stop();
    signal?.addEventListener('abort', stop, { once: true });
    this.wakers.add(wake);
    try {
      await this.timing.sleep(ms, wake.signal);
      return false;
    } catch (e) {
      if (signal?.aborted || !wake.signal.aborted) throw e;
      return true;
    } finally {
      signal?.removeEventListener('abort', stop);
      this.wakers.delete(wake);
      if (this.wakers.size === 0) this.slowestBookedPace = undefined;
    }
  }

  /**
   * Once the pace has risen a tenth past the slowest pace a waiting request was given its slot at, everyone waiting
   * queues again at the new pace, after the last request let go (spaced at the new pace too). Without it, slots handed
   * out at the start (50 a second) keep a deep queue at that pace for seconds after the rate has doubled.
   */
  private repaceIfFaster(now: number): void {
    const booked = this.slowestBookedPace;
    if (booked === undefined || this.wakers.size === 0) return;
    const pace = this.paceAt(now);
    if (pace < booked * 1.1) return;
    const last = this.lastRelease;
    this.nextFreeAt = Math.min(this.nextFreeAt, last ? last.at + (last.cost * 1000) / pace : now);
    this.slowestBookedPace = undefined;
    const waiting = [...this.wakers];
    this.wakers.clear();
    for (const wake of waiting) wake.abort();
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
    const warning = quota !== undefined && quota.limit > 0 && quota.remaining <= quota.limit * this.options.quotaLowShare;
    // Whatever its Reset, a warning says 80% of the quota is used: the ceiling is near, so slow start ends here.
    if (warning) this.quotaSeen = true;
    const low = warning && quota.resetMs >= Math.max(1, this.options.quotaMinResetMs);
    if (!low) {
      if (this.quotaCap?.origin === origin) {
        // The slot after the last one was given at the warning's pace; the next request need not wait for it.
        if (now < this.quotaCap.until) this.nextFreeAt = Math.min(this.nextFreeAt, now);
        this.quotaCap = undefined;
        this.repaceIfFaster(now);
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
        // The service's allowance is used up now: the next request waits one slot at the new pace (the size of the
        // last one let go), or it finds the allowance still empty; those already waiting queue again behind it.
        this.nextFreeAt = now + ((this.lastRelease?.cost ?? 1) * 1000) / this.paceAt(now);
        this.epoch++;
        this.throttlesSinceDecrease = 0;
        this.decreases++;
      } else if (now !== this.lastThrottleAt && ++this.throttlesSinceDecrease >= 3 && retryAfterMs !== undefined) {
        // Still throttled after a cut: the service is over its limit for everyone, so everyone waits.
        if (now + retryAfterMs > this.pausedUntil) {
          this.pausedUntil = now + retryAfterMs;
          this.epoch++;
        }
      }
      this.lastThrottleAt = now;
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
      this.repaceIfFaster(now);
    }
  }
}
