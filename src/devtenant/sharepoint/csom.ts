import crypto from 'node:crypto';
import { errors, ServiceError } from '../errors';
import type { Ctx, Reply } from '../http/context';
import { hasAnyScope } from '../auth/personas';
import { getItemByNum, type ItemMeta, updateItem } from '../store/items';
import { getList, getSite, type SiteRow } from '../store/sites';
import { enforceRecordAction, isRecordItem, labelBehavior } from '../records';
import { inPlaceDeclaration, recordInPlaceDeclaration, removeInPlaceDeclaration } from '../records/inPlaceRecords';

/**
 * CSOM, `POST {web}/_vti_bin/client.svc/ProcessQuery` ([MS-CSOM] 3.1.4.1,
 * https://learn.microsoft.com/openspecs/sharepoint_protocols/ms-csom/18c961c7-8384-4493-8227-54a3fffdc7cc), for
 * exactly what CLI for Microsoft 365 sends for `spo listitem record declare|undeclare` and `spo listitem isrecord`:
 * - the web's identity: a `Query` of `ServerRelativeUrl` on the `Web` property of the `StaticProperty` `Current` of
 *   type {3747adcd-a3c3-41b9-bfab-4a64dd2f1e0a} (SP.RequestContext), read back from `_ObjectIdentity_`;
 * - a `StaticMethod` of {ea8e1356-5910-4e69-bc05-d0c30ed657fc} (Microsoft.SharePoint.Client.RecordsRepository.Records):
 *   `DeclareItemAsRecord`, `DeclareItemAsRecordWithDeclarationDate` (a `DateTime` parameter), `UndeclareItemAsRecord`
 *   or `IsRecord`, on an item named by the identity `{web identity}:list:{list id}:item:{n},1`.
 * The answer is the JSON array of [MS-CSOM] 3.1.4.1.8.2: the response header (SchemaVersion, LibraryVersion, ErrorInfo,
 * TraceCorrelationId), then an action id and its result for each action that has one. A failure is HTTP 200 with
 * the error in the header's ErrorInfo (ErrorMessage, ErrorValue, TraceCorrelationId, ErrorCode, ErrorTypeName), as
 * CSOM clients read it; anything else in the request is refused that way too, never silently skipped.
 */

const csomNamespace = 'http://schemas.microsoft.com/sharepoint/clientquery/2009';
const requestContextType = '{3747adcd-a3c3-41b9-bfab-4a64dd2f1e0a}';
const recordsType = '{ea8e1356-5910-4e69-bc05-d0c30ed657fc}';
/** The type id SharePoint's object identities of sites and webs start with (`...|740c6a0b-...:site:{id}:web:{id}`). */
const identityFactory = '740c6a0b-85e2-48a0-a494-e0f1759d4aa7';

const readScopes = ['Sites.Read.All', 'Sites.ReadWrite.All', 'Sites.FullControl.All'] as const;
const writeScopes = ['Sites.ReadWrite.All', 'Sites.FullControl.All'] as const;

/** Where `{web}/_vti_bin/client.svc/ProcessQuery` starts in a request path, or -1. */
export function csomPathIndex(rawPath: string): number {
  const m = /\/_vti_bin\/client\.svc\/processquery\/?$/i.exec(rawPath);
  return m ? m.index : -1;
}

/** A CSOM failure: rendered into ErrorInfo. Codes and type names are SharePoint's. */
class CsomError extends Error {
  constructor(
    message: string,
    readonly code: number,
    readonly typeName: string
  ) {
    super(message);
  }
}

const invalidQuery = (message: string): CsomError =>
  new CsomError(message, -2146233088, 'Microsoft.SharePoint.Client.InvalidClientQueryException');
const notServed = (what: string): CsomError =>
  new CsomError(
    `The dev tenant does not serve ${what} over CSOM. See docs/devtenant.md for what it serves.`,
    -2146233079,
    'System.NotSupportedException'
  );
const spException = (message: string): CsomError => new CsomError(message, -2146232832, 'Microsoft.SharePoint.SPException');
const accessDenied = (message: string): CsomError => new CsomError(message, -2147024891, 'System.UnauthorizedAccessException');

// ---------------------------------------------------------------------------------------------------------------
// A strict reader for the XML these requests are written in: elements, attributes, text, the five predefined
// entities and numeric character references. A DOCTYPE, comment, processing instruction (other than the XML
// declaration) or CDATA section is refused.

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);|&/g, (all, ref: string | undefined) => {
    if (ref === undefined) throw invalidQuery('The request XML has an unescaped ampersand.');
    if (ref === 'amp') return '&';
    if (ref === 'lt') return '<';
    if (ref === 'gt') return '>';
    if (ref === 'quot') return '"';
    if (ref === 'apos') return "'";
    const code = ref.startsWith('#x') ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    if (!Number.isFinite(code) || code > 0x10ffff) throw invalidQuery(`The request XML has an invalid character reference '${all}'.`);
    return String.fromCodePoint(code);
  });
}

export function parseXml(source: string): XmlElement {
  let i = 0;
  const fail = (why: string): never => {
    throw invalidQuery(`The request XML is not valid: ${why} (at offset ${i}).`);
  };
  const skipSpace = (): void => {
    while (i < source.length && /\s/.test(source[i])) i++;
  };
  if (source.charCodeAt(0) === 0xfeff) i = 1;
  skipSpace();
  if (source.startsWith('<?xml', i)) {
    const end = source.indexOf('?>', i);
    if (end < 0) fail('unterminated XML declaration');
    i = end + 2;
    skipSpace();
  }
  const nameAt = (): string => {
    const m = /^[A-Za-z_][\w.-]*/.exec(source.slice(i, i + 200));
    if (!m) return fail('a name was expected');
    i += m[0].length;
    return m[0];
  };
  const element = (depth: number): XmlElement => {
    if (depth > 32) fail('elements nest too deeply');
    if (source[i] !== '<') fail("'<' was expected");
    if (source[i + 1] === '!' || source[i + 1] === '?') fail('comments, DOCTYPE, CDATA and processing instructions are not accepted');
    i++;
    const el: XmlElement = { name: nameAt(), attrs: {}, children: [], text: '' };
    for (;;) {
      const before = i;
      skipSpace();
      if (source.startsWith('/>', i)) {
        i += 2;
        return el;
      }
      if (source[i] === '>') {
        i++;
        break;
      }
      if (i === before) fail('whitespace was expected between attributes');
      const attr = nameAt();
      skipSpace();
      if (source[i] !== '=') fail("'=' was expected");
      i++;
      skipSpace();
      const quote = source[i];
      if (quote !== '"' && quote !== "'") fail('a quoted attribute value was expected');
      const end = source.indexOf(quote, i + 1);
      if (end < 0) fail('unterminated attribute value');
      const raw = source.slice(i + 1, end);
      if (raw.includes('<')) fail("'<' in an attribute value");
      if (attr in el.attrs) fail(`the attribute '${attr}' is repeated`);
      el.attrs[attr] = decodeEntities(raw);
      i = end + 1;
    }
    for (;;) {
      const lt = source.indexOf('<', i);
      if (lt < 0) fail(`the element '${el.name}' is not closed`);
      el.text += decodeEntities(source.slice(i, lt));
      i = lt;
      if (source.startsWith('</', i)) {
        i += 2;
        if (nameAt() !== el.name) fail(`'</${el.name}>' was expected`);
        skipSpace();
        if (source[i] !== '>') fail("'>' was expected");
        i++;
        return el;
      }
      el.children.push(element(depth + 1));
    }
  };
  const root = element(0);
  skipSpace();
  if (i !== source.length) fail('content after the root element');
  return root;
}

// ---------------------------------------------------------------------------------------------------------------

type Resolved = { kind: 'requestContext' } | { kind: 'web'; site: SiteRow } | { kind: 'item'; item: ItemMeta };

function attr(el: XmlElement, name: string, required = true): string {
  const v = el.attrs[name];
  if (v === undefined && required) throw invalidQuery(`The element '${el.name}' needs the attribute '${name}'.`);
  return v ?? '';
}

function onlyChildren(el: XmlElement, allowed: string[]): void {
  for (const c of el.children) if (!allowed.includes(c.name)) throw notServed(`the element '${c.name}' in '${el.name}'`);
  if (el.text.trim() !== '' && el.children.length) throw invalidQuery(`The element '${el.name}' has unexpected text.`);
}

/** SharePoint's identity of the web the request is addressed to. */
function webIdentity(site: SiteRow, prefix: string): string {
  const [, siteGuid, webGuid] = site.id.split(',');
  return `${prefix}|${identityFactory}:site:${siteGuid}:web:${webGuid}`;
}

function resolvePath(ctx: Ctx, paths: Map<string, XmlElement>, id: string, seen: Set<string> = new Set()): Resolved {
  const el = paths.get(id);
  if (!el) throw invalidQuery(`The object path '${id}' is not defined.`);
  if (seen.has(id)) throw invalidQuery(`The object path '${id}' refers to itself.`);
  seen.add(id);
  const site = getSite(ctx.tenant.db, ctx.siteId as string) as SiteRow;
  if (el.name === 'StaticProperty') {
    if (attr(el, 'TypeId').toLowerCase() !== requestContextType || attr(el, 'Name') !== 'Current')
      throw notServed(`the static property '${attr(el, 'Name')}' of type ${attr(el, 'TypeId')}`);
    return { kind: 'requestContext' };
  }
  if (el.name === 'Property') {
    const parent = resolvePath(ctx, paths, attr(el, 'ParentId'), seen);
    if (parent.kind === 'requestContext' && attr(el, 'Name') === 'Web') return { kind: 'web', site };
    throw notServed(`the property '${attr(el, 'Name')}' of ${parent.kind}`);
  }
  if (el.name === 'Identity') {
    const m = /^[^|:]+\|([0-9a-f-]{36}):site:([0-9a-f-]{36}):web:([0-9a-f-]{36}):list:([0-9a-f-]{36}):item:(\d+),\d+$/i.exec(
      attr(el, 'Name')
    );
    if (!m) throw notServed(`the object identity '${attr(el, 'Name')}' (only list items are served)`);
    const [, factory, siteGuid, webGuid, listId, num] = m;
    const [, ownSite, ownWeb] = site.id.split(',');
    if (
      factory.toLowerCase() !== identityFactory ||
      siteGuid.toLowerCase() !== ownSite.toLowerCase() ||
      webGuid.toLowerCase() !== ownWeb.toLowerCase()
    )
      throw invalidQuery('The object identity does not name this web.');
    const list = getList(ctx.tenant.db, listId);
    if (!list || list.site_id !== site.id) throw new CsomError('List does not exist.', -2130575322, 'Microsoft.SharePoint.SPException');
    const item = getItemByNum(ctx.tenant.db, list.id, Number(num));
    if (!item)
      throw new CsomError('Item does not exist. It may have been deleted by another user.', -2130575338, 'System.ArgumentException');
    return { kind: 'item', item };
  }
  throw notServed(`the object path '${el.name}'`);
}

const webProperties: Record<string, (ctx: Ctx, site: SiteRow) => unknown> = {
  ServerRelativeUrl: (_ctx, s) => s.path,
  Id: (_ctx, s) => s.id.split(',')[2],
  Title: (_ctx, s) => s.display_name,
  Url: (ctx, s) => `${ctx.origin}${s.path === '/' ? '' : s.path}`
};

function runQuery(ctx: Ctx, action: XmlElement, target: Resolved, traceId: string): Record<string, unknown> {
  onlyChildren(action, ['Query', 'ChildItemQuery']);
  const query = action.children.find((c) => c.name === 'Query');
  if (!query || action.children.length !== 1) throw notServed('a Query without exactly one Query element');
  if (target.kind !== 'web') throw notServed(`a Query on ${target.kind}`);
  onlyChildren(query, ['Properties']);
  const out: Record<string, unknown> = { _ObjectType_: 'SP.Web', _ObjectIdentity_: webIdentity(target.site, traceId) };
  const names = query.attrs.SelectAllProperties === 'true' ? Object.keys(webProperties) : [];
  for (const props of query.children) {
    onlyChildren(props, ['Property']);
    for (const p of props.children) names.push(attr(p, 'Name'));
  }
  for (const n of names) {
    const get = webProperties[n];
    if (!get) throw notServed(`the web property '${n}'`);
    out[n] = get(ctx, target.site);
  }
  return out;
}

function canWrite(ctx: Ctx): void {
  if (!ctx.principal || !hasAnyScope(ctx.principal, writeScopes)) throw accessDenied('Access denied.');
}

/** A CSOM DateTime parameter: an ISO date or date-time. */
function dateParameter(p: XmlElement | undefined): string {
  if (!p || p.attrs.Type !== 'DateTime') throw invalidQuery('DeclareItemAsRecordWithDeclarationDate needs a DateTime parameter.');
  const text = p.text.trim();
  const ms = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(text)
    ? Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text)
    : NaN;
  if (Number.isNaN(ms)) throw invalidQuery(`'${text}' is not a valid DateTime.`);
  return new Date(ms).toISOString();
}

/**
 * The Records static methods. Declaring applies in-place record restrictions (a locked record, records.ts decides
 * what that blocks), and is refused for an item that is already a record with SharePoint's message ("This item has
 * already been declared a record.", Microsoft.SharePoint.SPException -2146232832, the answer CLI for Microsoft 365's
 * tests model). Undeclaring removes only an in-place declaration: by default SharePoint lets only list
 * administrators undeclare ("Record declaration roles"), so it needs a site or library administrator; a record by
 * retention label is not undeclared here (its label decides, and a regulatory record's label cannot be removed by
 * anyone, https://learn.microsoft.com/purview/records-management#compare-restrictions-for-what-actions-are-allowed-or-blocked).
 */
function runRecordsMethod(ctx: Ctx, name: string, params: XmlElement[], item: ItemMeta): boolean | undefined {
  const db = ctx.tenant.db;
  switch (name) {
    case 'IsRecord':
      return isRecordItem(db, item);
    case 'DeclareItemAsRecord':
    case 'DeclareItemAsRecordWithDeclarationDate': {
      canWrite(ctx);
      const at = name === 'DeclareItemAsRecord' ? ctx.tenant.clock.nowIso() : dateParameter(params[1]);
      if (params.length !== (name === 'DeclareItemAsRecord' ? 1 : 2))
        throw invalidQuery(`${name} takes ${name === 'DeclareItemAsRecord' ? 1 : 2} parameters.`);
      if (isRecordItem(db, item)) throw spException('This item has already been declared a record.');
      if (item.is_folder) throw spException('Folders cannot be declared as records.');
      recordInPlaceDeclaration(db, { itemId: item.id, declaredAt: at, declaredBy: ctx.principal?.userId ?? null });
      updateItem(db, item.id, { version: item.version + 1, seq: ctx.tenant.nextSeq() });
      return undefined;
    }
    case 'UndeclareItemAsRecord': {
      canWrite(ctx);
      if (params.length !== 1) throw invalidQuery('UndeclareItemAsRecord takes 1 parameter.');
      const behavior = labelBehavior(db, item.label);
      if (behavior === 'retainAsRegulatoryRecord')
        throw spException(
          "A regulatory record cannot be undeclared: its retention label can't be removed by anyone, not even a global administrator."
        );
      if (!inPlaceDeclaration(db, item.id)) {
        if (behavior === 'retainAsRecord')
          throw spException(
            'This item is a record because of its retention label. Change or remove the label (a site or library administrator, with the record locked) instead.'
          );
        return undefined;
      }
      if (!ctx.principal?.isContainerAdmin) throw accessDenied('Only list administrators can undeclare records on this site.');
      // The rules of a locked record still hold for a container admin: undeclaring is a label change in Purview's table.
      try {
        enforceRecordAction(db, item, 'removeLabel', ctx.principal);
      } catch (e) {
        if (e instanceof ServiceError) throw accessDenied(e.message);
        throw e;
      }
      removeInPlaceDeclaration(db, item.id);
      updateItem(db, item.id, { version: item.version + 1, seq: ctx.tenant.nextSeq() });
      return undefined;
    }
    default:
      throw notServed(`the Records method '${name}'`);
  }
}

function processRequest(ctx: Ctx, root: XmlElement, traceId: string): unknown[] {
  if (root.name !== 'Request' || root.attrs.xmlns !== csomNamespace)
    throw invalidQuery(`The root element must be <Request xmlns="${csomNamespace}">.`);
  onlyChildren(root, ['Actions', 'ObjectPaths']);
  const actions = root.children.filter((c) => c.name === 'Actions');
  const pathLists = root.children.filter((c) => c.name === 'ObjectPaths');
  if (actions.length !== 1 || pathLists.length > 1)
    throw invalidQuery('A request has one Actions element and at most one ObjectPaths element.');
  const paths = new Map<string, XmlElement>();
  for (const p of pathLists[0]?.children ?? []) {
    const id = attr(p, 'Id');
    if (paths.has(id)) throw invalidQuery(`The object path '${id}' is defined twice.`);
    paths.set(id, p);
  }
  const results: unknown[] = [];
  for (const action of actions[0].children) {
    const id = attr(action, 'Id');
    if (!/^\d+$/.test(id)) throw invalidQuery(`The action id '${id}' is not a number.`);
    if (action.name === 'Query') {
      results.push(Number(id), runQuery(ctx, action, resolvePath(ctx, paths, attr(action, 'ObjectPathId')), traceId));
    } else if (action.name === 'StaticMethod') {
      if (attr(action, 'TypeId').toLowerCase() !== recordsType) throw notServed(`static methods of type ${attr(action, 'TypeId')}`);
      onlyChildren(action, ['Parameters']);
      const params = action.children[0]?.children ?? [];
      for (const p of params) if (p.name !== 'Parameter') throw notServed(`the element '${p.name}' in Parameters`);
      const target = params[0]?.attrs.ObjectPathId;
      if (target === undefined) throw invalidQuery(`${attr(action, 'Name')} needs the list item as its first parameter.`);
      const resolved = resolvePath(ctx, paths, target);
      if (resolved.kind !== 'item') throw invalidQuery(`${attr(action, 'Name')} takes a list item.`);
      const value = runRecordsMethod(ctx, attr(action, 'Name'), params, resolved.item);
      if (value !== undefined) results.push(Number(id), value);
    } else throw notServed(`the action '${action.name}'`);
  }
  return results;
}

function answer(header: Record<string, unknown>, results: unknown[]): Reply {
  return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify([header, ...results]) };
}

/** `POST {web}/_vti_bin/client.svc/ProcessQuery`. */
export function dispatchCsom(ctx: Ctx): Reply {
  if (!ctx.principal)
    throw errors.unauthenticated(
      ctx.headers['authorization'] ? 'Access token validation failure. Invalid audience or expired token.' : 'Access token is empty.'
    );
  // As SharePoint REST: an app-only token made with a secret is not one SharePoint takes (sharepoint/routes.ts).
  if (ctx.principal.appOnly) throw errors.unauthenticated('Unsupported app only token.');
  if (ctx.method !== 'POST') throw errors.methodNotAllowed(ctx.method);
  if (!hasAnyScope(ctx.principal, readScopes)) throw errors.missingScope(readScopes);
  const traceId = crypto.randomUUID();
  const header = { SchemaVersion: '15.0.0.0', LibraryVersion: '16.0.0.0', ErrorInfo: null as unknown, TraceCorrelationId: traceId };
  try {
    const root = parseXml(ctx.body.toString('utf8'));
    const results = ctx.tenant.db.transaction(() => processRequest(ctx, root, traceId))();
    return answer(header, results);
  } catch (e) {
    if (!(e instanceof CsomError)) throw e;
    header.ErrorInfo = {
      ErrorMessage: e.message,
      ErrorValue: null,
      TraceCorrelationId: traceId,
      ErrorCode: e.code,
      ErrorTypeName: e.typeName
    };
    return answer(header, []);
  }
}
