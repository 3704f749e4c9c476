import type { SecurityNamespace } from '@microsoft/microsoft-graph-types';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { listAll } from '../iteratePages';

/**
 * The file plan: every retention label with its file plan descriptors,
 * `GET /security/labels/retentionLabels?$expand=descriptors`, all pages.
 * Permission (least privileged): RecordsManagement.Read.All, delegated only (application is not supported).
 */
export function listRetentionLabelsCall(): GraphCall<unknown> {
  return { method: 'GET', url: '/security/labels/retentionLabels?$expand=descriptors', action: 'read the file plan' };
}

export function listRetentionLabels(gateway: GraphGateway, options?: CallOptions): Promise<SecurityNamespace.RetentionLabel[]> {
  return listAll<SecurityNamespace.RetentionLabel>(gateway, listRetentionLabelsCall(), options);
}
