import type { FilePlanLabel } from '../../domain/filePlanLabel';
import { parseUtcInstant } from '../../domain/utcInstant';
import { kqlPropertyCompare, kqlPropertyMatch, kqlPropertyPrefix } from '../../http/escapeKql';
import type { DateRange, RecordSearch } from './RecordSearch';
import { managedProperties } from '../../graph/search/managedProperties';

export type RecordSearchQuery =
  | {
      ok: true;
      /** KQL for the conditions search can answer; the library scope is added per request. */
      queryString: string;
      /** The labels an item must carry (any of them), compared exactly on the results, ignoring case. */
      labelNames?: string[];
      /** When the label was applied: no managed property documents it, so it is checked on each result. */
      labelled?: { from?: number; to?: number };
    }
  /** `empty`: the conditions cannot match anything (a descriptor no label has): no request is needed. */
  | { ok: true; empty: true; reason: string }
  | { ok: false; reason: string };

const same = (a: string | undefined, b: string): boolean => a !== undefined && a.toLowerCase() === b.toLowerCase();

/** An inclusive range in milliseconds; a bare "to" date includes that whole day. */
function readRange(name: string, value: DateRange | undefined): { from?: number; to?: number } | string | undefined {
  if (!value) return undefined;
  const out: { from?: number; to?: number } = {};
  for (const bound of ['from', 'to'] as const) {
    const given = value[bound];
    if (given === undefined || given === '') continue;
    const time = parseUtcInstant(given);
    if (time === undefined) return `The ${bound} date of ${name} is not a date (use 2024-05-01 or 2024-05-01T09:30:00Z).`;
    out[bound] = bound === 'to' && /^\d{4}-\d{2}-\d{2}$/.test(given) ? time + 86_399_999 : time;
  }
  return out.from === undefined && out.to === undefined ? undefined : out;
}

/**
 * An asset id is matched whole; KQL cannot say `"` or `*` inside a value (no escape exists), so an id holding one is
 * asked for by the prefix before it, and the results are compared exactly (`searchRecords`).
 *
 * @example assetIdClause('O\'Brien "Q1"') // 'ComplianceAssetId:"O\'Brien*"'
 */
function assetIdClause(assetId: string): string {
  // eslint-disable-next-line no-control-regex
  const unsayable = /["*\u0000-\u001f\u007f\u2028\u2029]/.exec(assetId);
  if (!unsayable) return kqlPropertyMatch(managedProperties.assetId, assetId);
  const before = assetId.slice(0, unsayable.index).trim();
  return before === '' ? `${managedProperties.assetId}:*` : kqlPropertyPrefix(managedProperties.assetId, before);
}

function rangeClauses(property: string, range: { from?: number; to?: number }): string[] {
  const clauses: string[] = [];
  if (range.from !== undefined) clauses.push(kqlPropertyCompare(property, '>=', new Date(range.from).toISOString()));
  if (range.to !== undefined) clauses.push(kqlPropertyCompare(property, '<=', new Date(range.to).toISOString()));
  return clauses;
}

/**
 * Turns an information request into KQL for Microsoft Search. Every user-supplied value goes through the KQL helpers
 * (`http/escapeKql`), so `O'Brien "Q1" AND x*` is a phrase, never syntax or a wildcard. A descriptor becomes the
 * labels that carry it; text matches words of the title or the file name, its last word as a prefix.
 *
 * @example recordSearchQuery({ assetId: 'INV-7' }, labels) // { ok: true, queryString: 'ComplianceAssetId:"INV-7"' }
 */
export function recordSearchQuery(search: RecordSearch, labels: readonly FilePlanLabel[]): RecordSearchQuery {
  const p = managedProperties;
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
    clauses.push(`(${names.map((n) => kqlPropertyMatch(p.label, n)).join(' OR ')})`);
  }
  if (search.assetId !== undefined && search.assetId !== '') clauses.push(assetIdClause(search.assetId));
  let labelled: { from?: number; to?: number } | undefined;
  for (const [name, value, property] of [
    ['Created', search.created, p.created],
    ['Modified', search.modified, p.modified],
    ['Labelled', search.labelled, undefined]
  ] as const) {
    const range = readRange(name, value);
    if (typeof range === 'string') return { ok: false, reason: range };
    if (!range) continue;
    if (property) clauses.push(...rangeClauses(property, range));
    else labelled = range;
  }
  const text = search.text?.trim();
  if (text) {
    // Search matches words: text of punctuation alone would match everything or nothing.
    if (!/[\p{L}\p{N}]/u.test(text))
      return { ok: false, reason: 'The text has no letter or digit; search matches words of the title or file name.' };
    clauses.push(`(${kqlPropertyPrefix(p.title, text)} OR ${kqlPropertyPrefix(p.fileName, text)})`);
  }
  // A labelled range alone still needs a query: every item that carries a label.
  if (!clauses.length && labelled) clauses.push(`${p.label}:*`);
  if (!clauses.length)
    return { ok: false, reason: 'Give at least one condition: a label, a descriptor, an asset id, a date range or text.' };
  return { ok: true, queryString: clauses.join(' AND '), ...(names ? { labelNames: names } : {}), ...(labelled ? { labelled } : {}) };
}
