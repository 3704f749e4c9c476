import { errors } from '../errors';
import { type Ctx, jsonBody, type Reply } from '../http/context';
import type { Route } from '../http/router';
import { expandOption, filterOption, orderByOption, pageCollection } from '../http/query';
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
import { spCollection, spEntity, spFieldName } from './format';

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

/** `$select=A,RootFolder/ServerRelativeUrl,ListItemAllFields/ParentList/RootFolder/ServerRelativeUrl`. */
export function spSelect(obj: Record<string, unknown>, select: string[] | undefined): Record<string, unknown> {
  if (!select) return obj;
  const out: Record<string, unknown> = {};
  for (const s of select) {
    const [head, ...rest] = s.split('/');
    const key = Object.keys(obj).find((k) => k.toLowerCase() === spFieldName(head).toLowerCase() || k.toLowerCase() === head.toLowerCase());
    if (!key) continue;
    const value = obj[key];
    if (rest.length && value && typeof value === 'object') {
      const inner = spSelect(value as Record<string, unknown>, [rest.join('/')]);
      out[key] = { ...((out[key] as Record<string, unknown>) ?? {}), ...inner };
    } else out[key] = value;
  }
  return out;
}

export function selectList(ctx: Ctx): string[] | undefined {
  const v = ctx.query.get('$select');
  return v === undefined
    ? undefined
    : v
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x !== '');
}

function listEntity(ctx: Ctx, s: SiteRow, list: ListRow, withRootFolder?: boolean): Record<string, unknown> {
  const count = (ctx.tenant.db.prepare('SELECT COUNT(*) AS n FROM items WHERE list_id = ? AND deleted = 0').get(list.id) as { n: number })
    .n;
  const out: Record<string, unknown> = {
    Id: list.id,
    Title: list.display_name,
    Description: list.description,
    BaseTemplate: list.template === 'documentLibrary' ? 101 : 100,
    BaseType: list.template === 'documentLibrary' ? 1 : 0,
    ItemCount: count,
    Created: list.created,
    LastItemModifiedDate: list.modified,
    EntityTypeName: list.url_name.replace(/\s+/g, '_x0020_'),
    ParentWebUrl: s.path,
    DefaultSensitivityLabelForLibrary: list.default_sens_label ?? ''
  };
  if (withRootFolder ?? expandOption(ctx, ['RootFolder']).has('RootFolder')) out.RootFolder = rootFolder(ctx, s, list);
  return out;
}

/** An item in SharePoint REST's shape; `_` fields are renamed `OData__...` when rendered. */
export function spItem(ctx: Ctx, s: SiteRow, list: ListRow, item: ItemMeta): Record<string, unknown> {
  const fields = parseFields(item);
  const isLib = list.template === 'documentLibrary';
  const out: Record<string, unknown> = {
    Id: item.num,
    ID: item.num,
    Title: fields.Title ?? null,
    GUID: item.uid,
    Created: item.created,
    Modified: item.modified,
    AuthorId: item.created_by,
    EditorId: item.modified_by,
    FileSystemObjectType: item.is_folder ? 1 : 0,
    ContentTypeId: isLib ? (item.is_folder ? '0x0120' : '0x0101') : '0x01'
  };
  for (const col of columnsOf(list)) if (col.name !== 'Title') out[col.name] = fields[col.name] ?? null;
  if (isLib) {
    out.FileLeafRef = item.name;
    out.FileRef = listServerRelativeUrl(s, list) + item.path;
  }
  out._ComplianceTag = item.label ?? '';
  out._ComplianceTagWrittenTime = item.label_at ?? '';
  out._ComplianceTagUserId = item.label_by ?? '';
  out._IsRecord = item.label ? isRecordBehaviorName(ctx, item.label) : false;
  out._UIVersionString = `${item.version}.0`;
  return out;
}

function renameFields(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[spFieldName(k)] = v;
  return out;
}

function items(ctx: Ctx, p: Record<string, string>): Reply {
  const s = site(ctx);
  const list = loadList(ctx, p.listId);
  // SharePoint REST has no Prefer opt-in: a non-indexed column is answered on small lists and refused past the threshold.
  enforceListViewThreshold(
    ctx.tenant.db,
    list,
    columnsOf(list),
    { filter: filterOption(ctx), orderBy: orderByOption(ctx) },
    true,
    (path) => (path.length ? path[0] : undefined)
  );
  const select = selectList(ctx);
  ctx.query.delete('$select');
  const all = itemsOfList(ctx.tenant.db, list.id).map((it) => spItem(ctx, s, list, it));
  const page = pageCollection(ctx, all, { defaultPageSize: 100, maxPageSize: 5000 }, (o) =>
    spSelect(renameFields(o), select?.map(spFieldName))
  );
  return spCollection(ctx, 'SP.Data.ListItem', { value: page.value as unknown[], nextLink: page['@odata.nextLink'] as string | undefined });
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
  return spEntity(ctx, 'SP.Data.ListItem', spSelect(renameFields(spItem(ctx, s, list, it)), selectList(ctx)?.map(spFieldName)));
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

/** `GetFileById('..')` / `GetFileByServerRelativePath(DecodedUrl='..')`, canonicalised to `web/files/{item-id}`. */
function file(ctx: Ctx, p: Record<string, string>): Reply {
  const db = ctx.tenant.db;
  const it = getItem(db, p.fileId);
  const list = it ? getList(db, it.list_id) : undefined;
  if (!it || !list || list.site_id !== ctx.siteId) throw errors.notFound('File Not Found.');
  const s = site(ctx);
  // Expanding `a/b/c` expands `a` and `a/b` too.
  const expand = new Set(
    [...expandOption(ctx, ['ListItemAllFields', 'ListItemAllFields/ParentList', 'ListItemAllFields/ParentList/RootFolder']).keys()].flatMap(
      (k) =>
        k
          .toLowerCase()
          .split('/')
          .map((_, n, parts) => parts.slice(0, n + 1).join('/'))
    )
  );
  const entity: Record<string, unknown> = {
    Name: it.name,
    ServerRelativeUrl: listServerRelativeUrl(s, list) + it.path,
    UniqueId: it.uid,
    Length: String(it.size),
    TimeCreated: it.created,
    TimeLastModified: it.modified,
    UIVersionLabel: `${it.version}.0`
  };
  if (expand.has('listitemallfields')) {
    const fields = renameFields(spItem(ctx, s, list, it));
    if (expand.has('listitemallfields/parentlist')) {
      const parentList = listEntity(ctx, s, list, expand.has('listitemallfields/parentlist/rootfolder'));
      fields.ParentList = parentList;
    }
    entity.ListItemAllFields = fields;
  }
  return spEntity(ctx, 'SP.File', spSelect(entity, selectList(ctx)));
}

export const spListRoutes: readonly Route[] = [
  { pattern: 'web/files/{fileId}', ops: { GET: { scopes: readScopes, query: ['$select', '$expand'], run: file } } },
  {
    pattern: 'web',
    ops: {
      GET: {
        scopes: readScopes,
        query: ['$select'],
        run: (ctx) => {
          const s = site(ctx);
          const [, , webId] = s.id.split(',');
          return spEntity(
            ctx,
            'SP.Web',
            spSelect(
              {
                Id: webId,
                Title: s.display_name,
                Description: s.description,
                Url: `${ctx.origin}${s.path === '/' ? '' : s.path}`,
                ServerRelativeUrl: s.path,
                Created: s.created
              },
              selectList(ctx)
            )
          );
        }
      }
    }
  },
  {
    pattern: 'web/lists',
    ops: {
      GET: {
        scopes: readScopes,
        query: ['$select', '$filter', '$top', '$orderby', '$skiptoken', '$expand'],
        run: (ctx) => {
          const s = site(ctx);
          const select = selectList(ctx);
          ctx.query.delete('$select');
          const page = pageCollection(
            ctx,
            listsOfSite(ctx.tenant.db, s.id).map((l) => listEntity(ctx, s, l)),
            {},
            (o) => spSelect(o, select)
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
        query: ['$select', '$expand'],
        run: (ctx, p) => spEntity(ctx, 'SP.List', spSelect(listEntity(ctx, site(ctx), loadList(ctx, p.listId)), selectList(ctx)))
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
        run: (ctx, p) => spEntity(ctx, 'SP.Folder', spSelect(rootFolder(ctx, site(ctx), loadList(ctx, p.listId)), selectList(ctx)))
      }
    }
  },
  {
    pattern: 'web/lists/{listId}/items',
    ops: { GET: { scopes: readScopes, query: ['$select', '$filter', '$top', '$orderby', '$skiptoken'], run: items } }
  },
  {
    pattern: 'web/lists/{listId}/items/{itemId}',
    ops: {
      GET: { scopes: readScopes, query: ['$select'], run: item },
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
