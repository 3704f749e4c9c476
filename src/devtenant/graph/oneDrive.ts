import { type Ctx, json, type Reply } from '../http/context';
import type { Route } from '../http/router';
import { applySelect, pageCollection, selectOption } from '../http/query';
import { listsOfSite } from '../store/sites';
import { loadDrive, loadSite } from './common';
import { driveResource } from './driveResource';

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
 * `/users/{id or userPrincipalName}/drive` reach the first as aliases (addressing.ts).
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
