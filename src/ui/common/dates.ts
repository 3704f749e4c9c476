// One way to write dates on every surface, in the reader's locale: the task pane passes Office's display language,
// the Teams tab and the web part the browser's (which the host sets to the user's language). Dates are read in UTC,
// as retention is decided in UTC, so a calendar date never shifts a day; times say "UTC". Files for machines (the
// proof register CSV, the file plan CSV) keep ISO 8601.

/** The reader's locale when none is given: the browser's language; the runtime's default outside a browser. */
function readerLocale(locale: string | undefined): string | undefined {
  return locale ?? globalThis.navigator?.language;
}

function parse(value: string): number {
  // A bare calendar date (`2026-01-04`) is a UTC day, not local midnight.
  return Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
}

/** "4 Jan 2026" (en-GB), "Jan 4, 2026" (en-US); '' for no date, the text itself when it is not a date. */
export function formatDate(value: string | undefined, locale?: string): string {
  if (!value) return '';
  const time = parse(value);
  if (Number.isNaN(time)) return value;
  return new Intl.DateTimeFormat(readerLocale(locale), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(time);
}

/** "4 Jan 2026, 09:30 UTC" (en-GB), "Jan 4, 2026, 09:30 AM UTC" (en-US). */
export function formatDateTime(value: string | undefined, locale?: string): string {
  if (!value) return '';
  const time = parse(value);
  if (Number.isNaN(time)) return value;
  return new Intl.DateTimeFormat(readerLocale(locale), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short'
  }).format(time);
}

/** `2026-03` -> "Mar 2026". */
export function formatMonth(month: string, locale?: string): string {
  const time = Date.parse(`${month}-01T00:00:00Z`);
  if (Number.isNaN(time)) return month;
  return new Intl.DateTimeFormat(readerLocale(locale), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(time);
}
