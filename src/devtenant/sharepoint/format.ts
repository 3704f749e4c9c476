import { ServiceError } from '../errors';
import type { Ctx, Reply } from '../http/context';

/**
 * SharePoint REST answers in three JSON shapes, chosen by `Accept`:
 * - `odata=verbose`: `{ d: {...} }`, collections `{ d: { results: [...] , __next } }`;
 * - `odata=nometadata` (or OData v4 `odata.metadata=none`): the bare entity, collections `{ value: [...] }`;
 * - `odata=minimalmetadata` (what plain `application/json` gets): as nometadata plus `odata.metadata`.
 * Paging links are `odata.nextLink` in v3, `@odata.nextLink` when the client sent `odata-version: 4.0`.
 */
export type SpShape = 'verbose' | 'nometadata' | 'minimal';

export function spShape(ctx: Ctx): SpShape {
  const accept = (ctx.headers['accept'] ?? 'application/json').toLowerCase();
  if (accept.includes('odata=verbose')) return 'verbose';
  if (accept.includes('odata=nometadata') || accept.includes('odata.metadata=none')) return 'nometadata';
  return 'minimal';
}

function contentType(shape: SpShape): string {
  return `application/json;odata=${shape === 'minimal' ? 'minimalmetadata' : shape};streaming=true;charset=utf-8`;
}

function v4(ctx: Ctx): boolean {
  return (ctx.headers['odata-version'] ?? '').startsWith('4') || /odata\.metadata=/i.test(ctx.headers['accept'] ?? '');
}

export function spEntity(ctx: Ctx, type: string, entity: Record<string, unknown>, status = 200): Reply {
  const shape = spShape(ctx);
  const headers = { 'content-type': contentType(shape) };
  if (shape === 'verbose') return { status, headers, body: { d: { __metadata: { type }, ...entity } } };
  if (shape === 'minimal') return { status, headers, body: { 'odata.metadata': `${ctx.origin}/_api/$metadata#${type}`, ...entity } };
  return { status, headers, body: entity };
}

export function spCollection(ctx: Ctx, type: string, page: { value: unknown[]; nextLink?: string }): Reply {
  const shape = spShape(ctx);
  const headers = { 'content-type': contentType(shape) };
  if (shape === 'verbose')
    return { status: 200, headers, body: { d: { results: page.value, ...(page.nextLink ? { __next: page.nextLink } : {}) } } };
  const body: Record<string, unknown> = shape === 'minimal' ? { 'odata.metadata': `${ctx.origin}/_api/$metadata#Collection(${type})` } : {};
  body.value = page.value;
  if (page.nextLink) body[v4(ctx) ? '@odata.nextLink' : 'odata.nextLink'] = page.nextLink;
  return { status: 200, headers, body };
}

export function spNull(ctx: Ctx): Reply {
  const shape = spShape(ctx);
  return { status: 200, headers: { 'content-type': contentType(shape) }, body: shape === 'verbose' ? { d: null } : { 'odata.null': true } };
}

/** SharePoint REST prefixes field names that start with `_` with `OData_` in JSON (`_ComplianceTag` -> `OData__ComplianceTag`). */
export function spFieldName(name: string): string {
  return name.startsWith('_') ? `OData_${name}` : name;
}

/**
 * SharePoint's refusal of a `$select` naming a field or property the object does not have: 400,
 * `-1, Microsoft.SharePoint.SPException`, "The field or property 'X' does not exist." SharePoint Online's wording and
 * code as clients quote them (mrackley/HillbillyCascade#7, nittygritty-uk/Atvero-Issues#5; pnp/pnpjs#2434 reads it
 * from `odata.error.message.value`).
 */
export function fieldDoesNotExist(name: string): ServiceError {
  return new ServiceError({
    status: 400,
    code: 'invalidRequest',
    message: `The field or property '${name}' does not exist.`,
    spCode: '-1, Microsoft.SharePoint.SPException'
  });
}

/**
 * A `$select` naming a navigation property (a lookup such as `Author`, or `RootFolder`) that `$expand` does not
 * name: SharePoint's message as pnp/pnpjs#2434 matches it ("... is not valid. The $select query string must specify
 * the target fields and the $expand query string must contains ...").
 */
export function selectNeedsExpand(name: string): ServiceError {
  return new ServiceError({
    status: 400,
    code: 'invalidRequest',
    message: `The query to field '${name}' is not valid. The $select query string must specify the target fields and the $expand query string must contains ${name}.`,
    spCode: '-1, Microsoft.SharePoint.SPException'
  });
}

/** The `$select` option as SharePoint REST reads it: comma-separated names or paths (`RootFolder/ServerRelativeUrl`), or `*`. */
export function spSelectOption(ctx: Ctx): string[] | undefined {
  const v = ctx.query.get('$select');
  return v === undefined
    ? undefined
    : v
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x !== '');
}

/**
 * Applies a SharePoint REST `$select` to an object:
 * - `*` is every property SharePoint returns by default ("You can use $select=* to return all available fields",
 *   "Use OData query operations in SharePoint REST requests",
 *   https://learn.microsoft.com/sharepoint/dev/sp-add-ins/use-odata-query-operations-in-sharepoint-rest-requests),
 *   without expanded navigation properties, which come back only when named (`RootFolder/ServerRelativeUrl,*` gives
 *   the root folder's URL and the list's own properties, as CLI for Microsoft 365's `spo list list` example shows);
 * - a name is matched without regard to case, as `X` or, for a field starting with `_`, as `OData_X`;
 * - `A/B` selects `B` inside the expanded `A`;
 * - `more` holds properties SharePoint returns only when they are named (the page's example: `EffectiveBasePermissions`);
 * - a name the object does not have is refused as SharePoint refuses it, a navigation property that was not expanded
 *   with SharePoint's other message.
 */
export function spSelect(
  obj: Record<string, unknown>,
  select: string[] | undefined,
  navigation: readonly string[],
  more: Record<string, unknown> = {}
): Record<string, unknown> {
  if (!select) return obj;
  const isNavigation = (k: string): boolean => navigation.some((n) => n.toLowerCase() === k.toLowerCase());
  const out: Record<string, unknown> = {};
  for (const s of select) {
    if (s === '*') {
      for (const [k, v] of Object.entries(obj)) if (!isNavigation(k) && !(k in out)) out[k] = v;
      continue;
    }
    const [head, ...rest] = s.split('/');
    const wanted = [head.toLowerCase(), spFieldName(head).toLowerCase()];
    const source = Object.keys(obj).some((k) => wanted.includes(k.toLowerCase())) ? obj : more;
    const key = Object.keys(source).find((k) => wanted.includes(k.toLowerCase()));
    if (!key) throw isNavigation(head) ? selectNeedsExpand(head) : fieldDoesNotExist(head);
    const value = source[key];
    if (!rest.length) {
      out[key] = value;
      continue;
    }
    if (value === null) {
      out[key] = null;
    } else if (typeof value === 'object' && !Array.isArray(value)) {
      const inner = spSelect(value as Record<string, unknown>, [rest.join('/')], navigation);
      out[key] = { ...((out[key] as Record<string, unknown> | undefined) ?? {}), ...inner };
    } else throw fieldDoesNotExist(s);
  }
  return out;
}
