import { errors } from '../errors';
import { readPropertyPath } from '../protocol/odataFilter';

// SharePoint's own list item paging token (`$skiptoken=Paged=TRUE&p_ID=N`, with `p_{Field}` under `$orderby`).

/**
 * SharePoint's paging position, `$skiptoken=Paged=TRUE&p_ID=5` ("Use OData query operations in SharePoint REST
 * requests", "Page through returned items"): the items after item 5, in the order of the request. With `$orderby`,
 * the last item's values of the ordering fields come too (`p_Title=...`), percent-encoded, before `p_ID`.
 */
export interface SkipToken {
  id: number;
  values: Map<string, string>;
}

export function parseSkipToken(raw: string | undefined): SkipToken | undefined {
  if (raw === undefined) return undefined;
  const params = new URLSearchParams(raw);
  if (params.get('PagedPrev')?.toUpperCase() === 'TRUE') throw errors.notImplemented('paging backwards ($skiptoken with PagedPrev=TRUE)');
  const id = params.get('p_ID');
  if (params.get('Paged')?.toUpperCase() !== 'TRUE' || id === null || !/^\d+$/.test(id))
    throw errors.badRequest(`The $skiptoken '${raw}' is not valid: use Paged=TRUE&p_ID={the last item's ID}.`);
  const values = new Map<string, string>();
  for (const [k, v] of params) if (/^p_/i.test(k) && k !== 'p_ID') values.set(k.slice(2).toLowerCase(), v);
  return { id: Number(id), values };
}

export type Order = { path: string[]; desc: boolean }[];

export function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null || a === '') return b === undefined || b === null || b === '' ? 0 : -1;
  if (b === undefined || b === null || b === '') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A token's value of an ordering field, read back in the type of the field (the token carries text). */
export function tokenValue(sample: unknown, text: string | undefined): unknown {
  if (text === undefined || text === '') return null;
  if (typeof sample === 'number') return Number(text);
  if (typeof sample === 'boolean') return text === '1' || text.toLowerCase() === 'true';
  return text;
}

/** Orders by `$orderby`, then by ID, as SharePoint pages: its position names the ID last. */
export function compareRows(order: Order, a: Record<string, unknown>, b: Record<string, unknown>): number {
  for (const o of order) {
    const c = compareValues(readPropertyPath(a, o.path), readPropertyPath(b, o.path));
    if (c !== 0) return o.desc ? -c : c;
  }
  return (a.Id as number) - (b.Id as number);
}

export function afterToken(order: Order, row: Record<string, unknown>, token: SkipToken): boolean {
  for (const o of order) {
    const mine = readPropertyPath(row, o.path);
    const c = compareValues(mine, tokenValue(mine, token.values.get(o.path.join('/').toLowerCase())));
    if (c !== 0) return o.desc ? c < 0 : c > 0;
  }
  return (row.Id as number) > token.id;
}

export function skipTokenOf(order: Order, last: Record<string, unknown>): string {
  const parts = ['Paged=TRUE'];
  for (const o of order) {
    const v = readPropertyPath(last, o.path);
    parts.push(`p_${o.path.join('/')}=${encodeURIComponent(v === null || v === undefined ? '' : String(v))}`);
  }
  parts.push(`p_ID=${String(last.Id)}`);
  return parts.join('&');
}
