import type { List } from '@microsoft/microsoft-graph-types';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { listAll } from '../iteratePages';

/**
 * `GET /sites/{id}/lists?$select=id,displayName,list`: a site's lists and libraries (`list.template` tells them
 * apart), every page. Permission (least privileged): Sites.Read.All.
 */
export function listSiteListsCall(siteId: string): GraphCall<unknown> {
  return {
    method: 'GET',
    url: `/sites/${encodeURIComponent(siteId)}/lists?$select=id,displayName,list`,
    idempotent: true,
    action: 'list the libraries of a site'
  };
}

export function listSiteLists(gateway: GraphGateway, siteId: string, options: CallOptions = {}): Promise<List[]> {
  return listAll<List>(gateway, listSiteListsCall(siteId), options);
}
