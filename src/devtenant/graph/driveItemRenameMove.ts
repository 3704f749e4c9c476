import { errors } from '../errors';
import { type Ctx, json, jsonBody, type Reply, requirePrincipal } from '../http/context';
import { getItem, getItemByPath, type ItemMeta, updateItem, itemsOfList } from '../store/items';
import { enforceRecordAction } from '../records';
import { checkIfMatch, validateItemName } from './common';
import { loadDriveFile } from './driveItemLookup';
import { driveItemRepresentation } from './driveItemRepresentation';

/**
 * Renames (`name`) and/or moves (`parentReference.id`, a folder of the same drive) a file or folder. Moving to
 * another drive is another container: the core's `move` rule is asked first, then it is 501 (not served).
 */
export function patchDriveItem(ctx: Ctx, p: Record<string, string>): Reply {
  const { site, list, item } = loadDriveFile(ctx, p);
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
