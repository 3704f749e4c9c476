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
