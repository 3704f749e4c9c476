/**
 * Fault injection: latency, a request-rate ceiling (429 + Retry-After, each request inside a `$batch`
 * counting, as Graph counts them), random 429/503/504 answers and dropped connections. The random faults
 * are a pure function of (seed, request number), so the same seed and the same request sequence give the
 * same faults on every run.
 */

import { MeteredApiGate, type MeteredSetting } from './meteredApi';

export const faultKinds = ['429', '503', '504', 'reset'] as const;
export type FaultKind = (typeof faultKinds)[number];

export interface FaultSettings {
  latencyMs: number;
  /** Requests per second; 0 means no ceiling. */
  rate: number;
  probabilities: Partial<Record<FaultKind, number>>;
  /** assignSensitivityLabel's metering (`--metered`); off when absent. */
  metered?: MeteredSetting;
}

/** SharePoint returns the RateLimit headers "when an application consumes 80% or more of its app 1-minute limit". */
export const rateLimitHeaderUsage = 0.8;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Parses `429:0.05,503:0.02,reset:0.01`. The probabilities must add up to at most 1. */
export function parseFaultSpec(spec: string): ParseResult<Partial<Record<FaultKind, number>>> {
  const out: Partial<Record<FaultKind, number>> = {};
  if (spec.trim() === '') return { ok: true, value: out };
  let total = 0;
  for (const part of spec.split(',')) {
    const m = /^\s*([^:\s]+)\s*:\s*([0-9]*\.?[0-9]+)\s*$/.exec(part);
    if (!m) return { ok: false, reason: `'${part}' is not KIND:PROBABILITY (e.g. 429:0.05).` };
    const kind = m[1] as FaultKind;
    if (!(faultKinds as readonly string[]).includes(kind))
      return { ok: false, reason: `Unknown fault '${m[1]}'; use one of ${faultKinds.join(', ')}.` };
    const p = Number(m[2]);
    if (!(p >= 0 && p <= 1)) return { ok: false, reason: `The probability for ${kind} must be between 0 and 1.` };
    out[kind] = p;
    total += p;
  }
  if (total > 1 + 1e-9) return { ok: false, reason: 'The fault probabilities add up to more than 1.' };
  return { ok: true, value: out };
}

export function formatFaultSpec(p: Partial<Record<FaultKind, number>>): string {
  return faultKinds
    .filter((k) => p[k] !== undefined)
    .map((k) => `${k}:${p[k]}`)
    .join(',');
}

/** A 32-bit integer hash (from the "lowbias32" family) used to derive one uniform number per request. */
function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

export function uniformFor(seed: number, n: number): number {
  return mix(mix(seed >>> 0) ^ mix(n + 0x9e3779b9)) / 4294967296;
}

export class FaultController {
  settings: FaultSettings;
  private counter = 0;
  private tokens: number;
  private last: number;
  private meteredGate: MeteredApiGate;

  constructor(
    private readonly seed: number,
    settings: FaultSettings,
    private readonly wallClock: () => number = Date.now
  ) {
    this.settings = settings;
    this.tokens = settings.rate;
    this.last = wallClock();
    this.meteredGate = new MeteredApiGate(settings.metered ?? { kind: 'off' });
  }

  update(next: Partial<FaultSettings>): void {
    this.settings = { ...this.settings, ...next, probabilities: next.probabilities ?? this.settings.probabilities };
    this.counter = 0;
    this.tokens = this.settings.rate;
    this.last = this.wallClock();
    if (next.metered) this.meteredGate = new MeteredApiGate(next.metered);
  }

  /** One call of a metered API at `nowMs` on the tenant's clock: undefined when admitted, else the 402 or 429 to answer. */
  meteredCall(nowMs: number): ReturnType<MeteredApiGate['admit']> {
    return this.meteredGate.admit(nowMs);
  }

  /** The random fault (if any) for the next request, deterministic from the seed and the request count. */
  nextFault(): FaultKind | undefined {
    const n = this.counter++;
    const u = uniformFor(this.seed, n);
    let acc = 0;
    for (const kind of faultKinds) {
      acc += this.settings.probabilities[kind] ?? 0;
      if (u < acc) return kind;
    }
    return undefined;
  }

  /** Brings the rate ceiling's bucket up to now: `rate` requests a second, never more than `rate` held. */
  private refill(rate: number): void {
    const now = this.wallClock();
    this.tokens = Math.min(rate, this.tokens + ((now - this.last) / 1000) * rate);
    this.last = now;
  }

  /**
   * Takes one request from the rate ceiling (a token bucket of `rate` requests refilled at `rate` per second).
   * Returns undefined when allowed, or the Retry-After seconds when the request is over the ceiling.
   */
  takeRate(): number | undefined {
    const rate = this.settings.rate;
    if (!rate) return undefined;
    this.refill(rate);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return undefined;
    }
    return Math.max(1, Math.ceil((1 - this.tokens) / rate));
  }

  /**
   * SharePoint's RateLimit headers for the rate ceiling, as "Avoid getting throttled or blocked in SharePoint Online"
   * (section "RateLimit headers - preview") describes them, sent only once 80% or more of the limit is used:
   * `RateLimit-Limit` the limit in the current window (the bucket's `rate` requests, a window of one second),
   * `RateLimit-Remaining` the quota left in it, `RateLimit-Reset` the whole seconds until the quota is refilled.
   * Read after the request has taken its share, so a 429 of the ceiling shows `Remaining: 0`, with a Reset that is
   * never shorter than its Retry-After (Microsoft's example has them equal).
   *
   * @example { 'RateLimit-Limit': '10', 'RateLimit-Remaining': '1', 'RateLimit-Reset': '1' }
   */
  rateLimitHeaders(): Record<string, string> | undefined {
    const rate = this.settings.rate;
    if (!rate) return undefined;
    this.refill(rate);
    if (rate - this.tokens < rateLimitHeaderUsage * rate) return undefined;
    const refilledIn = Math.max(1, Math.ceil((rate - this.tokens) / rate));
    const retryAfter = this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) / rate);
    return {
      'RateLimit-Limit': String(rate),
      'RateLimit-Remaining': String(Math.max(0, Math.floor(this.tokens))),
      'RateLimit-Reset': String(Math.max(refilledIn, retryAfter))
    };
  }
}
