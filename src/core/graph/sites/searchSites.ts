import { encodeQueryValue } from '../../http/encodeQueryValue';
import type { Site } from '@microsoft/microsoft-graph-types';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { listAll } from '../iteratePages';

/**
 * `GET /sites?search={query}`: the sites the signed-in user can see (`*` for all of them), every page.
 * Permission (least privileged): Sites.Read.All.
 */
export function searchSitesCall(query = '*'): GraphCall<unknown> {
  return { method: 'GET', url: `/sites?search=${encodeQueryValue(query)}`, idempotent: true, action: 'list the sites' };
}

export function searchSites(gateway: GraphGateway, query = '*', options: CallOptions = {}): Promise<Site[]> {
  return listAll<Site>(gateway, searchSitesCall(query), options);
}
