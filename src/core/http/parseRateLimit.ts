/** What SharePoint's RateLimit headers say about the current window. */
export interface RateLimitQuota {
  /** `RateLimit-Limit`: the limit in the current window (resource units or requests). */
  limit: number;
  /** `RateLimit-Remaining`: what is left of it. */
  remaining: number;
  /** `RateLimit-Reset`, in milliseconds: until the quota is refilled. */
  resetMs: number;
}

/** A whole number of at least 0; draft-03 lets `RateLimit-Limit` carry quota policies after it (`100, 100;w=60`). */
function leadingCount(value: string | null | undefined): number | undefined {
  const m = /^\s*(\d+)\s*(?:[,;]|$)/.exec(value ?? '');
  return m ? Number(m[1]) : undefined;
}

/**
 * Reads `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` ("Avoid getting throttled or blocked in
 * SharePoint Online", section "RateLimit headers - preview", which follows IETF draft-03: Reset is delay-seconds).
 * Undefined unless all three are there and readable: SharePoint sends them only once 80% of an app's one-minute
 * limit is used, on a best-effort basis.
 *
 * @example parseRateLimit(headers) // { limit: 1200, remaining: 120, resetMs: 5000 } for 1200 / 120 / 5
 */
export function parseRateLimit(headers: { get(name: string): string | null }): RateLimitQuota | undefined {
  const limit = leadingCount(headers.get('ratelimit-limit'));
  const remaining = leadingCount(headers.get('ratelimit-remaining'));
  const reset = leadingCount(headers.get('ratelimit-reset'));
  if (limit === undefined || remaining === undefined || reset === undefined) return undefined;
  return { limit, remaining: Math.min(remaining, limit), resetMs: reset * 1000 };
}
