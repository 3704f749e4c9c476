import { errors } from '../errors';
import { type Ctx, json, type Reply, requirePrincipal } from '../http/context';
import { getItem, type ItemMeta, itemContent, updateItem } from '../store/items';
import type { ListRow, SiteRow } from '../store/sites';
import { enforceRecordAction } from '../records';
import { sensitivityAfterUpload } from '../sharepoint/librarySensitivity';
import { ctagOf, etagOf } from './common';
import { loadDriveFile } from './driveItemLookup';
import { driveItemRepresentation } from './driveItemRepresentation';

/** Placeholder bytes for seeded documents, which have metadata but no stored content. */
export function contentOf(ctx: Ctx, item: ItemMeta): Buffer {
  return itemContent(ctx.tenant.db, item.id) ?? Buffer.from(`Seeded document "${item.name}" (dev tenant placeholder content).\n`, 'utf8');
}

export function getContent(ctx: Ctx, p: Record<string, string>): Reply {
  const { item } = loadDriveFile(ctx, p);
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
