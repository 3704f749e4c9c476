import { errors } from '../errors';
import { type Ctx, json, jsonBody, noContent, type Reply, requirePrincipal } from '../http/context';
import type { Route } from '../http/router';
import { applySelect, collectionOptions, expandOption, pageCollection, selectOption } from '../http/query';
import {
  childrenOf,
  getItem,
  getItemByPath,
  insertItem,
  newItemRow,
  type ItemMeta,
  itemContent,
  updateItem,
  nextItemNumber,
  itemsOfList
} from '../store/items';
import type { ListRow, SiteRow } from '../store/sites';
import { enforceRecordAction } from '../records';
import { mimeOf } from '../seed/seed';
import { guid, driveItemId, cryptoRng } from '../store/ids';
import { ctagOf, etagOf, identitySet, itemWebUrl, listWebUrl, loadDrive, sharepointIds, validateItemName, checkIfMatch } from './common';
import { listItemRepresentation } from './listItems';
import { readDeltaPage } from './delta';
import { itemRetentionLabel } from './itemRetentionLabel';
import { personas } from '../auth/personas';
import { sensitivityAfterUpload } from '../sharepoint/librarySensitivity';

const readScopes = ['Files.Read.All', 'Files.ReadWrite.All', 'Sites.Read.All', 'Sites.ReadWrite.All'] as const;
const writeScopes = ['Files.ReadWrite.All', 'Sites.ReadWrite.All'] as const;
const itemExpands = ['listItem', 'retentionLabel', 'children'] as const;

/** Graph's driveItem (https://learn.microsoft.com/graph/api/resources/driveitem). */
export function driveItemRepresentation(ctx: Ctx, site: SiteRow, list: ListRow, item: ItemMeta): Record<string, unknown> {
  const db = ctx.tenant.db;
  const slash = item.path.lastIndexOf('/');
  const parentPath = item.path.slice(0, slash);
  const parentName = parentPath === '' ? 'root' : parentPath.slice(parentPath.lastIndexOf('/') + 1);
  const out: Record<string, unknown> = {
    '@odata.etag': etagOf(item),
    id: item.id,
    name: item.name,
    eTag: etagOf(item),
    cTag: ctagOf(item),
    createdDateTime: item.created,
    lastModifiedDateTime: item.modified,
    size: item.size,
    webUrl: itemWebUrl(ctx, site, list, item),
    createdBy: identitySet(db, item.created_by),
    lastModifiedBy: identitySet(db, item.modified_by),
    parentReference: {
      driveType: 'documentLibrary',
      driveId: list.drive_id,
      id: item.parent_id,
      name: parentName,
      path: `/drives/${list.drive_id}/root:${parentPath}`,
      siteId: site.id
    },
    fileSystemInfo: { createdDateTime: item.created, lastModifiedDateTime: item.modified },
    sharepointIds: sharepointIds(ctx, site, list, item)
  };
  if (item.is_folder) {
    out.folder = {
      childCount: (
        ctx.tenant.db.prepare('SELECT COUNT(*) AS n FROM items WHERE parent_id = ? AND deleted = 0').get(item.id) as { n: number }
      ).n
    };
  } else {
    out.file = { mimeType: item.mime ?? 'application/octet-stream' };
    out['@microsoft.graph.downloadUrl'] = `${ctx.origin}/${ctx.version}/drives/${list.drive_id}/items/${item.id}/content`;
  }
  return out;
}

function rootRepresentation(ctx: Ctx, site: SiteRow, list: ListRow): Record<string, unknown> {
  const count = (
    ctx.tenant.db.prepare('SELECT COUNT(*) AS n FROM items WHERE parent_id = ? AND deleted = 0').get(list.root_id) as { n: number }
  ).n;
  // The root folder has no row of its own: its tags derive from the list, and the tenant admin created it.
  const rootTag = { uid: list.id, version: 1 } as ItemMeta;
  const admin = ctx.tenant.db.prepare('SELECT id FROM users WHERE upn = ?').get(personas.admin.userPrincipalName) as
    { id: string } | undefined;
  return {
    id: list.root_id,
    name: 'root',
    eTag: etagOf(rootTag),
    cTag: ctagOf(rootTag),
    createdBy: identitySet(ctx.tenant.db, admin?.id ?? null),
    lastModifiedBy: identitySet(ctx.tenant.db, admin?.id ?? null),
    createdDateTime: list.created,
    lastModifiedDateTime: list.modified,
    webUrl: listWebUrl(ctx, site, list),
    parentReference: { driveType: 'documentLibrary', driveId: list.drive_id, siteId: site.id },
    fileSystemInfo: { createdDateTime: list.created, lastModifiedDateTime: list.modified },
    folder: { childCount: count },
    root: {},
    size: 0
  };
}

/** The item, with `$expand` (listItem, retentionLabel, children) and `$select` applied. */
export function expandedDriveItem(ctx: Ctx, site: SiteRow, list: ListRow, item: ItemMeta): Record<string, unknown> {
  const expand = expandOption(ctx, itemExpands);
  const rep = driveItemRepresentation(ctx, site, list, item);
  const li = expand.get('listItem');
  if (li) {
    const withFields = (li.expand ?? []).some((e) => e.toLowerCase() === 'fields');
    if ((li.expand ?? []).some((e) => e.toLowerCase() !== 'fields'))
      throw errors.unsupportedQuery('Only fields can be expanded inside listItem.');
    rep.listItem = listItemRepresentation(ctx, site, list, item, withFields ? { fields: true } : {});
  }
  if (expand.has('retentionLabel')) rep.retentionLabel = itemRetentionLabel(ctx, item);
  if (expand.has('children')) rep.children = childrenOf(ctx.tenant.db, item.id).map((c) => driveItemRepresentation(ctx, site, list, c));
  return applySelect(rep, selectOption(ctx), ['id', ...[...expand.keys()]]);
}

function load(ctx: Ctx, p: Record<string, string>): { site: SiteRow; list: ListRow; item: ItemMeta | undefined } {
  const { site, list } = loadDrive(ctx, p.driveId);
  if (p.itemId === list.root_id || p.itemId.toLowerCase() === 'root') return { site, list, item: undefined };
  const item = getItem(ctx.tenant.db, p.itemId);
  if (!item || item.list_id !== list.id) throw errors.notFound('The resource could not be found.');
  return { site, list, item };
}

function loadFile(ctx: Ctx, p: Record<string, string>): { site: SiteRow; list: ListRow; item: ItemMeta } {
  const r = load(ctx, p);
  if (!r.item) throw errors.badRequest('The operation is not supported on the root folder.', 'invalidRequest');
  return { site: r.site, list: r.list, item: r.item };
}

function getDriveItem(ctx: Ctx, p: Record<string, string>): Reply {
  const { site, list, item } = load(ctx, p);
  if (!item) {
    const rep = rootRepresentation(ctx, site, list);
    if (expandOption(ctx, ['children']).has('children'))
      rep.children = childrenOf(ctx.tenant.db, list.root_id as string).map((c) => driveItemRepresentation(ctx, site, list, c));
    return json(applySelect(rep, selectOption(ctx)));
  }
  return json(expandedDriveItem(ctx, site, list, item));
}

function listChildren(ctx: Ctx, p: Record<string, string>): Reply {
  const { site, list, item } = load(ctx, p);
  if (item && !item.is_folder) throw errors.badRequest('The item is a file, so it has no children.');
  const parentId = item ? item.id : (list.root_id as string);
  const expand = expandOption(ctx, ['listItem', 'retentionLabel']);
  const rows = childrenOf(ctx.tenant.db, parentId).map((c) => {
    const rep = driveItemRepresentation(ctx, site, list, c);
    if (expand.has('listItem'))
      rep.listItem = listItemRepresentation(ctx, site, list, c, { fields: (expand.get('listItem')?.expand ?? []).length > 0 });
    if (expand.has('retentionLabel')) rep.retentionLabel = itemRetentionLabel(ctx, c);
    return rep;
  });
  return json(pageCollection(ctx, rows, { keep: ['id', ...expand.keys()] }));
}

/**
 * Renames (`name`) and/or moves (`parentReference.id`, a folder of the same drive) a file or folder. Moving to
 * another drive is another container: the core's `move` rule is asked first, then it is 501 (not served).
 */
function patchDriveItem(ctx: Ctx, p: Record<string, string>): Reply {
  const { site, list, item } = loadFile(ctx, p);
  checkIfMatch(ctx, item);
  const body = jsonBody(ctx);
  for (const key of Object.keys(body)) {
    if (key !== 'name' && key !== 'parentReference' && key !== '@microsoft.graph.conflictBehavior')
      throw errors.notImplemented(`updating the driveItem property '${key}' (name and parentReference are served)`);
  }
  if (body.name !== undefined && typeof body.name !== 'string') throw errors.badRequest("The property 'name' must be a string.");
  const db = ctx.tenant.db;
  let parentPath = item.path.slice(0, item.path.lastIndexOf('/'));
  let parentId = item.parent_id;
  if (body.parentReference !== undefined) {
    const ref = (body.parentReference ?? {}) as Record<string, unknown>;
    if (typeof ref.driveId === 'string' && ref.driveId !== list.drive_id) {
      enforceRecordAction(db, item, 'move', ctx.principal);
      throw errors.notImplemented('moving an item to another drive');
    }
    if (typeof ref.id !== 'string') throw errors.notImplemented('moving by parentReference.path (use parentReference.id)');
    if (ref.id === list.root_id) {
      parentPath = '';
      parentId = list.root_id;
    } else {
      const folder = getItem(db, ref.id);
      if (!folder || folder.list_id !== list.id || !folder.is_folder)
        throw errors.notFound(`The destination folder '${ref.id}' was not found in this drive.`);
      if (folder.id === item.id || folder.path_lc.startsWith(item.path_lc + '/'))
        throw errors.badRequest('A folder cannot be moved into itself.');
      parentPath = folder.path;
      parentId = folder.id;
    }
  }
  const name = (body.name as string | undefined) ?? item.name;
  if (body.name !== undefined) enforceRecordAction(db, item, 'editProperties', ctx.principal);
  validateItemName(name, parentPath);
  const newPath = `${parentPath}/${name}`;
  const clash = getItemByPath(db, list.id, newPath);
  if (clash && clash.id !== item.id) throw errors.conflict(`An item named '${name}' already exists here.`);
  const now = ctx.tenant.clock.nowIso();
  const user = requirePrincipal(ctx).userId;
  // A renamed or moved folder takes its whole subtree along.
  const prefix = item.path_lc + '/';
  for (const d of itemsOfList(db, list.id).filter((x) => x.path_lc.startsWith(prefix))) {
    const p2 = newPath + d.path.slice(item.path.length);
    updateItem(db, d.id, { path: p2, path_lc: p2.toLowerCase(), seq: ctx.tenant.nextSeq() });
  }
  updateItem(db, item.id, {
    name,
    path: newPath,
    path_lc: newPath.toLowerCase(),
    modified: now,
    modified_by: user,
    version: item.version + 1,
    seq: ctx.tenant.nextSeq()
  });
  db.prepare('UPDATE items SET parent_id = ? WHERE id = ?').run(parentId, item.id);
  return json(driveItemRepresentation(ctx, site, list, getItem(db, item.id) as ItemMeta));
}

/** Deletes a file or folder (to the recycle bin in SharePoint; here a tombstone delta can report). */
function deleteDriveItem(ctx: Ctx, p: Record<string, string>): Reply {
  const { list, item } = loadFile(ctx, p);
  checkIfMatch(ctx, item);
  const db = ctx.tenant.db;
  const subtree = item.is_folder ? itemsOfList(db, list.id).filter((x) => x.path_lc.startsWith(item.path_lc + '/')) : [];
  for (const x of [item, ...subtree]) enforceRecordAction(db, x, 'delete', ctx.principal);
  for (const x of [...subtree, item]) updateItem(db, x.id, { deleted: 1, seq: ctx.tenant.nextSeq(), modified: ctx.tenant.clock.nowIso() });
  return noContent();
}

/** Placeholder bytes for seeded documents, which have metadata but no stored content. */
export function contentOf(ctx: Ctx, item: ItemMeta): Buffer {
  return itemContent(ctx.tenant.db, item.id) ?? Buffer.from(`Seeded document "${item.name}" (dev tenant placeholder content).\n`, 'utf8');
}

function getContent(ctx: Ctx, p: Record<string, string>): Reply {
  const { item } = loadFile(ctx, p);
  if (item.is_folder) throw errors.badRequest('A folder has no content.');
  return {
    status: 200,
    body: contentOf(ctx, item),
    headers: { 'content-type': item.mime ?? 'application/octet-stream', etag: etagOf(item), ctag: ctagOf(item) }
  };
}

/** Replaces an existing file's content; a locked record refuses (the core's `editContent` rule). */
export function replaceContent(ctx: Ctx, site: SiteRow, list: ListRow, item: ItemMeta, bytes: Buffer, status = 200): Reply {
  if (item.is_folder) throw errors.badRequest('A folder has no content.');
  enforceRecordAction(ctx.tenant.db, item, 'editContent', ctx.principal);
  updateItem(ctx.tenant.db, item.id, {
    content: bytes,
    size: bytes.length,
    modified: ctx.tenant.clock.nowIso(),
    modified_by: requirePrincipal(ctx).userId,
    version: item.version + 1,
    seq: ctx.tenant.nextSeq(),
    // An edited file without a sensitivity label gets the library's default.
    ...sensitivityAfterUpload(ctx, list, item)
  });
  return json(driveItemRepresentation(ctx, site, list, getItem(ctx.tenant.db, item.id) as ItemMeta), status);
}

export type ConflictBehavior = 'fail' | 'replace' | 'rename';

export function conflictBehavior(ctx: Ctx, fallback: ConflictBehavior): ConflictBehavior {
  const v = ctx.query.get('@microsoft.graph.conflictBehavior');
  if (v === undefined) return fallback;
  if (v !== 'fail' && v !== 'replace' && v !== 'rename')
    throw errors.badRequest(`Invalid @microsoft.graph.conflictBehavior '${v}'; use fail, replace or rename.`);
  return v;
}

/** Inserts one folder (no label of its own; the caller has checked the name and that nothing is there). */
function insertFolder(ctx: Ctx, list: ListRow, parentId: string, parentPath: string, name: string): string {
  const now = ctx.tenant.clock.nowIso();
  const user = requirePrincipal(ctx).userId;
  const id = driveItemId(cryptoRng);
  const path = `${parentPath}/${name}`;
  insertItem(
    ctx.tenant.db,
    newItemRow({
      id,
      list_id: list.id,
      num: nextItemNumber(ctx.tenant.db, list.id),
      uid: guid(cryptoRng),
      parent_id: parentId,
      path,
      name,
      is_folder: 1,
      created: now,
      created_by: user,
      fields: JSON.stringify({ Title: name }),
      seq: ctx.tenant.nextSeq()
    })
  );
  return id;
}

/**
 * Resolves a parent folder path to its driveItem id, creating the folders that do not exist yet, as Graph does
 * when a file is uploaded by path (`PUT /drives/{d}/root:/a/b/c.txt:/content` creates `a` and `a/b`). Each new
 * folder's name goes through SharePoint's naming rules; a file in the way is a 409.
 */
export function ensureFolderPath(ctx: Ctx, list: ListRow, parentPath: string): string {
  let id = list.root_id as string;
  let path = '';
  for (const name of parentPath.split('/').filter((p) => p !== '')) {
    const existing = getItemByPath(ctx.tenant.db, list.id, `${path}/${name}`);
    if (existing && !existing.is_folder)
      throw errors.conflict(`'${path}/${name}' is a file, so it cannot hold other items.`, 'nameAlreadyExists');
    if (existing) id = existing.id;
    else {
      validateItemName(name, path);
      id = insertFolder(ctx, list, id, path, name);
    }
    path = `${path}/${existing ? existing.name : name}`;
  }
  return id;
}

/**
 * Creates a new file (or, with `replace`, overwrites an existing one) in a folder. Used by simple upload and
 * by a completed upload session. Names go through SharePoint's naming rules first.
 */
export function createFile(
  ctx: Ctx,
  site: SiteRow,
  list: ListRow,
  parentPath: string,
  fileName: string,
  bytes: Buffer,
  behavior: ConflictBehavior
): Reply {
  validateItemName(fileName, parentPath === '/' ? '' : parentPath);
  const parentId = ensureFolderPath(ctx, list, parentPath);
  // The folders' own spelling (a path may differ from it in case).
  const parentItem = getItem(ctx.tenant.db, parentId);
  const parent = parentItem && parentItem.is_folder ? parentItem.path : '';
  let name = fileName;
  const existing = getItemByPath(ctx.tenant.db, list.id, `${parent}/${name}`);
  if (existing) {
    if (behavior === 'replace') return replaceContent(ctx, site, list, existing, bytes);
    if (behavior === 'fail') throw errors.conflict(`The name '${fileName}' already exists in this folder.`);
    const dot = fileName.lastIndexOf('.');
    for (let n = 1; getItemByPath(ctx.tenant.db, list.id, `${parent}/${name}`); n++)
      name = dot > 0 ? `${fileName.slice(0, dot)} ${n}${fileName.slice(dot)}` : `${fileName} ${n}`;
  }
  const now = ctx.tenant.clock.nowIso();
  const user = requirePrincipal(ctx).userId;
  const path = `${parent}/${name}`;
  const title = name.replace(/\.[^.]+$/, '');
  const fields: Record<string, unknown> = { Title: title };
  // A library's default retention label applies to new items (SetListComplianceTag).
  const label = list.default_label;
  const id = driveItemId(cryptoRng);
  insertItem(
    ctx.tenant.db,
    newItemRow({
      id,
      list_id: list.id,
      num: nextItemNumber(ctx.tenant.db, list.id),
      uid: guid(cryptoRng),
      parent_id: parentId,
      path,
      name,
      size: bytes.length,
      mime: mimeOf(name),
      created: now,
      created_by: user,
      fields: JSON.stringify(fields),
      label,
      // And its default sensitivity label (DefaultSensitivityLabelForLibrary): a new file has none of its own.
      ...sensitivityAfterUpload(ctx, list, undefined),
      seq: ctx.tenant.nextSeq(),
      content: bytes
    })
  );
  return json(driveItemRepresentation(ctx, site, list, getItem(ctx.tenant.db, id) as ItemMeta), 201);
}

function putContentById(ctx: Ctx, p: Record<string, string>): Reply {
  const { site, list, item } = loadFile(ctx, p);
  checkIfMatch(ctx, item);
  if (conflictBehavior(ctx, 'replace') === 'fail') throw errors.conflict(`The name '${item.name}' already exists in this folder.`);
  if (conflictBehavior(ctx, 'replace') === 'rename') {
    const parentPath = item.path.slice(0, item.path.lastIndexOf('/')) || '/';
    return createFile(ctx, site, list, parentPath, item.name, ctx.body, 'rename');
  }
  return replaceContent(ctx, site, list, item, ctx.body);
}

function putContentByPath(ctx: Ctx, p: Record<string, string>): Reply {
  const { site, list } = loadDrive(ctx, p.driveId);
  return createFile(ctx, site, list, p.parentPath, p.fileName, ctx.body, conflictBehavior(ctx, 'replace'));
}

/** `POST .../children` with `{ name, folder: {} }` creates a folder. */
function createFolder(ctx: Ctx, p: Record<string, string>): Reply {
  const { site, list, item } = load(ctx, p);
  if (item && !item.is_folder) throw errors.badRequest('Items can only be created in a folder.');
  const body = jsonBody(ctx);
  if (typeof body.name !== 'string') throw errors.badRequest("The property 'name' is required.");
  if (body.folder === undefined || body.file !== undefined)
    throw errors.notImplemented('creating anything but a folder through POST children (upload files with PUT content)');
  const parent = item ? item.path : '';
  validateItemName(body.name, parent);
  const behavior = (body['@microsoft.graph.conflictBehavior'] as ConflictBehavior | undefined) ?? 'fail';
  if (!['fail', 'replace', 'rename'].includes(behavior)) throw errors.badRequest('Invalid @microsoft.graph.conflictBehavior.');
  let name = body.name;
  const clash = getItemByPath(ctx.tenant.db, list.id, `${parent}/${name}`);
  if (clash) {
    if (behavior === 'fail') throw errors.conflict(`The name '${name}' already exists in this folder.`);
    if (behavior === 'replace') return json(driveItemRepresentation(ctx, site, list, clash), 201);
    for (let n = 1; getItemByPath(ctx.tenant.db, list.id, `${parent}/${name}`); n++) name = `${body.name} ${n}`;
  }
  const id = insertFolder(ctx, list, item ? item.id : (list.root_id as string), parent, name);
  return json(driveItemRepresentation(ctx, site, list, getItem(ctx.tenant.db, id) as ItemMeta), 201);
}

/**
 * `GET /drives/{d}/root/delta`: without a token every item, the root first (paged with nextLink, ending in a
 * deltaLink); with one, what changed since, deleted items carrying `deleted: { state: 'deleted' }`;
 * `token=latest` answers only a deltaLink. Paging and links: `readDeltaPage`.
 */
function driveDelta(ctx: Ctx, p: Record<string, string>): Reply {
  const { site, list } = loadDrive(ctx, p.driveId);
  const select = selectOption(ctx);
  const page = readDeltaPage(ctx, list.id, `${ctx.origin}/${ctx.version}/drives/${list.drive_id}/root/delta`);
  const rows = page.rows.map((r) => {
    if (r.deleted)
      return {
        id: r.id,
        name: r.name,
        deleted: { state: 'deleted' },
        parentReference: { driveId: list.drive_id, driveType: 'documentLibrary', id: r.parent_id }
      };
    return driveItemRepresentation(ctx, site, list, r);
  });
  if (page.firstOfFull) rows.unshift(rootRepresentation(ctx, site, list));
  const body: Record<string, unknown> = { value: rows.map((o) => applySelect(o, select, ['id', 'deleted'])) };
  if (page.nextLink) body['@odata.nextLink'] = page.nextLink;
  else body['@odata.deltaLink'] = page.deltaLink;
  return json(body);
}

export const driveItemRoutes: readonly Route[] = [
  {
    pattern: 'drives/{driveId}/root',
    ops: { GET: { scopes: readScopes, query: entityOptions(), run: (ctx, p) => getDriveItem(ctx, { ...p, itemId: 'root' }) } }
  },
  {
    pattern: 'drives/{driveId}/root/delta',
    ops: { GET: { scopes: readScopes, query: ['token', '$select', '$top'], run: driveDelta } }
  },
  {
    pattern: 'drives/{driveId}/items/{itemId}',
    ops: {
      GET: { scopes: readScopes, query: entityOptions(), run: getDriveItem },
      PATCH: { scopes: writeScopes, run: patchDriveItem },
      DELETE: { scopes: writeScopes, run: deleteDriveItem }
    }
  },
  {
    pattern: 'drives/{driveId}/items/{itemId}/children',
    ops: {
      GET: { scopes: readScopes, query: collectionOptions, run: listChildren },
      POST: { scopes: writeScopes, run: createFolder }
    }
  },
  {
    pattern: 'drives/{driveId}/items/{itemId}/content',
    ops: {
      GET: { scopes: readScopes, run: getContent },
      PUT: { scopes: writeScopes, query: ['@microsoft.graph.conflictBehavior'], run: putContentById }
    }
  },
  {
    pattern: 'drives/{driveId}/upload/{parentPath:path}/{fileName}/content',
    ops: { PUT: { scopes: writeScopes, query: ['@microsoft.graph.conflictBehavior'], run: putContentByPath } }
  }
];

function entityOptions(): string[] {
  return ['$select', '$expand'];
}
