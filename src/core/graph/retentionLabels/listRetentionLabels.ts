import type { SecurityNamespace } from '@microsoft/microsoft-graph-types';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { listAll } from '../iteratePages';

/**
 * The file plan: every retention label with its file plan descriptors,
 * `GET /security/labels/retentionLabels?$expand=descriptors`, all pages; with `withEventTypes` also each
 * event-based label's event type (`$expand=descriptors,retentionEventType`), which retention dates need.
 * Permission (least privileged): RecordsManagement.Read.All, delegated only (application is not supported).
 */
export function listRetentionLabelsCall(options: { withEventTypes?: boolean } = {}): GraphCall<unknown> {
  const expand = options.withEventTypes ? 'descriptors,retentionEventType' : 'descriptors';
  return { method: 'GET', url: `/security/labels/retentionLabels?$expand=${expand}`, action: 'read the file plan' };
}

export function listRetentionLabels(
  gateway: GraphGateway,
  options?: CallOptions & { withEventTypes?: boolean }
): Promise<SecurityNamespace.RetentionLabel[]> {
  return listAll<SecurityNamespace.RetentionLabel>(gateway, listRetentionLabelsCall(options), options);
}
