import { errors } from '../errors';
import type { Ctx } from '../http/context';
import { getItem, type ItemMeta } from '../store/items';
import type { ListRow, SiteRow } from '../store/sites';
import { loadDrive } from './common';

/** The drive and item a `drives/{driveId}/items/{itemId}` route names; `item` is undefined for the root folder. */
export function loadDriveItem(ctx: Ctx, p: Record<string, string>): { site: SiteRow; list: ListRow; item: ItemMeta | undefined } {
  const { site, list } = loadDrive(ctx, p.driveId);
  if (p.itemId === list.root_id || p.itemId.toLowerCase() === 'root') return { site, list, item: undefined };
  const item = getItem(ctx.tenant.db, p.itemId);
  if (!item || item.list_id !== list.id) throw errors.notFound('The resource could not be found.');
  return { site, list, item };
}

/** As `loadDriveItem`, for operations the root folder does not support. */
export function loadDriveFile(ctx: Ctx, p: Record<string, string>): { site: SiteRow; list: ListRow; item: ItemMeta } {
  const r = loadDriveItem(ctx, p);
  if (!r.item) throw errors.badRequest('The operation is not supported on the root folder.', 'invalidRequest');
  return { site: r.site, list: r.list, item: r.item };
}
