export interface BackoffPolicy {
  /** Delay before the first retry when the service gives no Retry-After. */
  baseDelayMs: number;
  /** No computed or server-given wait exceeds this. */
  maxDelayMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseDelayMs: 500, maxDelayMs: 60_000 };

/**
 * Exponential backoff with "equal jitter": half the exponential step plus a random share of the other half,
 * so concurrent clients spread out but no retry comes immediately. `retry` counts from 1.
 *
 * @example backoffDelay(3, 0.5, { baseDelayMs: 500, maxDelayMs: 60_000 }) // 2000 * (0.5 + 0.25) = 1500
 */
export function backoffDelay(retry: number, random: number, policy: BackoffPolicy = defaultBackoff): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(step / 2 + (step / 2) * random);
}
