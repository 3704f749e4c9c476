import type { SecurityNamespace } from '@microsoft/microsoft-graph-types';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { listAll } from '../iteratePages';

/**
 * Event types that start event-based retention ("Employee Departure"): `GET /security/triggerTypes/retentionEventTypes`.
 * Permission (least privileged): RecordsManagement.Read.All (delegated and application).
 */
export function listRetentionEventTypesCall(): GraphCall<unknown> {
  return { method: 'GET', url: '/security/triggerTypes/retentionEventTypes', action: 'read the retention event types' };
}

export function listRetentionEventTypes(gateway: GraphGateway, options?: CallOptions): Promise<SecurityNamespace.RetentionEventType[]> {
  return listAll<SecurityNamespace.RetentionEventType>(gateway, listRetentionEventTypesCall(), options);
}
