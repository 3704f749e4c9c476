import { encodePathSegment } from '../../http/encodePathSegment';
import type { SecurityNamespace } from '@microsoft/microsoft-graph-types';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { listAll } from '../iteratePages';

/**
 * The SharePoint sites a legal hold covers, each with its site:
 * `GET /security/cases/ediscoveryCases/{caseId}/legalHolds/{holdId}/siteSources`, all pages.
 * Permission (least privileged): eDiscovery.Read.All (delegated and application).
 */
export function listLegalHoldSiteSourcesCall(caseId: string, holdId: string): GraphCall<unknown> {
  return {
    method: 'GET',
    url: `/security/cases/ediscoveryCases/${encodePathSegment(caseId)}/legalHolds/${encodePathSegment(holdId)}/siteSources`,
    action: 'read the sites a legal hold covers'
  };
}

export function listLegalHoldSiteSources(
  gateway: GraphGateway,
  caseId: string,
  holdId: string,
  options?: CallOptions
): Promise<SecurityNamespace.SiteSource[]> {
  return listAll<SecurityNamespace.SiteSource>(gateway, listLegalHoldSiteSourcesCall(caseId, holdId), options);
}
