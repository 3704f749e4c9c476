import { parseRateLimit } from './parseRateLimit';
import { parseRetryAfter } from './parseRetryAfter';

/**
 * How long a throttled answer asks the client to wait: `Retry-After` (seconds or HTTP date), or on a 429 or 503 that
 * also carries SharePoint's `RateLimit-Reset`, the greater of the two ("There are instances where the Retry-After
 * returns a smaller value. In such cases, the general rule of thumb is to honor the greater of the two values",
 * "Avoid getting throttled or blocked in SharePoint Online"). Undefined when neither says.
 *
 * @example throttleWaitMs(429, headers of { 'Retry-After': '9', 'RateLimit-Reset': '31', ... }, now) // 31000
 */
export function throttleWaitMs(status: number, headers: { get(name: string): string | null }, nowMs: number): number | undefined {
  const retryAfter = parseRetryAfter(headers.get('retry-after'), nowMs);
  if (status !== 429 && status !== 503) return retryAfter;
  const reset = parseRateLimit(headers)?.resetMs;
  if (reset === undefined) return retryAfter;
  return retryAfter === undefined ? reset : Math.max(retryAfter, reset);
}
