import { errors } from '../errors';
import { type Ctx, jsonBody, type Reply } from '../http/context';
import type { Route } from '../http/router';
import { filterOption, linkWith, orderByOption, pageCollection, topOption } from '../http/query';
import { evaluateFilter } from '../protocol/odataFilter';
import { enforceListViewThreshold } from '../graph/listViewThreshold';
import { getItem, type ItemMeta, itemsOfList, parseFields, updateItem as updateItemRow } from '../store/items';
import { cryptoRng, guid } from '../store/ids';
import { enforceRecordAction } from '../records';
import { preserveBeforeDelete } from '../holds/preservationHold';
import { columnsOf, findListByUrl, getList, type ListRow, listServerRelativeUrl, listsOfSite, type SiteRow } from '../store/sites';
import { validateFieldValues, writeFields } from '../graph/listItems';
import { isRecordBehaviorName } from './recordLabels';
import { validateDefaultSensitivityLabel } from './librarySensitivity';
import { spCollection, spEntity, spFieldName, spSelect, spSelectOption } from './format';
import { siteUser, siteUserId } from './siteUsers';
import { fileEntity } from './fileEntity';

import { site, loadList, loadItem, rootFolder, navigation, select, expanded } from './restShared';
import { listMore, listExpand, listEntity, entityTypeOf } from './listEntity';
import { parseSkipToken, compareRows, afterToken, skipTokenOf } from './skipToken';
import { validateUpdate } from './validateUpdate';
import { web, defaultDocumentLibrary } from './webEntity';

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

export function renameFields(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[spFieldName(k)] = v;
  return out;
}

/** `$select` on an item: `Id` and `ID` are one field, so naming either returns both, as SharePoint answers. */
export function selectItem(ctx: Ctx, o: Record<string, unknown>): Record<string, unknown> {
  const out = select(ctx, renameFields(o));
  if ('Id' in out || 'ID' in out) {
    out.Id = o.Id;
    out.ID = o.ID;
  }
  return out;
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
