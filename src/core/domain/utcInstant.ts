/**
 * A moment as callers hold it: a `Date`, milliseconds since the epoch, or an ISO 8601 string with a
 * zone (`Z` or `+01:00`) or a bare date.
 */
export type InstantInput = Date | number | string;

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2}))?$/;

// setUTCFullYear, not Date.UTC, which reads years 0-99 as 1900-1999 (and 1900, unlike year 0, is not a leap year).
const daysInMonth = (year: number, month: number): number => {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
};

/**
 * Reads a moment as milliseconds since the epoch, or `undefined` when it is not one. A time without
 * a zone ("2024-03-10T02:30") is refused rather than read in the machine's zone, which would make
 * retention dates differ between a browser in Auckland and a server in Los Angeles; a bare date
 * ("2024-03-10") is midnight UTC, as ECMAScript reads it. Impossible dates such as 2023-02-29 are refused.
 *
 * @example parseUtcInstant('2024-02-29T23:30:00-08:00') // Date.UTC(2024, 2, 1, 7, 30)
 * @example parseUtcInstant('2024-02-29T23:30') // undefined
 */
export function parseUtcInstant(value: InstantInput): number | undefined {
  if (value instanceof Date) {
    const time = value.getTime();
    return Number.isNaN(time) ? undefined : time;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = isoPattern.exec(value);
  if (match === null) return undefined;
  // The pattern only allows a time together with its zone, so a time never lacks one here.
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const numbers = [year, month, day, hour ?? '0', minute ?? '0', second ?? '0'].map(Number);
  const [y, mo, d, h, mi, s] = numbers;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return undefined;
  const milliseconds = fraction === undefined ? 0 : Number(`0.${fraction}`) * 1000;
  let offsetMinutes = 0;
  if (zone !== undefined && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const offsetHours = Number(zone.slice(1, 3));
    const offsetRest = Number(zone.slice(4, 6));
    if (offsetHours > 23 || offsetRest > 59) return undefined;
    offsetMinutes = sign * (offsetHours * 60 + offsetRest);
  }
  const utc = new Date(0);
  utc.setUTCFullYear(y, mo - 1, d);
  utc.setUTCHours(h, mi, s, Math.floor(milliseconds));
  return utc.getTime() - offsetMinutes * 60000;
}

/**
 * The UTC calendar date of a moment, as `YYYY-MM-DD`.
 *
 * @example utcDate(Date.UTC(2024, 1, 29, 23, 59)) // '2024-02-29'
 */
export function utcDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
