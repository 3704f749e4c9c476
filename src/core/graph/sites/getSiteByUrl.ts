import { encodePathSegment } from '../../http/encodePathSegment';
import type { Site } from '@microsoft/microsoft-graph-types';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';

/**
 * `/sites/{hostname}:/{server-relative path}` for a site URL (`https://contoso.sharepoint.com/sites/records`); the
 * root site is `/sites/{hostname}:/`. Each path segment is percent-encoded; the host keeps its port when it has one.
 */
export function sitePathForUrl(siteUrl: string): string {
  const url = new URL(siteUrl);
  const segments = url.pathname
    .split('/')
    .filter((s) => s !== '')
    .map((s) => encodePathSegment(decodeURIComponent(s)));
  return `/sites/${url.host}:/${segments.join('/')}`;
}

/**
 * A site by its URL: `GET /sites/{hostname}:/{path}` (site-get, "Access a site by server-relative URL").
 * Permission (least privileged): Sites.Read.All (delegated and application).
 */
export function getSiteByUrlCall(siteUrl: string): GraphCall<Site> {
  return { method: 'GET', url: sitePathForUrl(siteUrl), action: 'open the site' };
}

export function getSiteByUrl(gateway: GraphGateway, siteUrl: string, options?: CallOptions): Promise<Site> {
  return gateway.call(getSiteByUrlCall(siteUrl), options);
}
