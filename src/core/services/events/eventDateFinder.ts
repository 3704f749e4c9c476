import type { FilePlanLabel } from '../../domain/filePlanLabel';
import { parseUtcInstant } from '../../domain/utcInstant';
import type { RetentionEventFact } from './RetentionEventFact';

/** Finds the date of the event that started an item's retention, for `retentionEnd`'s `eventDate`/`eventDates`. */
export interface EventDateFinder {
  /** The earliest event of the type that matches the asset id and was fired after the item was labelled. */
  eventDate(eventType: { id?: string; name?: string }, assetId: string | undefined, labelledAt: string | undefined): string | undefined;
  /** Event dates by event type name for every type in the file plan (for relabel chains). */
  eventDates(labels: readonly FilePlanLabel[], assetId: string | undefined, labelledAt: string | undefined): Record<string, string>;
}

/**
 * Indexes fired events by event type and asset id. Purview's rules: an event starts the retention of items whose
 * label is bound to the event's type and whose asset id the event names; an item labelled after the event was
 * created is not started by it (a new event is needed); of several matching events the earliest date counts.
 * Asset ids are compared exactly, as SharePoint compares `ComplianceAssetId` values.
 */
export function createEventDateFinder(events: readonly RetentionEventFact[]): EventDateFinder {
  const byType = new Map<string, Map<string, RetentionEventFact[]>>();
  const add = (key: string | undefined, event: RetentionEventFact): void => {
    if (!key) return;
    const assets = byType.get(key) ?? new Map<string, RetentionEventFact[]>();
    for (const assetId of event.assetIds) assets.set(assetId, [...(assets.get(assetId) ?? []), event]);
    byType.set(key, assets);
  };
  for (const event of events) {
    add(event.eventTypeId && `id:${event.eventTypeId}`, event);
    add(event.eventTypeName && `name:${event.eventTypeName.toLowerCase()}`, event);
  }
  const eventDate: EventDateFinder['eventDate'] = (type, assetId, labelledAt) => {
    if (assetId === undefined) return undefined;
    const candidates =
      (type.id ? byType.get(`id:${type.id}`)?.get(assetId) : undefined) ??
      (type.name ? byType.get(`name:${type.name.toLowerCase()}`)?.get(assetId) : undefined) ??
      [];
    const labelled = labelledAt === undefined ? undefined : parseUtcInstant(labelledAt);
    let best: number | undefined;
    for (const event of candidates) {
      const created = parseUtcInstant(event.createdAt);
      const trigger = parseUtcInstant(event.triggeredAt);
      if (created === undefined || trigger === undefined) continue;
      if (labelled !== undefined && created < labelled) continue;
      if (best === undefined || trigger < best) best = trigger;
    }
    return best === undefined ? undefined : new Date(best).toISOString();
  };
  return {
    eventDate,
    eventDates(labels, assetId, labelledAt) {
      const out: Record<string, string> = {};
      for (const label of labels) {
        const retention = label.retention;
        if (!retention || retention.trigger !== 'dateOfEvent' || !retention.eventTypeName) continue;
        const date = eventDate({ id: retention.eventTypeId, name: retention.eventTypeName }, assetId, labelledAt);
        if (date !== undefined) out[retention.eventTypeName] = date;
      }
      return out;
    }
  };
}
