import type { Ctx } from '../http/context';
import { type ItemMeta, insertItem, newItemRow, nextItemNumber } from '../store/items';
import { type ColumnDef, findList, getList, getSite, type ListRow, type SiteRow } from '../store/sites';
import { cryptoRng, driveId, driveItemId, guid } from '../store/ids';
import { mimeOf } from '../seed/seed';
import { contentOf } from '../graph/driveItemContent';
import { itemWebUrl } from '../graph/common';
import { siteUnderHold } from './siteHolds';

/**
 * SharePoint's Preservation Hold library. "When a user changes or deletes an item that's subject to retention ...
 * the content is copied to the Preservation Hold library, which allows the user to change or delete the original
 * content"; SharePoint creates the library "if one doesn't exist for the site"
 * (https://learn.microsoft.com/purview/retention-policies-sharepoint#how-retention-works-for-sharepoint-and-onedrive).
 * So a delete on a held site succeeds (204) and the content stays in the site. The dev tenant copies on delete
 * only (not on edit), which is what a disposal would hit.
 */

const urlName = 'PreservationHoldLibrary';
const displayName = 'Preservation Hold Library';

/**
 * The columns third-party tools read from the library (for example NovaPoint's PHL cleanup reads
 * PreservationOriginalDocumentName, PreservationOriginalURL and PreservationDatePreserved); Microsoft does not
 * document them, so they are kept to these three.
 */
const columns: ColumnDef[] = [
  { name: 'Title', displayName: 'Title', type: 'text' },
  { name: 'PreservationOriginalDocumentName', displayName: 'Original Document Name', type: 'text', readOnly: true },
  { name: 'PreservationOriginalURL', displayName: 'Original URL', type: 'text', readOnly: true },
  { name: 'PreservationDatePreserved', displayName: 'Date Preserved', type: 'dateTime', readOnly: true },
  { name: 'ComplianceAssetId', displayName: 'Compliance Asset Id', type: 'text' }
];

/** The library is hidden: only site collection administrators see it in Site contents (page above). */
export function isPreservationHoldLibrary(list: ListRow): boolean {
  return list.url_name === urlName;
}

function ensureLibrary(ctx: Ctx, site: SiteRow): ListRow {
  const existing = findList(ctx.tenant.db, site.id, urlName);
  if (existing) return existing;
  const id = guid(cryptoRng);
  const now = ctx.tenant.clock.nowIso();
  ctx.tenant.db
    .prepare(
      'INSERT INTO lists (id, site_id, url_name, display_name, template, drive_id, root_id, columns, created, modified, default_label, next_num, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 1, ?)'
    )
    .run(
      id,
      site.id,
      urlName,
      displayName,
      'documentLibrary',
      driveId(cryptoRng),
      driveItemId(cryptoRng),
      JSON.stringify(columns),
      now,
      now,
      ''
    );
  return getList(ctx.tenant.db, id) as ListRow;
}

/**
 * A unique name in the library: Microsoft appends "a randomly-generated and unique ID" to the file name of a
 * document of a held site copied there, to prevent conflicting names (Microsoft's "Export Content Search results"
 * page, 2018 text, MicrosoftDocs/microsoft-365-docs export-search-results.md). The original name stays in
 * PreservationOriginalDocumentName.
 */
function preservedName(name: string): string {
  const dot = name.lastIndexOf('.');
  const id = guid(cryptoRng).replace(/-/g, '').toUpperCase();
  return dot > 0 ? `${name.slice(0, dot)}_${id}${name.slice(dot)}` : `${name}_${id}`;
}

function preserve(ctx: Ctx, site: SiteRow, list: ListRow, library: ListRow, item: ItemMeta): void {
  const bytes = contentOf(ctx, item);
  const name = preservedName(item.name);
  const now = ctx.tenant.clock.nowIso();
  insertItem(
    ctx.tenant.db,
    newItemRow({
      id: driveItemId(cryptoRng),
      list_id: library.id,
      num: nextItemNumber(ctx.tenant.db, library.id),
      uid: guid(cryptoRng),
      parent_id: library.root_id,
      path: `/${name}`,
      name,
      size: bytes.length,
      mime: item.mime ?? mimeOf(item.name),
      created: item.created,
      created_by: item.created_by,
      modified: now,
      fields: JSON.stringify({
        Title: item.name.replace(/\.[^.]+$/, ''),
        PreservationOriginalDocumentName: item.name,
        PreservationOriginalURL: itemWebUrl(ctx, site, list, item),
        PreservationDatePreserved: now
      }),
      seq: ctx.tenant.nextSeq(),
      content: bytes
    })
  );
}

/**
 * Call after the record rules allowed a delete and before the items are marked deleted: on a site under an
 * enabled legal hold, each file (not folder) is first copied, with its content, to the site's Preservation Hold
 * library. Files deleted from that library itself are not copied again.
 */
export function preserveBeforeDelete(ctx: Ctx, list: ListRow, items: readonly ItemMeta[]): void {
  if (isPreservationHoldLibrary(list) || list.template !== 'documentLibrary') return;
  const site = getSite(ctx.tenant.db, list.site_id);
  if (!site || !siteUnderHold(ctx.tenant.db, site.id)) return;
  const files = items.filter((i) => !i.is_folder);
  if (files.length === 0) return;
  const library = ensureLibrary(ctx, site);
  for (const item of files) preserve(ctx, site, list, library, item);
}
