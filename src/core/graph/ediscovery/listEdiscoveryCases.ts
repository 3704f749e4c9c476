import type { SecurityNamespace } from '@microsoft/microsoft-graph-types';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { listAll } from '../iteratePages';

/**
 * The tenant's eDiscovery (Premium) cases: `GET /security/cases/ediscoveryCases`, all pages.
 * Permission (least privileged): eDiscovery.Read.All (delegated and application); a delegated caller also needs
 * an eDiscovery Manager or Administrator role in Purview.
 */
export function listEdiscoveryCasesCall(): GraphCall<unknown> {
  return { method: 'GET', url: '/security/cases/ediscoveryCases', action: 'read the eDiscovery cases' };
}

export function listEdiscoveryCases(gateway: GraphGateway, options?: CallOptions): Promise<SecurityNamespace.EdiscoveryCase[]> {
  return listAll<SecurityNamespace.EdiscoveryCase>(gateway, listEdiscoveryCasesCall(), options);
}
