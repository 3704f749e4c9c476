import { type Ctx, json, type Reply } from '../http/context';
import { applySelect, selectOption } from '../http/query';
import { driveTypeOfSite } from '../store/personalSites';
import { loadDrive } from './common';
import { readDeltaPage } from './delta';
import { driveItemRepresentation, rootRepresentation } from './driveItemRepresentation';

/**
 * `GET /drives/{d}/root/delta`: without a token every item, the root first (paged with nextLink, ending in a
 * deltaLink); with one, what changed since, deleted items carrying `deleted: { state: 'deleted' }`;
 * `token=latest` answers only a deltaLink. Paging and links: `readDeltaPage`.
 */
export function driveDelta(ctx: Ctx, p: Record<string, string>): Reply {
  const { site, list } = loadDrive(ctx, p.driveId);
  const select = selectOption(ctx);
  const page = readDeltaPage(ctx, list.id, `${ctx.origin}/${ctx.version}/drives/${list.drive_id}/root/delta`);
  const rows = page.rows.map((r) => {
    if (r.deleted)
      return {
        id: r.id,
        name: r.name,
        deleted: { state: 'deleted' },
        parentReference: { driveId: list.drive_id, driveType: driveTypeOfSite(site), id: r.parent_id }
      };
    return driveItemRepresentation(ctx, site, list, r);
  });
  if (page.firstOfFull) rows.unshift(rootRepresentation(ctx, site, list));
  const body: Record<string, unknown> = { value: rows.map((o) => applySelect(o, select, ['id', 'deleted'])) };
  if (page.nextLink) body['@odata.nextLink'] = page.nextLink;
  else body['@odata.deltaLink'] = page.deltaLink;
  return json(body);
}
