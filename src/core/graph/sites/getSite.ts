import type { Site } from '@microsoft/microsoft-graph-types';
import { encodePathSegment } from '../../http/encodePathSegment';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';

/**
 * A site by its Graph id (`contoso.sharepoint.com,{siteCollectionId},{webId}`), or the tenant's root site with
 * `root`: `GET /sites/{site-id}?$select=...` (site-get). Permission (least privileged): Sites.Read.All.
 */
export function getSiteCall(siteId: string | 'root', select: readonly (keyof Site)[]): GraphCall<Site> {
  const segment = siteId === 'root' ? 'root' : encodePathSegment(siteId);
  return { method: 'GET', url: `/sites/${segment}?$select=${select.join(',')}`, action: 'open the site' };
}

export function getSite(
  gateway: GraphGateway,
  siteId: string | 'root',
  select: readonly (keyof Site)[],
  options?: CallOptions & { action?: string }
): Promise<Site> {
  const call = getSiteCall(siteId, select);
  return gateway.call(options?.action ? { ...call, action: options.action } : call, options);
}
