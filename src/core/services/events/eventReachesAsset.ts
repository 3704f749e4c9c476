import { assetIdKey } from './assetIdKey';
import type { RetentionEventFact } from './RetentionEventFact';

/**
 * A fired event as the preview and the event date finder read it. `everyItem` marks an event whose `files` query named no asset id: Purview
 * starts every item labelled for its type ("If an asset ID is not entered, all content with labels of that event
 * type get the same retention date applied to them", https://learn.microsoft.com/purview/event-driven-retention).
 */
export type FiredEvent = Pick<
  RetentionEventFact,
  'displayName' | 'eventTypeId' | 'eventTypeName' | 'assetIds' | 'triggeredAt' | 'createdAt'
> & {
  everyItem?: boolean;
};

/** Whether a fired event reaches an item with this asset id (ignoring case, as KQL does); the event's type is checked apart. */
export function eventReachesAsset(event: FiredEvent, assetId: string | undefined): boolean {
  if (event.everyItem) return true;
  if (assetId === undefined) return false;
  const key = assetIdKey(assetId);
  return event.assetIds.some((a) => assetIdKey(a) === key);
}
