import { encodePathSegment } from '../../http/encodePathSegment';
import { encodeQueryValue } from '../../http/encodeQueryValue';
import type { List } from '@microsoft/microsoft-graph-types';
import { encodeODataString } from '../../http/quoteODataString';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { listAll } from '../iteratePages';

/**
 * The lists of a site whose display name is `displayName` (none, or one: SharePoint keeps titles unique per site):
 * `GET /sites/{s}/lists?$filter=displayName eq '{name}'`, the name quoted by the one OData helper.
 * Permission (least privileged): Sites.Read.All (delegated and application).
 */
export function findListByNameCall(siteId: string, displayName: string): GraphCall<unknown> {
  return {
    method: 'GET',
    url: `/sites/${encodePathSegment(siteId)}/lists?$filter=${encodeQueryValue('displayName eq ')}${encodeODataString(displayName)}`,
    action: `find the list '${displayName}'`
  };
}

export async function findListByName(
  gateway: GraphGateway,
  siteId: string,
  displayName: string,
  options?: CallOptions
): Promise<List | undefined> {
  const lists = await listAll<List>(gateway, findListByNameCall(siteId, displayName), options);
  return lists[0];
}
