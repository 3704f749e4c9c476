import { formatDate, formatDateTime, formatMonth } from '../../../src/ui/common/dates';

// The formats are CLDR's, as every browser writes them for these locales (the outside truth a reader sees in any
// other app); what this module adds is reading dates in UTC and leaving what is not a date alone.
describe('dates as people read them, one format per locale', () => {
  it.each([
    ['en-GB', '4 Jan 2026', '4 Jan 2026, 09:30 UTC', 'Mar 2026'],
    ['en-US', 'Jan 4, 2026', 'Jan 4, 2026, 09:30 AM UTC', 'Mar 2026'],
    ['de-DE', '4. Jan. 2026', '4. Jan. 2026, 09:30 UTC', 'März 2026']
  ])('%s', (locale, date, dateTime, month) => {
    expect(formatDate('2026-01-04', locale)).toBe(date);
    expect(formatDate('2026-01-04T23:59:59Z', locale)).toBe(date);
    expect(formatDateTime('2026-01-04T09:30:00Z', locale)).toBe(dateTime);
    expect(formatMonth('2026-03', locale)).toBe(month);
  });

  it('reads a calendar date and an instant in UTC, so that no reader sees the day shift', () => {
    // An instant late on 4 January in New York is 5 January in UTC, the zone retention is decided in.
    expect(formatDate('2026-01-04T22:00:00-05:00', 'en-GB')).toBe('5 Jan 2026');
    expect(formatDateTime('2026-01-04T22:00:00-05:00', 'en-GB')).toBe('5 Jan 2026, 03:00 UTC');
  });

  it('writes nothing for no date, and what it was given when it is not a date', () => {
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('')).toBe('');
    expect(formatDateTime(undefined)).toBe('');
    expect(formatDate('soon', 'en-GB')).toBe('soon');
    expect(formatDateTime('2026-13-45', 'en-GB')).toBe('2026-13-45');
    expect(formatMonth('someday', 'en-GB')).toBe('someday');
  });
});
