import type { SecurityNamespace } from '@microsoft/microsoft-graph-types';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';

/**
 * Creates an event type that event-based labels start from: `POST /security/triggerTypes/retentionEventTypes`
 * `{ displayName, description }` (security-retentioneventtype-post), answered 201 with the type.
 * Permission (least privileged): RecordsManagement.ReadWrite.All (delegated and application).
 */
export function createRetentionEventTypeCall(displayName: string, description: string): GraphCall<SecurityNamespace.RetentionEventType> {
  return {
    method: 'POST',
    url: '/security/triggerTypes/retentionEventTypes',
    body: { displayName, description },
    action: `create the event type '${displayName}'`
  };
}

export function createRetentionEventType(
  gateway: GraphGateway,
  displayName: string,
  description: string,
  options?: CallOptions
): Promise<SecurityNamespace.RetentionEventType> {
  return gateway.call(createRetentionEventTypeCall(displayName, description), options);
}
