import type { FilePlanLabel } from '../../domain/filePlanLabel';
import { parseUtcInstant } from '../../domain/utcInstant';
import { quoteODataString } from '../../http/quoteODataString';
import type { DateRange, RecordSearch } from './RecordSearch';

export type RecordSearchFilter =
  | { ok: true; filter: string; labelNames?: string[] }
  /** `empty`: the conditions cannot match anything (a descriptor no label has): no request is needed. */
  | { ok: true; empty: true; reason: string }
  | { ok: false; reason: string };

const same = (a: string | undefined, b: string): boolean => a !== undefined && a.toLowerCase() === b.toLowerCase();

function range(column: string, value: DateRange | undefined, clauses: string[]): string | undefined {
  if (!value) return undefined;
  for (const [bound, op] of [
    ['from', 'ge'],
    ['to', 'le']
  ] as const) {
    const given = value[bound];
    if (given === undefined || given === '') continue;
    const time = parseUtcInstant(given);
    if (time === undefined) return `The ${bound} date of ${column} is not a date (use 2024-05-01 or 2024-05-01T09:30:00Z).`;
    // A bare "to" date includes that whole day.
    const instant = bound === 'to' && /^\d{4}-\d{2}-\d{2}$/.test(given) ? time + 86_399_999 : time;
    clauses.push(`fields/${column} ${op} ${quoteODataString(new Date(instant).toISOString())}`);
  }
  return undefined;
}

/**
 * Builds the OData `$filter` for an information request over list item fields. Every user-supplied literal goes
 * through `quoteODataString` (the one quoting helper), so `O'Brien #2 & 50%` is a value, never syntax; the URL
 * encoding happens in the operation. A descriptor becomes the labels that carry it.
 *
 * @example recordSearchFilter({ assetId: "O'Brien" }, labels) // { ok: true, filter: "fields/ComplianceAssetId eq 'O''Brien'" }
 */
export function recordSearchFilter(search: RecordSearch, labels: readonly FilePlanLabel[]): RecordSearchFilter {
  const clauses: string[] = [];
  let names = search.labels ? [...search.labels] : undefined;
  const descriptor = search.descriptor ?? {};
  const wanted = Object.entries(descriptor).filter(([, v]) => typeof v === 'string' && v.trim() !== '') as [string, string][];
  if (wanted.length) {
    const carrying = labels
      .filter((label) =>
        wanted.every(([key, value]) =>
          key === 'citation'
            ? same(label.descriptors.citation?.name, value)
            : same(label.descriptors[key as keyof typeof label.descriptors] as string | undefined, value)
        )
      )
      .map((l) => l.name);
    names = names ? names.filter((n) => carrying.some((c) => same(c, n))) : carrying;
    if (!names.length) return { ok: true, empty: true, reason: 'No retention label carries these file plan descriptors.' };
  }
  if (names) {
    if (!names.length) return { ok: true, empty: true, reason: 'No label was chosen.' };
    clauses.push(`(${names.map((n) => `fields/_ComplianceTag eq ${quoteODataString(n)}`).join(' or ')})`);
  }
  if (search.assetId !== undefined && search.assetId !== '')
    clauses.push(`fields/ComplianceAssetId eq ${quoteODataString(search.assetId)}`);
  for (const [column, value] of [
    ['Created', search.created],
    ['Modified', search.modified],
    ['_ComplianceTagWrittenTime', search.labelled]
  ] as const) {
    const problem = range(column, value, clauses);
    if (problem) return { ok: false, reason: problem };
  }
  const text = search.text?.trim();
  if (text) {
    const literal = quoteODataString(text);
    clauses.push(`(startswith(fields/Title,${literal}) or startswith(fields/FileLeafRef,${literal}))`);
  }
  if (!clauses.length)
    return { ok: false, reason: 'Give at least one condition: a label, a descriptor, an asset id, a date range or text.' };
  return { ok: true, filter: clauses.join(' and '), ...(names ? { labelNames: names } : {}) };
}
