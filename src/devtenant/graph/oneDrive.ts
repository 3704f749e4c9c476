import { type Ctx, json, type Reply } from '../http/context';
import type { Route } from '../http/router';
import { applySelect, pageCollection, selectOption } from '../http/query';
import { isPersonalSite, personalSiteOwner } from '../store/personalSites';
import { listsOfSite, type ListRow, type SiteRow } from '../store/sites';
import { identitySet, listWebUrl, loadDrive, loadSite } from './common';
import { driveRepresentation } from './lists';

/** A OneDrive for work or school holds 1 TB by default (drive-get's example: `quota.total` 1099511627776). */
const oneDriveQuotaBytes = 1_099_511_627_776;

/**
 * Graph's drive for a OneDrive (https://learn.microsoft.com/graph/api/resources/drive, and drive-get's example for
 * `GET /me/drive`): `driveType: "business"`, `owner.user` the person whose OneDrive it is, the `webUrl` of its
 * Documents library under `/personal/...`, and a quota whose `used` counts the files it holds.
 */
export function oneDriveRepresentation(ctx: Ctx, site: SiteRow, list: ListRow): Record<string, unknown> {
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
  return isPersonalSite(site) ? oneDriveRepresentation(ctx, site, list) : driveRepresentation(ctx, site, list);
}

function getDrive(ctx: Ctx, p: Record<string, string>): Reply {
  const { site, list } = loadDrive(ctx, p.driveId);
  return json(applySelect(driveResource(ctx, site, list), selectOption(ctx)));
}

function listDrives(ctx: Ctx, p: Record<string, string>): Reply {
  const site = loadSite(ctx, p.siteId);
  return json(
    pageCollection(
      ctx,
      listsOfSite(ctx.tenant.db, site.id)
        .filter((l) => l.drive_id)
        .map((l) => driveResource(ctx, site, l))
    )
  );
}

/**
 * `GET /drives/{drive-id}` and `GET /sites/{site-id}/drives` for every kind of drive. `/me/drive` and
 * `/users/{id or userPrincipalName}/drive` reach the first as aliases (addressing.ts). These routes come before the
 * document-library-only ones of lists.ts, which they replace.
 */
export const oneDriveRoutes: readonly Route[] = [
  {
    pattern: 'drives/{driveId}',
    ops: {
      GET: {
        // drive-get, least privileged first; Files.Read and Files.ReadWrite reach only the user's own OneDrive (loadDrive).
        scopes: ['Files.Read', 'Files.ReadWrite', 'Files.Read.All', 'Files.ReadWrite.All', 'Sites.Read.All', 'Sites.ReadWrite.All'],
        query: ['$select'],
        run: getDrive
      }
    }
  },
  {
    pattern: 'sites/{siteId}/drives',
    ops: {
      GET: {
        scopes: ['Files.Read.All', 'Files.ReadWrite.All', 'Sites.Read.All', 'Sites.ReadWrite.All'],
        query: ['$select', '$top', '$skiptoken', '$filter', '$orderby'],
        run: listDrives
      }
    }
  }
];
