/**
 * Reads `Retry-After` as delay-seconds or an HTTP-date (RFC 9110 §10.2.3) and returns milliseconds to wait,
 * or undefined when the header is absent or unreadable. A date in the past gives 0.
 *
 * @example parseRetryAfter('7', now) // 7000
 * @example parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', now) // that date minus now
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (/^\d*\.\d+$/.test(text)) return Math.ceil(Number(text) * 1000);
  // Only the IMF-fixdate, RFC 850 and asctime forms carry letters; a bare negative or garbage number is refused.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
