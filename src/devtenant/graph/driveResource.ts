import type { Ctx } from '../http/context';
import { isPersonalSite, personalSiteOwner } from '../store/personalSites';
import type { ListRow, SiteRow } from '../store/sites';
import { identitySet, listWebUrl } from './common';

/** Graph's drive for a document library (https://learn.microsoft.com/graph/api/resources/drive). */
function libraryDriveRepresentation(ctx: Ctx, site: SiteRow, list: ListRow): Record<string, unknown> {
  return {
    id: list.drive_id,
    name: list.display_name,
    description: list.description,
    driveType: 'documentLibrary',
    createdDateTime: list.created,
    lastModifiedDateTime: list.modified,
    webUrl: listWebUrl(ctx, site, list),
    owner: { group: { displayName: site.display_name } },
    quota: { deleted: 0, remaining: 27487790694400, state: 'normal', total: 27487790694400, used: 0 }
  };
}

/** A OneDrive for work or school holds 1 TB by default (drive-get's example: `quota.total` 1099511627776). */
const oneDriveQuotaBytes = 1_099_511_627_776;

/**
 * Graph's drive for a OneDrive (https://learn.microsoft.com/graph/api/resources/drive, and drive-get's example for
 * `GET /me/drive`): `driveType: "business"`, `owner.user` the person whose OneDrive it is, the `webUrl` of its
 * Documents library under `/personal/...`, and a quota whose `used` counts the files it holds.
 */
function oneDriveRepresentation(ctx: Ctx, site: SiteRow, list: ListRow): Record<string, unknown> {
  const used = (
    ctx.tenant.db
      .prepare('SELECT COALESCE(SUM(size), 0) AS n FROM items WHERE list_id = ? AND deleted = 0 AND is_folder = 0')
      .get(list.id) as {
      n: number;
    }
  ).n;
  return {
    id: list.drive_id,
    name: 'OneDrive',
    description: '',
    driveType: 'business',
    createdDateTime: list.created,
    lastModifiedDateTime: list.modified,
    webUrl: listWebUrl(ctx, site, list),
    owner: identitySet(ctx.tenant.db, personalSiteOwner(site) ?? null),
    quota: { deleted: 0, remaining: oneDriveQuotaBytes - used, state: 'normal', total: oneDriveQuotaBytes, used }
  };
}

/** The drive as Graph describes it: a OneDrive (`business`) on a personal site, else a document library. */
export function driveResource(ctx: Ctx, site: SiteRow, list: ListRow): Record<string, unknown> {
  return isPersonalSite(site) ? oneDriveRepresentation(ctx, site, list) : libraryDriveRepresentation(ctx, site, list);
}
