import { errors } from '../errors';
import { type Ctx, json, type Reply, requirePrincipal } from '../http/context';
import { getItem, getItemByPath, insertItem, newItemRow, type ItemMeta, nextItemNumber } from '../store/items';
import type { ListRow, SiteRow } from '../store/sites';
import { mimeOf } from '../seed/seed';
import { guid, driveItemId, cryptoRng } from '../store/ids';
import { sensitivityAfterUpload } from '../sharepoint/librarySensitivity';
import { inheritedLabel, startsLocked } from '../records';
import { checkIfMatch, loadDrive, validateItemName } from './common';
import { type ConflictBehavior, conflictBehavior } from './conflictBehavior';
import { ensureFolderPath } from './driveFolders';
import { replaceContent } from './driveItemContent';
import { loadDriveFile } from './driveItemLookup';
import { driveItemRepresentation } from './driveItemRepresentation';

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
  // A new item takes its nearest labelled folder's label, else the library's default (SetListComplianceTag); a
  // record label that starts locked leaves it locked from the first byte, as any other way of applying it would.
  const label = inheritedLabel(ctx.tenant.db, parentId, list.default_label);
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
      locked: startsLocked(ctx.tenant.db, label) ? 1 : 0,
      // And its default sensitivity label (DefaultSensitivityLabelForLibrary): a new file has none of its own.
      ...sensitivityAfterUpload(ctx, list, undefined),
      seq: ctx.tenant.nextSeq(),
      content: bytes
    })
  );
  return json(driveItemRepresentation(ctx, site, list, getItem(ctx.tenant.db, id) as ItemMeta), 201);
}

/** `PUT .../items/{itemId}/content`: new content for an existing file (or, with `rename`, a copy beside it). */
export function putContentById(ctx: Ctx, p: Record<string, string>): Reply {
  const { site, list, item } = loadDriveFile(ctx, p);
  checkIfMatch(ctx, item);
  if (conflictBehavior(ctx, 'replace') === 'fail') throw errors.conflict(`The name '${item.name}' already exists in this folder.`);
  if (conflictBehavior(ctx, 'replace') === 'rename') {
    const parentPath = item.path.slice(0, item.path.lastIndexOf('/')) || '/';
    return createFile(ctx, site, list, parentPath, item.name, ctx.body, 'rename');
  }
  return replaceContent(ctx, site, list, item, ctx.body);
}

/** `PUT .../root:/folder/file.docx:/content`: uploads by path, creating missing folders. */
export function putContentByPath(ctx: Ctx, p: Record<string, string>): Reply {
  const { site, list } = loadDrive(ctx, p.driveId);
  return createFile(ctx, site, list, p.parentPath, p.fileName, ctx.body, conflictBehavior(ctx, 'replace'));
}
