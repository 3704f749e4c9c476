import { errors, ServiceError } from '../errors';
import type { Ctx, Reply } from '../http/context';
import type { Route } from '../http/router';
import { filterOption, orderByOption } from '../http/query';
import { evaluateFilter, readPropertyPath } from '../protocol/odataFilter';
import { findItemByServerRelativeUrl } from '../graph/addressing';
import { childrenOf, getItem, itemContent, type ItemMeta } from '../store/items';
import { getList, type ListRow, listServerRelativeUrl, listsOfSite, type SiteRow } from '../store/sites';
import { isRecordItem } from '../records';
import { spItem } from './lists';
import { rootFolder, site } from './restShared';
import { fileEntity } from './fileEntity';
import { spCollection, spEntity, spFieldName, spNull, spSelect as spSelectWith, spSelectOption as selectList } from './format';

/** Navigation properties of folders, files and their list items: `$select` reaches into them only when expanded. */
const navigation = ['ListItemAllFields', 'ParentList', 'RootFolder', 'Files', 'Folders', 'ParentFolder'];
const spSelect = (obj: Record<string, unknown>, select: string[] | undefined): Record<string, unknown> =>
  spSelectWith(obj, select, navigation);

/**
 * Folders and files in SharePoint REST: `GetFolderByServerRelativePath(decodedUrl='..')`,
 * `GetFolderByServerRelativeUrl('..')` and `GetFolderById('..')` (canonicalised in routes.ts to
 * `web/folders/{key}`), their `Files`, `Folders` and `ListItemAllFields`, and a file's `$value`. These are what CLI
 * for Microsoft 365 sends for `spo folder get`, `spo file list` (with `--recursive`), `spo file get --asString`
 * and the folder and file `retentionlabel ensure|remove` commands (which then label through SPPolicyStoreProxy,
 * policyStore.ts, under the same record rules as every other path). Shapes follow the SharePoint REST reference
 * ("Working with folders and files with REST", https://learn.microsoft.com/sharepoint/dev/sp-add-ins/working-with-folders-and-files-with-rest).
 */

const readScopes = ['Sites.Read.All', 'Sites.ReadWrite.All', 'Sites.FullControl.All'] as const;

/** A folder key in a canonical path: a folder's item id, or `root-{listId}` for a list's root folder. */
const rootPrefix = 'root-';

/** SharePoint's answer for a folder or file that is not there (System.IO.FileNotFoundException). */
function fileNotFound(): ServiceError {
  return new ServiceError({
    status: 404,
    code: 'itemNotFound',
    message: 'File Not Found.',
    spCode: '-2147024894, System.IO.FileNotFoundException'
  });
}

/**
 * The folder a `GetFolderBy...` call names, as the key `web/folders/{key}` routes on. A path is server-relative
 * (`/sites/hr/Shared Documents/Folder`) or relative to the web (`Shared Documents/Folder`), as SharePoint takes it;
 * a path outside this web is refused as SharePoint refuses it.
 */
export function resolveFolderKey(ctx: Ctx, by: { id?: string; path?: string }): string {
  const db = ctx.tenant.db;
  const s = site(ctx);
  if (by.id !== undefined) {
    const id = by.id.replace(/^\{|\}$/g, '');
    const list = listsOfSite(db, s.id).find((l) => l.id.toLowerCase() === id.toLowerCase());
    if (list) return rootPrefix + list.id;
    const row = db.prepare('SELECT id FROM items WHERE uid = ? COLLATE NOCASE AND deleted = 0 AND is_folder = 1').get(id) as
      { id: string } | undefined;
    const item = row ? getItem(db, row.id) : undefined;
    if (!item || getList(db, item.list_id)?.site_id !== s.id) throw fileNotFound();
    return item.id;
  }
  let path = (by.path ?? '').trim();
  const webPath = s.path === '/' ? '' : s.path;
  if (!path.startsWith('/')) path = `${webPath}/${path}`;
  if (webPath && path.toLowerCase() !== webPath.toLowerCase() && !path.toLowerCase().startsWith(webPath.toLowerCase() + '/'))
    throw new ServiceError({
      status: 400,
      code: 'invalidRequest',
      message: 'Server relative urls must start with SPWeb.ServerRelativeUrl',
      spCode: '-2147024809, System.ArgumentException'
    });
  const hit = findItemByServerRelativeUrl(ctx, path);
  if (!hit || hit.list.site_id !== s.id) throw fileNotFound();
  if (!hit.itemId) return rootPrefix + hit.list.id;
  const item = getItem(db, hit.itemId);
  if (!item?.is_folder) throw fileNotFound();
  return item.id;
}

interface Folder {
  site: SiteRow;
  list: ListRow;
  /** Undefined for the list's root folder. */
  item?: ItemMeta;
}

function loadFolder(ctx: Ctx, key: string): Folder {
  const db = ctx.tenant.db;
  const s = site(ctx);
  if (key.startsWith(rootPrefix)) {
    const list = getList(db, key.slice(rootPrefix.length));
    if (!list || list.site_id !== s.id) throw fileNotFound();
    return { site: s, list };
  }
  const item = getItem(db, key);
  const list = item ? getList(db, item.list_id) : undefined;
  if (!item || !item.is_folder || !list || list.site_id !== s.id) throw fileNotFound();
  return { site: s, list, item };
}

/** What a folder holds directly: files and folders under it (a generic list has no files). */
function childrenOfFolder(ctx: Ctx, f: Folder): ItemMeta[] {
  const parent = f.item ? f.item.id : f.list.root_id;
  return parent ? childrenOf(ctx.tenant.db, parent) : [];
}

/** `SP.Folder` as SharePoint returns it by default: a library's root folder, or a folder item in it. */
function folderEntity(ctx: Ctx, f: Folder): Record<string, unknown> {
  const folder = f.item
    ? {
        Name: f.item.name,
        ServerRelativeUrl: listServerRelativeUrl(f.site, f.list) + f.item.path,
        TimeCreated: f.item.created,
        TimeLastModified: f.item.modified,
        UniqueId: f.item.uid
      }
    : rootFolder(ctx, f.site, f.list);
  const own = {
    Name: folder.Name,
    ServerRelativeUrl: folder.ServerRelativeUrl,
    TimeCreated: folder.TimeCreated,
    TimeLastModified: folder.TimeLastModified,
    UniqueId: folder.UniqueId
  };
  return {
    Exists: true,
    ExistsAllowThrowForPolicyFailures: true,
    ExistsWithException: true,
    IsWOPIEnabled: false,
    ItemCount: childrenOfFolder(ctx, f).length,
    ProgID: null,
    WelcomePage: '',
    ...own
  };
}

/** `SP.List` for `ListItemAllFields/ParentList` (the properties lists.ts answers for a list). */
function parentListEntity(ctx: Ctx, s: SiteRow, list: ListRow, withRootFolder: boolean): Record<string, unknown> {
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
  if (withRootFolder) out.RootFolder = rootFolder(ctx, s, list);
  return out;
}

/** The list item behind a file or folder; `_IsRecord` counts in-place declarations too, as SharePoint does. */
function listItemAllFields(
  ctx: Ctx,
  s: SiteRow,
  list: ListRow,
  item: ItemMeta,
  expand: Set<string>,
  prefix: string
): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(spItem(ctx, s, list, item))) fields[spFieldName(k)] = v;
  fields[spFieldName('_IsRecord')] = isRecordItem(ctx.tenant.db, item);
  if (expand.has(`${prefix}listitemallfields/parentlist`))
    fields.ParentList = parentListEntity(ctx, s, list, expand.has(`${prefix}listitemallfields/parentlist/rootfolder`));
  return fields;
}

const servedExpansions = [
  'listitemallfields',
  'listitemallfields/parentlist',
  'listitemallfields/parentlist/rootfolder',
  'files',
  'folders',
  'parentfolder'
];

/**
 * `$expand` as a set of lower-cased paths, each with its prefixes (`a/b/c` expands `a` and `a/b` too). Role
 * assignments and the other navigation properties SharePoint has are not modelled: 501, not silently dropped.
 */
function expansions(ctx: Ctx, allowed: readonly string[]): Set<string> {
  const raw = ctx.query.get('$expand');
  const out = new Set<string>();
  if (raw === undefined) return out;
  for (const part of raw
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const lower = part.toLowerCase();
    if (!/^[a-z_][a-z0-9_]*(\/[a-z_][a-z0-9_]*)*$/.test(lower)) throw errors.badRequest(`Invalid $expand: '${raw}'.`);
    if (!allowed.includes(lower)) {
      if (/roleassignments|hasuniqueroleassignments|properties|storagemetrics|versions/.test(lower))
        throw errors.notImplemented(`expanding '${part}' in SharePoint REST`);
      throw errors.unsupportedQuery(`Expanding '${part}' is not supported on this resource by the dev tenant.`);
    }
    lower.split('/').forEach((_, n, segs) => out.add(segs.slice(0, n + 1).join('/')));
  }
  return out;
}

function fileWithExpansions(
  ctx: Ctx,
  s: SiteRow,
  list: ListRow,
  item: ItemMeta,
  expand: Set<string>,
  prefix = ''
): Record<string, unknown> {
  const entity = fileEntity(s, list, item);
  if (expand.has(`${prefix}listitemallfields`)) entity.ListItemAllFields = listItemAllFields(ctx, s, list, item, expand, prefix);
  return entity;
}

function folderWithExpansions(ctx: Ctx, f: Folder, expand: Set<string>, prefix = ''): Record<string, unknown> {
  const entity = folderEntity(ctx, f);
  if (expand.has(`${prefix}listitemallfields`))
    // A list's root folder has no list item: SharePoint answers null for it (CLI for Microsoft 365 relies on this to
    // tell a library's root from a folder in `spo folder retentionlabel ensure`).
    entity.ListItemAllFields = f.item ? listItemAllFields(ctx, f.site, f.list, f.item, expand, prefix) : null;
  if (expand.has(`${prefix}files`))
    entity.Files = childrenOfFolder(ctx, f)
      .filter((c) => !c.is_folder)
      .map((c) => fileEntity(f.site, f.list, c));
  if (expand.has(`${prefix}folders`))
    entity.Folders = childrenOfFolder(ctx, f)
      .filter((c) => c.is_folder)
      .map((c) => folderEntity(ctx, { site: f.site, list: f.list, item: c }));
  if (expand.has(`${prefix}parentfolder`)) entity.ParentFolder = parentFolder(ctx, f);
  return entity;
}

function parentFolder(ctx: Ctx, f: Folder): Record<string, unknown> | null {
  if (!f.item) return null;
  const parent = f.item.parent_id && f.item.parent_id !== f.list.root_id ? getItem(ctx.tenant.db, f.item.parent_id) : undefined;
  return folderEntity(ctx, { site: f.site, list: f.list, item: parent });
}

function getFolder(ctx: Ctx, p: Record<string, string>): Reply {
  const f = loadFolder(ctx, p.folderKey);
  const expand = expansions(ctx, servedExpansions);
  return spEntity(ctx, 'SP.Folder', spSelect(folderWithExpansions(ctx, f, expand), selectList(ctx)));
}

/** `$skip` and `$top` as SharePoint takes them on these collections (no server-driven paging; at most 5000). */
function window(ctx: Ctx): { skip: number; top: number } {
  const rawSkip = ctx.query.get('$skip');
  const rawTop = ctx.query.get('$top');
  if (rawSkip !== undefined && !/^\d+$/.test(rawSkip)) throw errors.badRequest(`Invalid $skip: '${rawSkip}'.`);
  if (rawTop !== undefined && (!/^\d+$/.test(rawTop) || Number(rawTop) < 1)) throw errors.badRequest(`Invalid $top: '${rawTop}'.`);
  return { skip: rawSkip === undefined ? 0 : Number(rawSkip), top: Math.min(rawTop === undefined ? 5000 : Number(rawTop), 5000) };
}

/** `$filter`, `$orderby`, `$skip`, `$top`, then `$select`, over full entities. */
function collection(ctx: Ctx, type: string, all: Record<string, unknown>[]): Reply {
  const filter = filterOption(ctx);
  let rows = filter ? all.filter((o) => evaluateFilter(filter, o)) : all;
  const order = orderByOption(ctx);
  if (order)
    rows = [...rows].sort((a, b) => {
      for (const o of order) {
        const av = readPropertyPath(a, o.path) as string | number | null | undefined;
        const bv = readPropertyPath(b, o.path) as string | number | null | undefined;
        const c = av === bv ? 0 : av === undefined || av === null ? -1 : bv === undefined || bv === null ? 1 : av < bv ? -1 : 1;
        if (c !== 0) return o.desc ? -c : c;
      }
      return 0;
    });
  const { skip, top } = window(ctx);
  const select = selectList(ctx);
  return spCollection(ctx, type, { value: rows.slice(skip, skip + top).map((o) => spSelect(o, select)) });
}

function files(ctx: Ctx, p: Record<string, string>): Reply {
  const f = loadFolder(ctx, p.folderKey);
  const expand = expansions(ctx, ['listitemallfields', 'listitemallfields/parentlist', 'listitemallfields/parentlist/rootfolder']);
  return collection(
    ctx,
    'SP.File',
    childrenOfFolder(ctx, f)
      .filter((c) => !c.is_folder)
      .map((c) => fileWithExpansions(ctx, f.site, f.list, c, expand))
  );
}

function folders(ctx: Ctx, p: Record<string, string>): Reply {
  const f = loadFolder(ctx, p.folderKey);
  const expand = expansions(ctx, servedExpansions);
  return collection(
    ctx,
    'SP.Folder',
    childrenOfFolder(ctx, f)
      .filter((c) => c.is_folder)
      .map((c) => folderWithExpansions(ctx, { site: f.site, list: f.list, item: c }, expand))
  );
}

function folderListItem(ctx: Ctx, p: Record<string, string>): Reply {
  const f = loadFolder(ctx, p.folderKey);
  if (!f.item) return spNull(ctx);
  const expand = expansions(ctx, ['parentlist', 'parentlist/rootfolder']);
  const shifted = new Set([...expand].map((e) => `listitemallfields/${e}`));
  return spEntity(
    ctx,
    'SP.Data.ListItem',
    spSelect(listItemAllFields(ctx, f.site, f.list, f.item, shifted, ''), selectList(ctx)?.map(spFieldName))
  );
}

/** `GetFileById('..')/$value`: the file's bytes (CLI for Microsoft 365 `spo file get --asString|--asFile`). */
function fileValue(ctx: Ctx, p: Record<string, string>): Reply {
  const item = getItem(ctx.tenant.db, p.fileId);
  const list = item ? getList(ctx.tenant.db, item.list_id) : undefined;
  if (!item || item.is_folder || !list || list.site_id !== ctx.siteId) throw fileNotFound();
  return {
    status: 200,
    headers: { 'content-type': 'application/octet-stream' },
    body: itemContent(ctx.tenant.db, item.id) ?? Buffer.alloc(0)
  };
}

const collectionQuery = ['$select', '$expand', '$filter', '$orderby', '$top', '$skip'];

export const spFolderRoutes: readonly Route[] = [
  { pattern: 'web/folders/{folderKey}', ops: { GET: { scopes: readScopes, query: ['$select', '$expand'], run: getFolder } } },
  { pattern: 'web/folders/{folderKey}/Files', ops: { GET: { scopes: readScopes, query: collectionQuery, run: files } } },
  { pattern: 'web/folders/{folderKey}/Folders', ops: { GET: { scopes: readScopes, query: collectionQuery, run: folders } } },
  {
    pattern: 'web/folders/{folderKey}/ListItemAllFields',
    ops: { GET: { scopes: readScopes, query: ['$select', '$expand'], run: folderListItem } }
  },
  { pattern: 'web/files/{fileId}/$value', ops: { GET: { scopes: readScopes, run: fileValue } } }
];
