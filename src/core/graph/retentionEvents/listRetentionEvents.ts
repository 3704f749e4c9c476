import type { SecurityNamespace } from '@microsoft/microsoft-graph-types';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { listAll } from '../iteratePages';

/**
 * Every retention event fired so far, each with its event type:
 * `GET /security/triggers/retentionEvents?$expand=retentionEventType`, all pages. Events cannot be changed or
 * undone, so the list only grows (Purview allows up to 1,000,000 per tenant).
 * Permission (least privileged): RecordsManagement.Read.All (delegated and application).
 */
export function listRetentionEventsCall(): GraphCall<unknown> {
  return {
    method: 'GET',
    url: '/security/triggers/retentionEvents?$expand=retentionEventType',
    action: 'read the retention events'
  };
}

export function listRetentionEvents(gateway: GraphGateway, options?: CallOptions): Promise<SecurityNamespace.RetentionEvent[]> {
  return listAll<SecurityNamespace.RetentionEvent>(gateway, listRetentionEventsCall(), options);
}
