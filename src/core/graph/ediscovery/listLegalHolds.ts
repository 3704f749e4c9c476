import { encodePathSegment } from '../../http/encodePathSegment';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { listAll } from '../iteratePages';

/**
 * `microsoft.graph.security.ediscoveryHoldPolicy`, which @microsoft/microsoft-graph-types 2.43.1 does not define
 * (security-ediscoveryholdpolicy).
 */
export interface EdiscoveryHoldPolicy {
  id?: string;
  displayName?: string;
  description?: string | null;
  /** KQL; blank holds everything in the locations. */
  contentQuery?: string | null;
  isEnabled?: boolean | null;
  status?: string | null;
  errors?: string[] | null;
  createdDateTime?: string;
}

/**
 * The legal holds of one eDiscovery case: `GET /security/cases/ediscoveryCases/{caseId}/legalHolds`, all pages.
 * A hold names locations (sites, mailboxes) and an optional KQL `contentQuery`; Graph cannot say whether one
 * item is held. Permission (least privileged): eDiscovery.Read.All (delegated and application).
 */
export function listLegalHoldsCall(caseId: string): GraphCall<unknown> {
  return {
    method: 'GET',
    url: `/security/cases/ediscoveryCases/${encodePathSegment(caseId)}/legalHolds`,
    action: 'read the legal holds of the eDiscovery case'
  };
}

export function listLegalHolds(gateway: GraphGateway, caseId: string, options?: CallOptions): Promise<EdiscoveryHoldPolicy[]> {
  return listAll<EdiscoveryHoldPolicy>(gateway, listLegalHoldsCall(caseId), options);
}
