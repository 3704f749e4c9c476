import type { SecurityNamespace } from '@microsoft/microsoft-graph-types';
import { parseAssetIdQuery } from './parseAssetIdQuery';

/** A fired retention event, reduced to what decides which items' retention it starts. */
export interface RetentionEventFact {
  id: string;
  displayName: string;
  eventTypeId?: string;
  eventTypeName?: string;
  /** Asset ids from the `files` queries. */
  assetIds: string[];
  /** When retention starts (`eventTriggerDateTime`, or the creation time). */
  triggeredAt: string;
  /** When the event was created: items labelled after it are not started by it (Purview needs a new event). */
  createdAt: string;
}

/** Reads Graph's `retentionEvent` (with `$expand=retentionEventType`); events without a date are skipped. */
export function retentionEventFacts(events: readonly SecurityNamespace.RetentionEvent[]): RetentionEventFact[] {
  const out: RetentionEventFact[] = [];
  for (const event of events) {
    const createdAt = event.createdDateTime ?? event.eventTriggerDateTime;
    const triggeredAt = event.eventTriggerDateTime ?? createdAt;
    if (!event.id || !createdAt || !triggeredAt) continue;
    const assetIds = (event.eventQueries ?? [])
      .filter((q) => q.queryType === 'files' && typeof q.query === 'string')
      .flatMap((q) => parseAssetIdQuery(q.query as string).assetIds);
    out.push({
      id: event.id,
      displayName: event.displayName ?? event.id,
      ...(event.retentionEventType?.id ? { eventTypeId: event.retentionEventType.id } : {}),
      ...(event.retentionEventType?.displayName ? { eventTypeName: event.retentionEventType.displayName } : {}),
      assetIds,
      triggeredAt,
      createdAt
    });
  }
  return out;
}
