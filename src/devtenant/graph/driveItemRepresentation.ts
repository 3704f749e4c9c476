import { errors } from '../errors';
import type { Ctx } from '../http/context';
import { applySelect, expandOption, selectOption } from '../http/query';
import { downloadUrlOf } from './downloadUrls';
import { childrenOf, type ItemMeta } from '../store/items';
import type { ListRow, SiteRow } from '../store/sites';
import { ctagOf, etagOf, identitySet, itemWebUrl, listWebUrl, sharepointIds } from './common';
import { listItemRepresentation } from './listItems';
import { itemRetentionLabel } from './itemRetentionLabel';
import { personas } from '../auth/personas';
import { driveTypeOfSite, personalSiteOwner } from '../store/personalSites';

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
      driveType: driveTypeOfSite(site),
      driveId: list.drive_id,
      id: item.parent_id,
      name: parentName,
      path: `/drives/${list.drive_id}/root:${parentPath}`,
      siteId: site.id
    },
    fileSystemInfo: { createdDateTime: item.created, lastModifiedDateTime: item.modified },
    // driveItem resource: "This property isn't returned by default and must be selected using the $select query parameter."
    ...(selectOption(ctx)?.some((name) => name.toLowerCase() === 'sharepointids')
      ? { sharepointIds: sharepointIds(ctx, site, list, item) }
      : {})
  };
  if (item.is_folder) {
    out.folder = {
      childCount: (
        ctx.tenant.db.prepare('SELECT COUNT(*) AS n FROM items WHERE parent_id = ? AND deleted = 0').get(item.id) as { n: number }
      ).n
    };
  } else {
    out.file = { mimeType: item.mime ?? 'application/octet-stream' };
    if (list.drive_id) out['@microsoft.graph.downloadUrl'] = downloadUrlOf(ctx, list.drive_id, item.id);
  }
  return out;
}

/** The drive's root folder, which has no item row of its own. */
export function rootRepresentation(ctx: Ctx, site: SiteRow, list: ListRow): Record<string, unknown> {
  const count = (
    ctx.tenant.db.prepare('SELECT COUNT(*) AS n FROM items WHERE parent_id = ? AND deleted = 0').get(list.root_id) as { n: number }
  ).n;
  // The root folder has no row of its own: its tags derive from the list, and the tenant admin created it; a OneDrive's
  // root was created by its owner (driveitem-get's example of /me/drive/root names the drive's owner).
  const rootTag = { uid: list.id, version: 1 } as ItemMeta;
  const admin = ctx.tenant.db.prepare('SELECT id FROM users WHERE upn = ?').get(personas.admin.userPrincipalName) as
    { id: string } | undefined;
  const creator = personalSiteOwner(site) ?? admin?.id ?? null;
  return {
    id: list.root_id,
    name: 'root',
    eTag: etagOf(rootTag),
    cTag: ctagOf(rootTag),
    createdBy: identitySet(ctx.tenant.db, creator),
    lastModifiedBy: identitySet(ctx.tenant.db, creator),
    createdDateTime: list.created,
    lastModifiedDateTime: list.modified,
    webUrl: listWebUrl(ctx, site, list),
    parentReference: { driveType: driveTypeOfSite(site), driveId: list.drive_id, siteId: site.id },
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
