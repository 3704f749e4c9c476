import { errors } from '../errors';
import { type Ctx, jsonBody, type Reply } from '../http/context';
import type { Route } from '../http/router';
import { expandOption, filterOption, linkWith, orderByOption, pageCollection, topOption } from '../http/query';
import { evaluateFilter, readPropertyPath } from '../protocol/odataFilter';
import { enforceListViewThreshold } from '../graph/listViewThreshold';
import { getItem, getItemByNum, type ItemMeta, itemsOfList, parseFields, updateItem as updateItemRow } from '../store/items';
import { cryptoRng, guid } from '../store/ids';
import { enforceRecordAction } from '../records';
import { preserveBeforeDelete } from '../holds/preservationHold';
import { columnsOf, findListByUrl, getList, getSite, type ListRow, listServerRelativeUrl, listsOfSite, type SiteRow } from '../store/sites';
import { validateFieldValues, writeFields } from '../graph/listItems';
import { findUser } from '../graph/users';
import { isRecordBehaviorName } from './recordLabels';
import { validateDefaultSensitivityLabel } from './librarySensitivity';
import { spCollection, spEntity, spFieldName, spSelect, spSelectOption } from './format';
import { siteGroupIds, siteUser, siteUserId } from './siteUsers';
import { fileEntity } from './fileEntity';

/** SharePoint REST lists and items (`_api/web/lists...`), the parts Custodian and CLI for Microsoft 365 use. */

const readScopes = ['Sites.Read.All', 'Sites.ReadWrite.All', 'Sites.FullControl.All'] as const;
const writeScopes = ['Sites.ReadWrite.All', 'Sites.FullControl.All'] as const;
const manageScopes = ['Sites.Manage.All', 'Sites.FullControl.All'] as const;

/** Resolves a list URL as clients send it: absolute (any host, raw spaces or %20) or server-relative. */
export function resolveListUrl(ctx: Ctx, listUrl: string): ListRow {
  let path = listUrl.trim();
  if (/^https?:\/\//i.test(path)) {
    try {
      path = decodeURIComponent(new URL(path).pathname);
    } catch {
      throw errors.badRequest(`'${listUrl}' is not a valid list URL.`);
    }
  }
  const hit = findListByUrl(ctx.tenant.db, path);
  if (!hit) throw errors.notFound(`List '${listUrl}' does not exist.`);
  return hit.list;
}

function site(ctx: Ctx): SiteRow {
  return getSite(ctx.tenant.db, ctx.siteId as string) as SiteRow;
}

function loadList(ctx: Ctx, id: string): ListRow {
  const list = getList(ctx.tenant.db, id);
  if (!list || list.site_id !== ctx.siteId)
    throw errors.notFound(`List '${id}' does not exist at site with URL '${ctx.origin}${site(ctx).path}'.`);
  return list;
}

export function rootFolder(ctx: Ctx, s: SiteRow, list: ListRow): Record<string, unknown> {
  const count = (ctx.tenant.db.prepare('SELECT COUNT(*) AS n FROM items WHERE list_id = ? AND deleted = 0').get(list.id) as { n: number })
    .n;
  return {
    Exists: true,
    ItemCount: count,
    Name: list.url_name,
    ServerRelativeUrl: listServerRelativeUrl(s, list),
    TimeCreated: list.created,
    TimeLastModified: list.modified,
    UniqueId: list.id,
    WelcomePage: ''
  };
}

/**
 * Navigation properties: SharePoint returns them only when `$expand` names them, and `$select=*` leaves them out.
 * The ones the dev tenant serves: a list's `RootFolder` and `VersionPolicies`, a file's `ListItemAllFields` and its
 * `ParentList`, an item's `Author` and `Editor`, a web's associated groups.
 */
const navigation = [
  'RootFolder',
  'VersionPolicies',
  'ListItemAllFields',
  'ParentList',
  'Author',
  'Editor',
  'AssociatedOwnerGroup',
  'AssociatedMemberGroup',
  'AssociatedVisitorGroup'
] as const;

/** `$select` on a SharePoint object; see `spSelect` in format.ts. */
function select(ctx: Ctx, obj: Record<string, unknown>, more?: Record<string, unknown>): Record<string, unknown> {
  return spSelect(obj, spSelectOption(ctx), navigation, more);
}

/** `$expand` names (`a/b/c` expands `a` and `a/b` too), lower case, from those `allowed`. */
function expanded(ctx: Ctx, allowed: readonly string[]): Set<string> {
  return new Set(
    [...expandOption(ctx, allowed).keys()].flatMap((k) =>
      k
        .toLowerCase()
        .split('/')
        .map((_, n, parts) => parts.slice(0, n + 1).join('/'))
    )
  );
}

/**
 * A change token as SharePoint writes one (`CurrentChangeToken.StringValue`): version 1; the scope (2 a web, 3 a
 * list); the object's id; the time in .NET ticks; the change number. The dev tenant uses its change sequence.
 */
function changeToken(scope: 2 | 3, id: string, iso: string, seq: number): { StringValue: string } {
  const ticks = BigInt(Date.parse(iso)) * 10000n + 621355968000000000n;
  return { StringValue: `1;${scope};${id};${ticks};${seq}` };
}

const noGuid = '00000000-0000-0000-0000-000000000000';

/** List properties SharePoint returns only when `$select` names them. */
const listMore: Record<string, unknown> = { HasUniqueRoleAssignments: false };

/**
 * `$expand` on a list. `spo list get --withPermissions` sends
 * `$expand=HasUniqueRoleAssignments,RoleAssignments/Member,RoleAssignments/RoleDefinitionBindings,VersionPolicies`;
 * SharePoint accepts `HasUniqueRoleAssignments` there (a plain property, which `$expand` leaves as it is), and the
 * dev tenant keeps no permissions, so role assignments are a 501 rather than an empty answer.
 */
function listExpand(ctx: Ctx): Set<string> {
  const names = (ctx.query.get('$expand') ?? '').split(',').map((n) => n.trim().toLowerCase());
  if (names.some((n) => n === 'roleassignments' || n.startsWith('roleassignments/')))
    throw errors.notImplemented('the role assignments of a list ($expand=RoleAssignments): the dev tenant keeps no permissions');
  return expanded(ctx, ['RootFolder', 'VersionPolicies', 'HasUniqueRoleAssignments']);
}

/**
 * A list as `_api/web/lists(...)` answers it: the properties SharePoint Online returns by default (the set and
 * order of CLI for Microsoft 365's `spo list get` response example, docs/cmd/spo/list/list-get.mdx, which its
 * `spo list list` prints too), with values from the store where it has them and otherwise those of a new list or
 * library. `RootFolder` and `VersionPolicies` come when expanded.
 */
function listEntity(ctx: Ctx, s: SiteRow, list: ListRow, expand = listExpand(ctx)): Record<string, unknown> {
  const db = ctx.tenant.db;
  const stats = db.prepare('SELECT COUNT(*) AS n, MAX(seq) AS seq FROM items WHERE list_id = ? AND deleted = 0').get(list.id) as {
    n: number;
    seq: number | null;
  };
  const isLib = list.template === 'documentLibrary';
  const entityTypeName = entityTypeOf(list);
  const image = isLib ? '/_layouts/15/images/itdl.png?rev=47' : '/_layouts/15/images/itgen.png?rev=47';
  const out: Record<string, unknown> = {};
  if (expand.has('versionpolicies')) {
    // SP.VersionPolicyManager; 0 is DefaultTrimModeType.NoExpiration (count limits only), as the CLI's example shows.
    out.VersionPolicies = { DefaultExpireAfterDays: 0, DefaultTrimMode: 0 };
  }
  if (expand.has('rootfolder')) out.RootFolder = rootFolder(ctx, s, list);
  if (expand.has('hasuniqueroleassignments')) Object.assign(out, listMore);
  Object.assign(out, {
    AllowContentTypes: true,
    BaseTemplate: isLib ? 101 : 100,
    BaseType: isLib ? 1 : 0,
    ContentTypesEnabled: false,
    CrawlNonDefaultViews: false,
    Created: list.created,
    CurrentChangeToken: changeToken(3, list.id, list.modified, stats.seq ?? 0),
    DefaultContentApprovalWorkflowId: noGuid,
    DefaultItemOpenUseListSetting: false,
    Description: list.description,
    Direction: 'none',
    DisableCommenting: false,
    DisableGridEditing: false,
    DocumentTemplateUrl: isLib ? `${listServerRelativeUrl(s, list)}/Forms/template.dotx` : null,
    DraftVersionVisibility: 0,
    EnableAttachments: !isLib,
    EnableFolderCreation: isLib,
    EnableMinorVersions: false,
    EnableModeration: false,
    EnableRequestSignOff: true,
    EnableVersioning: true,
    EntityTypeName: entityTypeName,
    ExemptFromBlockDownloadOfNonViewableFiles: false,
    FileSavePostProcessingEnabled: false,
    ForceCheckout: false,
    HasExternalDataSource: false,
    Hidden: false,
    Id: list.id,
    ImagePath: { DecodedUrl: image },
    ImageUrl: image,
    DefaultSensitivityLabelForLibrary: list.default_sens_label ?? '',
    IrmEnabled: false,
    IrmExpire: false,
    IrmReject: false,
    IsApplicationList: false,
    IsCatalog: false,
    IsPrivate: false,
    ItemCount: stats.n,
    LastItemDeletedDate: list.created,
    LastItemModifiedDate: list.modified,
    LastItemUserModifiedDate: list.modified,
    ListExperienceOptions: 0,
    ListItemEntityTypeFullName: `SP.Data.${entityTypeName}Item`,
    // SharePoint Online's defaults: 500 major versions in a library, 50 in a list.
    MajorVersionLimit: isLib ? 500 : 50,
    MajorWithMinorVersionsLimit: 0,
    MultipleDataList: false,
    NoCrawl: false,
    ParentWebPath: { DecodedUrl: s.path },
    ParentWebUrl: s.path,
    ParserDisabled: false,
    ServerTemplateCanCreateFolders: true,
    // The features that define the two list templates (DocumentLibrary, GenericList).
    TemplateFeatureId: isLib ? '00bfea71-e717-4e80-aa17-d0c71b360101' : '00bfea71-de22-43b2-a848-c05709900100',
    Title: list.display_name
  });
  return out;
}

/** A library's entity type is its URL name; a list's gets `List` after it (`TestList`, `SP.Data.TestListItem`). */
function entityTypeOf(list: ListRow): string {
  return list.url_name.replace(/_/g, '_x005f_').replace(/\s/g, '_x0020_') + (list.template === 'documentLibrary' ? '' : 'List');
}

/**
 * An item in SharePoint REST's shape; `_` fields are renamed `OData__...` when rendered. The properties SharePoint
 * Online returns by default (CLI for Microsoft 365's `spo listitem list` response example,
 * docs/cmd/spo/listitem/listitem-list.mdx): `AuthorId` and `EditorId` are site user ids (integers, see
 * siteUsers.ts), `ID` repeats `Id`. `Author` and `Editor` come when expanded.
 */
export function spItem(ctx: Ctx, s: SiteRow, list: ListRow, item: ItemMeta, expand: Set<string> = new Set()): Record<string, unknown> {
  const db = ctx.tenant.db;
  const fields = parseFields(item);
  const isLib = list.template === 'documentLibrary';
  const authorId = siteUserId(db, item.created_by);
  const editorId = siteUserId(db, item.modified_by);
  const out: Record<string, unknown> = {};
  if (expand.has('author')) out.Author = siteUser(db, authorId);
  if (expand.has('editor')) out.Editor = siteUser(db, editorId);
  Object.assign(out, {
    FileSystemObjectType: item.is_folder ? 1 : 0,
    Id: item.num,
    ServerRedirectedEmbedUri: null,
    ServerRedirectedEmbedUrl: '',
    ContentTypeId: isLib ? (item.is_folder ? '0x0120' : '0x0101') : '0x01',
    Title: fields.Title ?? null,
    Modified: item.modified,
    Created: item.created,
    AuthorId: authorId,
    EditorId: editorId,
    _UIVersionString: `${item.version}.0`
  });
  // Libraries have no attachments; a list's items do (none here).
  if (!isLib) out.Attachments = false;
  out.GUID = item.uid;
  for (const col of columnsOf(list)) if (col.name !== 'Title') out[col.name] = fields[col.name] ?? null;
  if (isLib) {
    out.FileLeafRef = item.name;
    out.FileRef = listServerRelativeUrl(s, list) + item.path;
  }
  out._ComplianceTag = item.label ?? '';
  out._ComplianceTagWrittenTime = item.label_at ?? '';
  out._ComplianceTagUserId = item.label_by ?? '';
  out._IsRecord = item.label ? isRecordBehaviorName(ctx, item.label) : false;
  out.ID = item.num;
  return out;
}

function renameFields(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[spFieldName(k)] = v;
  return out;
}

/** `$select` on an item: `Id` and `ID` are one field, so naming either returns both, as SharePoint answers. */
function selectItem(ctx: Ctx, o: Record<string, unknown>): Record<string, unknown> {
  const out = select(ctx, renameFields(o));
  if ('Id' in out || 'ID' in out) {
    out.Id = o.Id;
    out.ID = o.ID;
  }
  return out;
}

/**
 * SharePoint's paging position, `$skiptoken=Paged=TRUE&p_ID=5` ("Use OData query operations in SharePoint REST
 * requests", "Page through returned items"): the items after item 5, in the order of the request. With `$orderby`,
 * the last item's values of the ordering fields come too (`p_Title=...`), percent-encoded, before `p_ID`.
 */
interface SkipToken {
  id: number;
  values: Map<string, string>;
}

function parseSkipToken(raw: string | undefined): SkipToken | undefined {
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

type Order = { path: string[]; desc: boolean }[];

function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null || a === '') return b === undefined || b === null || b === '' ? 0 : -1;
  if (b === undefined || b === null || b === '') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A token's value of an ordering field, read back in the type of the field (the token carries text). */
function tokenValue(sample: unknown, text: string | undefined): unknown {
  if (text === undefined || text === '') return null;
  if (typeof sample === 'number') return Number(text);
  if (typeof sample === 'boolean') return text === '1' || text.toLowerCase() === 'true';
  return text;
}

/** Orders by `$orderby`, then by ID, as SharePoint pages: its position names the ID last. */
function compareRows(order: Order, a: Record<string, unknown>, b: Record<string, unknown>): number {
  for (const o of order) {
    const c = compareValues(readPropertyPath(a, o.path), readPropertyPath(b, o.path));
    if (c !== 0) return o.desc ? -c : c;
  }
  return (a.Id as number) - (b.Id as number);
}

function afterToken(order: Order, row: Record<string, unknown>, token: SkipToken): boolean {
  for (const o of order) {
    const mine = readPropertyPath(row, o.path);
    const c = compareValues(mine, tokenValue(mine, token.values.get(o.path.join('/').toLowerCase())));
    if (c !== 0) return o.desc ? c < 0 : c > 0;
  }
  return (row.Id as number) > token.id;
}

function skipTokenOf(order: Order, last: Record<string, unknown>): string {
  const parts = ['Paged=TRUE'];
  for (const o of order) {
    const v = readPropertyPath(last, o.path);
    parts.push(`p_${o.path.join('/')}=${encodeURIComponent(v === null || v === undefined ? '' : String(v))}`);
  }
  parts.push(`p_ID=${String(last.Id)}`);
  return parts.join('&');
}

/**
 * `GET _api/web/{list}/items`: `$filter`, `$orderby`, `$top` (100 by default, at most 5,000) and SharePoint's own
 * `$skiptoken`. The next link carries `$skiptoken=Paged%3DTRUE%26p_ID%3D{last ID}` (the `&` inside the token encoded,
 * as the page above requires) with the request's other options, so a client following it whole gets the next page.
 */
function items(ctx: Ctx, p: Record<string, string>): Reply {
  const s = site(ctx);
  const list = loadList(ctx, p.listId);
  const filter = filterOption(ctx);
  const order = orderByOption(ctx) ?? [];
  // SharePoint REST has no Prefer opt-in: a non-indexed column is answered on small lists and refused past the threshold.
  enforceListViewThreshold(ctx.tenant.db, list, columnsOf(list), { filter, orderBy: order.length ? order : undefined }, true, (path) =>
    path.length ? path[0] : undefined
  );
  const token = parseSkipToken(ctx.query.get('$skiptoken'));
  const expand = expanded(ctx, ['Author', 'Editor']);
  let rows = itemsOfList(ctx.tenant.db, list.id).map((it) => spItem(ctx, s, list, it, expand));
  if (filter) rows = rows.filter((o) => evaluateFilter(filter, o));
  rows.sort((a, b) => compareRows(order, a, b));
  if (token) rows = rows.filter((o) => afterToken(order, o, token));
  const top = topOption(ctx, 5000) ?? 100;
  const page = rows.slice(0, top);
  const value = page.map((o) => selectItem(ctx, o));
  const nextLink = rows.length > top ? linkWith(ctx, { $skiptoken: skipTokenOf(order, page[page.length - 1]) }) : undefined;
  return spCollection(ctx, `SP.Data.${entityTypeOf(list)}Item`, { value, nextLink });
}

function loadItem(ctx: Ctx, p: Record<string, string>): { s: SiteRow; list: ListRow; item: ItemMeta } {
  const s = site(ctx);
  const list = loadList(ctx, p.listId);
  const item = /^\d+$/.test(p.itemId) ? getItemByNum(ctx.tenant.db, list.id, Number(p.itemId)) : undefined;
  if (!item) throw errors.notFound('Item does not exist. It may have been deleted by another user.');
  return { s, list, item };
}

function item(ctx: Ctx, p: Record<string, string>): Reply {
  const { s, list, item: it } = loadItem(ctx, p);
  return spEntity(ctx, `SP.Data.${entityTypeOf(list)}Item`, selectItem(ctx, spItem(ctx, s, list, it, expanded(ctx, ['Author', 'Editor']))));
}

/**
 * Updates an item's columns: `PATCH`, or `POST` with `X-HTTP-Method: MERGE` (what PnPjs's `item.update()` sends),
 * `If-Match` optional; 204. The record rules decide as on every other path (`writeFields`).
 */
function updateItem(ctx: Ctx, p: Record<string, string>): Reply {
  const override = (ctx.headers['x-http-method'] ?? '').toUpperCase();
  if (override === 'DELETE') return recycleOrDelete(ctx, p, false);
  if (ctx.method === 'POST' && override !== 'MERGE' && override !== 'PATCH')
    throw errors.notImplemented(`POST to a list item${override ? ` with X-HTTP-Method '${override}'` : ''} (use MERGE to update it)`);
  const { list, item: it } = loadItem(ctx, p);
  const body = jsonBody(ctx);
  const values = Object.fromEntries(Object.entries(body).filter(([k]) => k !== '__metadata'));
  writeFields(ctx, it, validateFieldValues(list, values));
  return { status: 204 };
}

/** `items(n)/recycle()` (answers the recycle bin item's id) or a `DELETE`: a delete the record rules must allow. */
function recycleOrDelete(ctx: Ctx, p: Record<string, string>, recycle: boolean): Reply {
  const { list, item: it } = loadItem(ctx, p);
  if (it.is_folder) throw errors.notImplemented('deleting a folder through SharePoint REST (delete the driveItem)');
  enforceRecordAction(ctx.tenant.db, it, 'delete', ctx.principal);
  preserveBeforeDelete(ctx, list, [it]);
  updateItemRow(ctx.tenant.db, it.id, { deleted: 1, seq: ctx.tenant.nextSeq(), modified: ctx.tenant.clock.nowIso() });
  if (!recycle) return { status: 200, body: '' };
  return spEntity(ctx, 'Edm.Guid', { value: guid(cryptoRng) });
}

/** List properties Custodian changes; SharePoint has many more, which the dev tenant refuses rather than ignores. */
const updatableListProperties = ['DefaultSensitivityLabelForLibrary'];

/**
 * Updates a list: `PATCH` or `POST` with `X-HTTP-Method: MERGE` (what PnPjs sends), body in either JSON shape
 * (verbose adds `__metadata`). 204 without a body, as SharePoint answers.
 */
function updateList(ctx: Ctx, p: Record<string, string>): Reply {
  if (ctx.method === 'POST') {
    const override = (ctx.headers['x-http-method'] ?? '').toUpperCase();
    if (override !== 'MERGE' && override !== 'PATCH')
      throw errors.notImplemented(`POST to a list${override ? ` with X-HTTP-Method '${override}'` : ''} (use MERGE to update it)`);
  }
  const list = loadList(ctx, p.listId);
  const body = jsonBody(ctx);
  for (const key of Object.keys(body)) {
    if (key === '__metadata' || updatableListProperties.includes(key)) continue;
    throw errors.notImplemented(`setting the list property '${key}'`);
  }
  if ('DefaultSensitivityLabelForLibrary' in body) {
    const labelId = validateDefaultSensitivityLabel(ctx, list, body.DefaultSensitivityLabelForLibrary);
    ctx.tenant.db
      .prepare('UPDATE lists SET default_sens_label = ?, modified = ? WHERE id = ?')
      .run(labelId, ctx.tenant.clock.nowIso(), list.id);
  }
  return { status: 204 };
}

const claimPrefix = /^i:0#\.f\|membership\|/i;
const termValue = /^([^|;]+)\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12});?$/i;

/**
 * A person or managed metadata form value as SharePoint's form takes it, checked and turned into what the item keeps.
 * A person: `[{"Key":"i:0#.f|membership|upn"}]` (a JSON string; a bare UPN as Key is also resolved), one user of the
 * tenant; kept as `{ LookupValue, Email }`. A term: `Label|TermGuid` (an optional trailing `;`); the dev tenant has
 * no term store, so any well-formed pair is accepted; kept as `{ Label, TermGuid, WssId: -1 }`, Graph's shape.
 */
function formValueOf(ctx: Ctx, name: string, type: 'person' | 'term', required: boolean | undefined, raw: unknown): unknown {
  if (raw === null || raw === undefined || raw === '' || raw === '[]') {
    if (required) throw new Error('You must specify a value for this required field.');
    return null;
  }
  if (typeof raw !== 'string') throw new Error(`The value of '${name}' must be a string.`);
  if (type === 'term') {
    const m = termValue.exec(raw.trim());
    if (!m) throw new Error(`'${raw}' is not a term of the term set of '${name}': use Label|TermGuid.`);
    return { Label: m[1].trim(), TermGuid: m[2].toLowerCase(), WssId: -1 };
  }
  let entries: unknown;
  try {
    entries = JSON.parse(raw);
  } catch {
    throw new Error(`The value of '${name}' must be a JSON array of people ([{"Key":"i:0#.f|membership|user@contoso.com"}]).`);
  }
  if (!Array.isArray(entries) || entries.length !== 1 || typeof (entries[0] as { Key?: unknown })?.Key !== 'string')
    throw new Error(`'${name}' takes exactly one person, as [{"Key":"i:0#.f|membership|user@contoso.com"}].`);
  const key = (entries[0] as { Key: string }).Key;
  const upn = key.replace(claimPrefix, '');
  const user = upn.includes('|') ? undefined : findUser(ctx.tenant.db, upn);
  if (!user) throw new Error(`The user does not exist or is not unique.`);
  return { LookupValue: user.displayName, Email: user.mail || user.userPrincipalName };
}

/** `ValidateUpdateListItem()`: per-field results, as SharePoint reports them, instead of one HTTP error. */
function validateUpdate(ctx: Ctx, p: Record<string, string>): Reply {
  const { list, item: it } = loadItem(ctx, p);
  const body = jsonBody(ctx);
  if (!Array.isArray(body.formValues)) throw errors.badRequest("The parameter 'formValues' is required.");
  const results: Record<string, unknown>[] = [];
  const valid: Record<string, unknown> = {};
  for (const fv of body.formValues as Record<string, unknown>[]) {
    const fieldName = String(fv?.FieldName ?? '');
    const raw = fv?.FieldValue;
    const col = columnsOf(list).find((c) => c.name === fieldName);
    const value =
      col?.type === 'number' && typeof raw === 'string' && raw !== ''
        ? Number(raw)
        : col?.type === 'boolean' && typeof raw === 'string'
          ? raw === '1' || raw.toLowerCase() === 'true'
          : raw;
    try {
      if (col?.type === 'person' || col?.type === 'term') valid[fieldName] = formValueOf(ctx, col.name, col.type, col.required, raw);
      else Object.assign(valid, validateFieldValues(list, { [fieldName]: value === '' ? null : value }));
      results.push({
        ErrorCode: 0,
        ErrorMessage: null,
        FieldName: fieldName,
        FieldValue: raw ?? null,
        HasException: false,
        ItemId: it.num
      });
    } catch (e) {
      results.push({
        ErrorCode: -2146233088,
        ErrorMessage: e instanceof Error ? e.message : 'Invalid value.',
        FieldName: fieldName,
        FieldValue: raw ?? null,
        HasException: true,
        ItemId: it.num
      });
    }
  }
  if (Object.keys(valid).length && results.every((r) => !r.HasException)) writeFields(ctx, it, valid);
  return spCollection(ctx, 'SP.ListItemFormUpdateValue', { value: results });
}

/**
 * `GetFileById('..')` / `GetFileByServerRelativePath(DecodedUrl='..')`, canonicalised to `web/files/{item-id}`: an
 * SP.File with the properties SharePoint returns by default (the dev tenant keeps no check-outs, drafts or IRM).
 */
function file(ctx: Ctx, p: Record<string, string>): Reply {
  const db = ctx.tenant.db;
  const it = getItem(db, p.fileId);
  const list = it ? getList(db, it.list_id) : undefined;
  if (!it || !list || list.site_id !== ctx.siteId) throw errors.notFound('File Not Found.');
  const s = site(ctx);
  const expand = expanded(ctx, ['ListItemAllFields', 'ListItemAllFields/ParentList', 'ListItemAllFields/ParentList/RootFolder']);
  const entity: Record<string, unknown> = {};
  if (expand.has('listitemallfields')) {
    const fields = renameFields(spItem(ctx, s, list, it));
    if (expand.has('listitemallfields/parentlist')) {
      fields.ParentList = listEntity(ctx, s, list, new Set(expand.has('listitemallfields/parentlist/rootfolder') ? ['rootfolder'] : []));
    }
    entity.ListItemAllFields = fields;
  }
  Object.assign(entity, fileEntity(s, list, it));
  return spEntity(ctx, 'SP.File', select(ctx, entity));
}

/**
 * `_api/web`: the properties SharePoint Online returns by default, in the set CLI for Microsoft 365's `spo web get`
 * example shows (docs/cmd/spo/web/web-get.mdx), from the store where it has them and otherwise those of a new team
 * site. `$expand=AssociatedOwnerGroup,AssociatedMemberGroup,AssociatedVisitorGroup` (`spo web get --withGroups`)
 * adds the site's three groups.
 */
function web(ctx: Ctx): Reply {
  const s = site(ctx);
  const db = ctx.tenant.db;
  const [, , webId] = s.id.split(',');
  const expand = expanded(ctx, ['AssociatedOwnerGroup', 'AssociatedMemberGroup', 'AssociatedVisitorGroup']);
  const last = db
    .prepare('SELECT MAX(i.modified) AS modified, MAX(i.seq) AS seq FROM items i JOIN lists l ON l.id = i.list_id WHERE l.site_id = ?')
    .get(s.id) as { modified: string | null; seq: number | null };
  const modified = last.modified ?? s.created;
  const out: Record<string, unknown> = {};
  const group = (kind: 'Owners' | 'Members' | 'Visitors', id: number): Record<string, unknown> => ({
    Id: id,
    IsHiddenInUI: false,
    LoginName: `${s.display_name} ${kind}`,
    Title: `${s.display_name} ${kind}`,
    PrincipalType: 8,
    AllowMembersEditMembership: kind === 'Members',
    AllowRequestToJoinLeave: false,
    AutoAcceptRequestToJoinLeave: false,
    Description: null,
    OnlyAllowMembersViewMembership: false,
    OwnerTitle: `${s.display_name} Owners`,
    RequestToJoinLeaveEmailSetting: ''
  });
  if (expand.has('associatedmembergroup')) out.AssociatedMemberGroup = group('Members', siteGroupIds.members);
  if (expand.has('associatedownergroup')) out.AssociatedOwnerGroup = group('Owners', siteGroupIds.owners);
  if (expand.has('associatedvisitorgroup')) out.AssociatedVisitorGroup = group('Visitors', siteGroupIds.visitors);
  const url = `${ctx.origin}${s.path === '/' ? '' : s.path}`;
  Object.assign(out, {
    AllowRssFeeds: true,
    AlternateCssUrl: '',
    AppInstanceId: noGuid,
    ClassicWelcomePage: null,
    Configuration: 0,
    Created: s.created,
    CurrentChangeToken: changeToken(2, webId, modified, last.seq ?? 0),
    CustomMasterUrl: `${s.path === '/' ? '' : s.path}/_catalogs/masterpage/seattle.master`,
    Description: s.description,
    DesignPackageId: noGuid,
    DocumentLibraryCalloutOfficeWebAppPreviewersDisabled: false,
    EnableMinimalDownload: false,
    FooterEmphasis: 0,
    FooterEnabled: false,
    FooterLayout: 0,
    HeaderEmphasis: 0,
    HeaderLayout: 0,
    HideTitleInHeader: false,
    HorizontalQuickLaunch: false,
    Id: webId,
    IsEduClass: false,
    IsEduClassProvisionChecked: false,
    IsEduClassProvisionPending: false,
    IsHomepageModernized: false,
    IsMultilingual: false,
    IsRevertHomepageLinkHidden: false,
    Language: 1033,
    LastItemModifiedDate: modified,
    LastItemUserModifiedDate: modified,
    LogoAlignment: 0,
    MasterUrl: `${s.path === '/' ? '' : s.path}/_catalogs/masterpage/seattle.master`,
    MegaMenuEnabled: false,
    NavAudienceTargetingEnabled: false,
    NoCrawl: false,
    ObjectCacheEnabled: false,
    OverwriteTranslationsOnChange: false,
    ResourcePath: { DecodedUrl: url },
    QuickLaunchEnabled: true,
    RecycleBinEnabled: true,
    SearchScope: 0,
    ServerRelativeUrl: s.path,
    SiteLogoUrl: null,
    SyndicationEnabled: true,
    TenantAdminMembersCanShare: 0,
    Title: s.display_name,
    TreeViewEnabled: false,
    UIVersion: 15,
    UIVersionConfigurationEnabled: false,
    Url: url,
    // A team site not connected to a group; the dev tenant has no Microsoft 365 groups.
    WebTemplate: 'STS',
    WelcomePage: 'SitePages/Home.aspx'
  });
  return spEntity(ctx, 'SP.Web', select(ctx, out, { HasUniqueRoleAssignments: false }));
}

/** `_api/web/DefaultDocumentLibrary` (`spo list get --default`): the library Graph calls the site's drive. */
function defaultDocumentLibrary(ctx: Ctx): Reply {
  const s = site(ctx);
  const libraries = listsOfSite(ctx.tenant.db, s.id).filter((l) => l.template === 'documentLibrary');
  const list = libraries.find((l) => l.url_name === 'Shared Documents') ?? libraries[0];
  if (!list) throw errors.notFound(`The site '${s.path}' has no document library.`);
  return spEntity(ctx, 'SP.List', select(ctx, listEntity(ctx, s, list), listMore));
}

const listQuery = ['$select', '$expand'];

export const spListRoutes: readonly Route[] = [
  { pattern: 'web/files/{fileId}', ops: { GET: { scopes: readScopes, query: ['$select', '$expand'], run: file } } },
  { pattern: 'web', ops: { GET: { scopes: readScopes, query: ['$select', '$expand'], run: web } } },
  { pattern: 'web/DefaultDocumentLibrary', ops: { GET: { scopes: readScopes, query: listQuery, run: defaultDocumentLibrary } } },
  {
    pattern: 'web/lists',
    ops: {
      GET: {
        scopes: readScopes,
        query: ['$select', '$filter', '$top', '$orderby', '$skiptoken', '$expand'],
        run: (ctx) => {
          const s = site(ctx);
          const expand = listExpand(ctx);
          const sel = spSelectOption(ctx);
          // `$select` here is SharePoint's (paths, `*`), applied after paging rather than by Graph's option parser.
          ctx.query.delete('$select');
          const page = pageCollection(
            ctx,
            listsOfSite(ctx.tenant.db, s.id).map((l) => listEntity(ctx, s, l, expand)),
            {},
            (o) => spSelect(o, sel, navigation, listMore)
          );
          return spCollection(ctx, 'SP.List', { value: page.value as unknown[], nextLink: page['@odata.nextLink'] as string | undefined });
        }
      }
    }
  },
  {
    pattern: 'web/lists/{listId}',
    ops: {
      GET: {
        scopes: readScopes,
        query: listQuery,
        run: (ctx, p) => spEntity(ctx, 'SP.List', select(ctx, listEntity(ctx, site(ctx), loadList(ctx, p.listId)), listMore))
      },
      // Changing list settings needs Manage Lists: Sites.Manage.All or Sites.FullControl.All.
      PATCH: { scopes: manageScopes, run: updateList },
      POST: { scopes: manageScopes, run: updateList }
    }
  },
  {
    pattern: 'web/lists/{listId}/RootFolder',
    ops: {
      GET: {
        scopes: readScopes,
        query: ['$select'],
        run: (ctx, p) => spEntity(ctx, 'SP.Folder', select(ctx, rootFolder(ctx, site(ctx), loadList(ctx, p.listId))))
      }
    }
  },
  {
    pattern: 'web/lists/{listId}/items',
    ops: { GET: { scopes: readScopes, query: ['$select', '$filter', '$top', '$orderby', '$skiptoken', '$expand'], run: items } }
  },
  {
    pattern: 'web/lists/{listId}/items/{itemId}',
    ops: {
      GET: { scopes: readScopes, query: ['$select', '$expand'], run: item },
      PATCH: { scopes: writeScopes, run: updateItem },
      POST: { scopes: writeScopes, run: updateItem },
      DELETE: { scopes: writeScopes, run: (ctx, p) => recycleOrDelete(ctx, p, false) }
    }
  },
  {
    pattern: 'web/lists/{listId}/items/{itemId}/recycle',
    ops: { POST: { scopes: writeScopes, run: (ctx, p) => recycleOrDelete(ctx, p, true) } }
  },
  { pattern: 'web/lists/{listId}/items/{itemId}/ValidateUpdateListItem', ops: { POST: { scopes: writeScopes, run: validateUpdate } } }
];
