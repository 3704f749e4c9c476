import { errors } from '../errors';
import { type Ctx, json, jsonBody, type Reply, requirePrincipal } from '../http/context';
import { getItem, getItemByPath, insertItem, newItemRow, type ItemMeta, nextItemNumber } from '../store/items';
import type { ListRow } from '../store/sites';
import { guid, driveItemId, cryptoRng } from '../store/ids';
import { validateItemName } from './common';
import type { ConflictBehavior } from './conflictBehavior';
import { loadDriveItem } from './driveItemLookup';
import { driveItemRepresentation } from './driveItemRepresentation';

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

/** `POST .../children` with `{ name, folder: {} }` creates a folder. */
export function createFolder(ctx: Ctx, p: Record<string, string>): Reply {
  const { site, list, item } = loadDriveItem(ctx, p);
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
