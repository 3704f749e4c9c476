import { encodePathSegment } from '../../http/encodePathSegment';
import type { List } from '@microsoft/microsoft-graph-types';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { listAll } from '../iteratePages';

/**
 * `GET /sites/{id}/lists`: a site's lists and libraries, every page. A library has `list.template ===
 * 'documentLibrary'`; hidden system lists have `list.hidden`. Permission (least privileged): Sites.Read.All.
 */
export function listSiteListsCall(siteId: string): GraphCall<unknown> {
  return {
    method: 'GET',
    url: `/sites/${encodePathSegment(siteId)}/lists`,
    idempotent: true,
    action: 'list the libraries of a site'
  };
}

export function listSiteLists(gateway: GraphGateway, siteId: string, options: CallOptions = {}): Promise<List[]> {
  return listAll<List>(gateway, listSiteListsCall(siteId), options);
}
