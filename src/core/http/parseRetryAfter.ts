/** The three HTTP-date forms a recipient must accept (RFC 9110 §5.6.7), all in GMT; asctime says so by omission. */
const imfFixdate = /^[A-Za-z]{3}, \d\d [A-Za-z]{3} \d{4} \d\d:\d\d:\d\d GMT$/;
const rfc850Date = /^[A-Za-z]{6,9}, \d\d-[A-Za-z]{3}-\d\d \d\d:\d\d:\d\d GMT$/;
const asctimeDate = /^[A-Za-z]{3} [A-Za-z]{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$/;

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
  // Anything else must be an HTTP-date: Date.parse alone reads garbage ("in 5") as a past date, that is "retry
  // now", and asctime in the machine's local time.
  const asctime = asctimeDate.test(text);
  if (!asctime && !imfFixdate.test(text) && !rfc850Date.test(text)) return undefined;
  const at = Date.parse(asctime ? `${text} GMT` : text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
