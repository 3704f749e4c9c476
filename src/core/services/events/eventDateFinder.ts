import type { FilePlanLabel } from '../../domain/filePlanLabel';
import { parseUtcInstant } from '../../domain/utcInstant';
import { assetIdKey } from './assetIdKey';
import type { FiredEvent } from './eventReachesAsset';

/** Finds the date of the event that started an item's retention, for `retentionEnd`'s `eventDate`/`eventDates`. */
export interface EventDateFinder {
  /** The earliest event of the type that reaches the item (by asset id, or every item) and was fired after it was labelled. */
  eventDate(eventType: { id?: string; name?: string }, assetId: string | undefined, labelledAt: string | undefined): string | undefined;
  /** Event dates by event type name for every type in the file plan (for relabel chains). */
  eventDates(labels: readonly FilePlanLabel[], assetId: string | undefined, labelledAt: string | undefined): Record<string, string>;
}

/**
 * Purview's rules: an event starts the retention of items whose label is bound to the event's type and that its
 * query reaches; an item labelled after the event was created is not started by it (a new event is needed); of
 * several matching events the earliest date counts. Events are indexed by type and asset id (a tenant may hold up
 * to a million events), following `sameEventType`: by id when both sides know it, else by name.
 */
export function createEventDateFinder(events: readonly FiredEvent[]): EventDateFinder {
  interface Bucket {
    byAsset: Map<string, FiredEvent[]>;
    everyItem: FiredEvent[];
  }
  const byId = new Map<string, Bucket>();
  const byName = new Map<string, Bucket>();
  const byNameWithoutId = new Map<string, Bucket>();
  const add = (map: Map<string, Bucket>, key: string, event: FiredEvent): void => {
    const bucket = map.get(key) ?? { byAsset: new Map<string, FiredEvent[]>(), everyItem: [] };
    if (event.everyItem) bucket.everyItem.push(event);
    else
      for (const assetId of new Set(event.assetIds.map(assetIdKey)))
        bucket.byAsset.set(assetId, [...(bucket.byAsset.get(assetId) ?? []), event]);
    map.set(key, bucket);
  };
  for (const event of events) {
    const name = event.eventTypeName?.toLowerCase();
    if (event.eventTypeId) add(byId, event.eventTypeId, event);
    if (name) add(byName, name, event);
    if (name && !event.eventTypeId) add(byNameWithoutId, name, event);
  }
  const eventDate: EventDateFinder['eventDate'] = (type, assetId, labelledAt) => {
    const name = type.name?.toLowerCase();
    const buckets = type.id ? [byId.get(type.id), name ? byNameWithoutId.get(name) : undefined] : [name ? byName.get(name) : undefined];
    const labelled = labelledAt === undefined ? undefined : parseUtcInstant(labelledAt);
    let best: number | undefined;
    for (const bucket of buckets) {
      if (!bucket) continue;
      const reaching = [...bucket.everyItem, ...(assetId === undefined ? [] : (bucket.byAsset.get(assetIdKey(assetId)) ?? []))];
      for (const event of reaching) {
        const created = parseUtcInstant(event.createdAt);
        const trigger = parseUtcInstant(event.triggeredAt);
        if (created === undefined || trigger === undefined) continue;
        if (labelled !== undefined && created < labelled) continue;
        if (best === undefined || trigger < best) best = trigger;
      }
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
