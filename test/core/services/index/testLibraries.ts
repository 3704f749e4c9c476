import { encodeODataString } from '../../../../src/core/http/quoteODataString';
import type { GraphGateway } from '../../../../src/core/graph/GraphGateway';
import type { ListRef } from '../../../../src/core/graph/listItems/ListRef';

/** A seeded library of the dev tenant by site path and title (test helper; the services take ListRefs). */
export async function findLibrary(graph: GraphGateway, sitePath: string, title: string): Promise<ListRef & { driveId: string }> {
  const site = await graph.call<{ id: string }>({
    method: 'GET',
    url: `/sites/custodiandev.sharepoint.com:${sitePath}`,
    action: 'open the site'
  });
  const lists = await graph.call<{ value: { id: string }[] }>({
    method: 'GET',
    url: `/sites/${encodeURIComponent(site.id)}/lists?$filter=${encodeURIComponent('displayName eq ')}${encodeODataString(title)}`,
    action: 'find the library'
  });
  const drive = await graph.call<{ id: string }>({
    method: 'GET',
    url: `/sites/${encodeURIComponent(site.id)}/lists/${lists.value[0].id}/drive`,
    action: 'open the library'
  });
  return { siteId: site.id, listId: lists.value[0].id, driveId: drive.id };
}

/** The dev tenant's clock (`GET /devtenant/clock`). */
export async function tenantNow(control: (method: string, path: string, body?: unknown) => Promise<unknown>): Promise<string> {
  const clock = (await control('GET', '/clock')) as { now: string };
  return clock.now;
}
