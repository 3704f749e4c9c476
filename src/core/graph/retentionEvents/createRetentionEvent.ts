import { encodePathSegment } from '../../http/encodePathSegment';
import type { SecurityNamespace } from '@microsoft/microsoft-graph-types';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';

export interface RetentionEventInput {
  displayName: string;
  description?: string;
  eventTypeId: string;
  /** Asset ids for SharePoint and OneDrive (`ComplianceAssetId`), e.g. `ComplianceAssetId:4815`. */
  filesQuery?: string;
  /** Keywords for Exchange. */
  messagesQuery?: string;
  /** When retention starts; now when absent. ISO 8601. */
  eventTriggerDateTime?: string;
}

/**
 * Starts retention for the items a query matches: `POST /security/triggers/retentionEvents`, bound to its type
 * with `retentionEventType@odata.bind`. A new event is `pending` until it has propagated.
 * Permission (least privileged): RecordsManagement.ReadWrite.All (delegated and application).
 */
export function createRetentionEventCall(
  gateway: Pick<GraphGateway, 'baseOrigin'>,
  input: RetentionEventInput
): GraphCall<SecurityNamespace.RetentionEvent> {
  const eventQueries: SecurityNamespace.EventQuery[] = [];
  if (input.filesQuery) eventQueries.push({ queryType: 'files', query: input.filesQuery });
  if (input.messagesQuery) eventQueries.push({ queryType: 'messages', query: input.messagesQuery });
  if (!eventQueries.length) throw new RangeError('A retention event needs a files query (asset ids) or a messages query.');
  return {
    method: 'POST',
    url: '/security/triggers/retentionEvents',
    body: {
      displayName: input.displayName,
      ...(input.description !== undefined ? { description: input.description } : {}),
      eventQueries,
      ...(input.eventTriggerDateTime ? { eventTriggerDateTime: input.eventTriggerDateTime } : {}),
      'retentionEventType@odata.bind': `${gateway.baseOrigin}/v1.0/security/triggerTypes/retentionEventTypes/${encodePathSegment(input.eventTypeId)}`
    },
    action: `fire the retention event '${input.displayName}'`
  };
}

export function createRetentionEvent(
  gateway: GraphGateway,
  input: RetentionEventInput,
  options?: CallOptions
): Promise<SecurityNamespace.RetentionEvent> {
  return gateway.call(createRetentionEventCall(gateway, input), options);
}
