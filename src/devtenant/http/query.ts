import { errors } from '../errors';
import { evaluateFilter, type FilterExpr, FilterSyntaxError, parseFilter, readPropertyPath } from '../protocol/odataFilter';
import { base64UrlEncode, base64UrlDecode, decodeSegment } from '../protocol/urlEncoding';
import type { Ctx } from './context';

/** System query options a route can declare; the rest (`$count`, `$search`, `$skip`, `$format`, ...) are refused. */
export const collectionOptions = ['$select', '$filter', '$top', '$orderby', '$skiptoken', '$expand'] as const;
export const entityOptions = ['$select', '$expand'] as const;

const systemOptionNames = [
  'select',
  'expand',
  'filter',
  'top',
  'orderby',
  'skiptoken',
  'skip',
  'count',
  'format',
  'apply',
  'compute',
  'levels',
  'deltatoken'
];

/**
 * Normalises Graph's query: v1.0 accepts system options without the `$` prefix too (`select=`), so they are
 * folded onto their `$` names. Duplicate options are a 400, as OData requires.
 */
export function normaliseQuery(params: URLSearchParams): Map<string, string> {
  const out = new Map<string, string>();
  for (const [rawKey, value] of params) {
    const key =
      !rawKey.startsWith('$') && systemOptionNames.includes(rawKey.toLowerCase())
        ? `$${rawKey.toLowerCase()}`
        : rawKey.startsWith('$')
          ? rawKey.toLowerCase()
          : rawKey;
    if (out.has(key)) throw errors.badRequest(`The query option '${key}' was specified more than once.`);
    out.set(key, value);
  }
  return out;
}

export function checkQueryAllowed(query: Map<string, string>, allowed: readonly string[]): void {
  for (const key of query.keys()) {
    if (!allowed.some((a) => a.toLowerCase() === key.toLowerCase())) {
      throw errors.unsupportedQuery(`The query option '${key}' is not supported by the dev tenant on this resource.`);
    }
  }
}

export function selectOption(ctx: Ctx): string[] | undefined {
  const v = ctx.query.get('$select');
  if (v === undefined) return undefined;
  const names = v.split(',').map((s) => s.trim());
  if (names.some((n) => !/^[A-Za-z_@][A-Za-z0-9_.@]*$/.test(n))) throw errors.badRequest(`Invalid $select: '${v}'.`);
  return names;
}

export interface ExpandItem {
  name: string;
  select?: string[];
  /** A nested `$expand` (only `listItem($expand=fields)` uses it). */
  expand?: string[];
}

/** Parses `$expand=fields($select=A,B),retentionLabel`; names outside `allowed` are a 400. */
export function expandOption(ctx: Ctx, allowed: readonly string[]): Map<string, ExpandItem> {
  const out = new Map<string, ExpandItem>();
  const v = ctx.query.get('$expand');
  if (v === undefined) return out;
  let depth = 0;
  let cur = '';
  const parts: string[] = [];
  for (const ch of v) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  for (const part of parts.map((p) => p.trim())) {
    const m = /^([A-Za-z_][A-Za-z_/]*)(?:\((.*)\))?$/.exec(part);
    if (!m) throw errors.badRequest(`Invalid $expand: '${v}'.`);
    const name = allowed.find((a) => a.toLowerCase() === m[1].toLowerCase());
    if (!name) throw errors.unsupportedQuery(`Expanding '${m[1]}' is not supported on this resource by the dev tenant.`);
    const item: ExpandItem = { name };
    if (m[2] !== undefined) {
      for (const opt of m[2].split(';').map((o) => o.trim())) {
        // `$select=` or, as listitem-list's own example writes it, `select=`.
        const sm = /^\$?(select|expand)=([A-Za-z0-9_,@.\s]+)$/i.exec(opt);
        if (!sm) throw errors.unsupportedQuery(`Only $select and $expand are supported inside $expand (got '${m[2]}').`);
        const names = sm[2].split(',').map((s) => s.trim());
        if (sm[1].toLowerCase() === 'select') item.select = names;
        else item.expand = names;
      }
    }
    out.set(name, item);
  }
  return out;
}

export function topOption(ctx: Ctx, max = 999): number | undefined {
  const v = ctx.query.get('$top');
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < 1) throw errors.badRequest(`Invalid $top: '${v}'; use a positive integer.`);
  return Math.min(Number(v), max);
}

export function filterOption(ctx: Ctx): FilterExpr | undefined {
  const v = ctx.query.get('$filter');
  if (v === undefined) return undefined;
  try {
    return parseFilter(v);
  } catch (e) {
    if (e instanceof FilterSyntaxError) throw errors.unsupportedQuery(`Invalid filter clause: ${e.message}`);
    throw e;
  }
}

export function orderByOption(ctx: Ctx): { path: string[]; desc: boolean }[] | undefined {
  const v = ctx.query.get('$orderby');
  if (v === undefined) return undefined;
  return v.split(',').map((part) => {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_/]*)(?:\s+(asc|desc))?\s*$/i.exec(part);
    if (!m) throw errors.badRequest(`Invalid $orderby: '${v}'.`);
    return { path: m[1].split('/'), desc: (m[2] ?? '').toLowerCase() === 'desc' };
  });
}

export function applySelect<T extends Record<string, unknown>>(
  obj: T,
  select: string[] | undefined,
  keep: readonly string[] = ['id']
): Record<string, unknown> {
  if (!select) return obj;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(obj)) {
    if (k.startsWith('@odata') || keep.includes(k) || select.some((s) => s.toLowerCase() === k.toLowerCase())) out[k] = obj[k];
  }
  return out;
}

function skipOffset(ctx: Ctx): number {
  const v = ctx.query.get('$skiptoken');
  if (v === undefined) return 0;
  const decoded = base64UrlDecode(v);
  const m = decoded ? /^o:(\d+)$/.exec(decoded) : null;
  if (!m) throw errors.badRequest('The $skiptoken is not one this dev tenant issued.');
  return Number(m[1]);
}

/** Builds a link to the same request with `$skiptoken` replaced (`undefined` drops it). */
export function linkWith(ctx: Ctx, replace: Record<string, string | undefined>): string {
  const url = new URL(ctx.rawUrl, ctx.origin);
  for (const [k, v] of Object.entries(replace)) {
    for (const existing of [...url.searchParams.keys()])
      if (existing.toLowerCase() === k.toLowerCase() || existing.toLowerCase() === k.replace('$', '').toLowerCase())
        url.searchParams.delete(existing);
    if (v !== undefined) url.searchParams.set(k, v);
  }
  return url.toString().replace(/%24/g, '$');
}

/**
 * A link to `base` carrying the request's own query options, as the client wrote them, with the options named
 * in `replace` replaced (`undefined` drops one). Delta links are built this way: Graph encodes the options of
 * the first request into every `@odata.nextLink` and `@odata.deltaLink` it hands out, so a client following
 * them gets the same `$expand`, `$select` and `$top` without repeating them.
 */
export function linkKeepingQuery(ctx: Ctx, base: string, replace: Record<string, string | undefined>): string {
  const q = ctx.rawUrl.indexOf('?');
  const names = Object.keys(replace).map((k) => k.replace(/^\$/, '').toLowerCase());
  const kept = (q < 0 ? '' : ctx.rawUrl.slice(q + 1)).split('&').filter((part) => {
    if (part === '') return false;
    const rawKey = part.split('=', 1)[0];
    const key = decodeSegment(rawKey.replace(/\+/g, ' ')) ?? rawKey;
    return !names.includes(key.replace(/^\$/, '').toLowerCase());
  });
  for (const [k, v] of Object.entries(replace)) if (v !== undefined) kept.push(`${k}=${encodeURIComponent(v)}`);
  return kept.length ? `${base}?${kept.join('&')}` : base;
}

export interface CollectionOptions {
  defaultPageSize?: number;
  maxPageSize?: number;
  /** Keys `$select` always keeps. */
  keep?: readonly string[];
  /** Answer `@odata.count` (the number of items matching `$filter`, before paging) when `$count=true`. */
  count?: boolean;
}

/**
 * `@odata.context` (OData minimal metadata): `{origin}/{version}/$metadata#{fragment}`, e.g. `users`,
 * `users('{id}')/messages/$entity`. Graph returns it on most answers; the dev tenant adds it where Microsoft's
 * examples show it (see docs/devtenant.md).
 */
export function odataContext(ctx: Ctx, fragment: string): string {
  return `${ctx.origin}/${ctx.version}/$metadata#${fragment}`;
}

/** `$count=true|false`; anything else is a 400. */
export function countOption(ctx: Ctx): boolean {
  const v = ctx.query.get('$count');
  if (v === undefined) return false;
  if (v !== 'true' && v !== 'false') throw errors.badRequest(`Invalid $count: '${v}'; use true or false.`);
  return v === 'true';
}

/**
 * Applies `$filter`, `$orderby`, `$top` and `$skiptoken` paging, then `$select`, to full representations,
 * answering `{ value, @odata.nextLink? }`. Filtering runs on what a client would see (including expanded
 * `fields`), before `$select` trims it.
 */
export function pageCollection(
  ctx: Ctx,
  all: Record<string, unknown>[],
  opts: CollectionOptions = {},
  shape: (o: Record<string, unknown>) => Record<string, unknown> = (o) => o
): Record<string, unknown> {
  const filter = filterOption(ctx);
  let rows = filter ? all.filter((o) => evaluateFilter(filter, o)) : all;
  const order = orderByOption(ctx);
  if (order) {
    rows = [...rows].sort((a, b) => {
      for (const o of order) {
        const av = readPropertyPath(a, o.path);
        const bv = readPropertyPath(b, o.path);
        const c = av === bv ? 0 : av === undefined || av === null ? -1 : bv === undefined || bv === null ? 1 : av < bv ? -1 : 1;
        if (c !== 0) return o.desc ? -c : c;
      }
      return 0;
    });
  }
  const pageSize = topOption(ctx, opts.maxPageSize ?? 999) ?? opts.defaultPageSize ?? 200;
  const offset = skipOffset(ctx);
  const page = rows.slice(offset, offset + pageSize);
  const select = selectOption(ctx);
  const body: Record<string, unknown> = {};
  if (opts.count && countOption(ctx)) body['@odata.count'] = rows.length;
  body.value = page.map((o) => applySelect(shape(o), select, opts.keep));
  if (offset + pageSize < rows.length) body['@odata.nextLink'] = linkWith(ctx, { $skiptoken: base64UrlEncode(`o:${offset + pageSize}`) });
  return body;
}
