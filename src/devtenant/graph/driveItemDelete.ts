import { type Ctx, noContent, type Reply } from '../http/context';
import { updateItem, itemsOfList } from '../store/items';
import { enforceRecordAction } from '../records';
import { checkIfMatch } from './common';
import { preserveBeforeDelete } from '../holds/preservationHold';
import { loadDriveFile } from './driveItemLookup';

/** Deletes a file or folder (to the recycle bin in SharePoint; here a tombstone delta can report). */
export function deleteDriveItem(ctx: Ctx, p: Record<string, string>): Reply {
  const { list, item } = loadDriveFile(ctx, p);
  checkIfMatch(ctx, item);
  const db = ctx.tenant.db;
  const subtree = item.is_folder ? itemsOfList(db, list.id).filter((x) => x.path_lc.startsWith(item.path_lc + '/')) : [];
  for (const x of [item, ...subtree]) enforceRecordAction(db, x, 'delete', ctx.principal);
  preserveBeforeDelete(ctx, list, [item, ...subtree]);
  for (const x of [...subtree, item]) updateItem(db, x.id, { deleted: 1, seq: ctx.tenant.nextSeq(), modified: ctx.tenant.clock.nowIso() });
  return noContent();
}
