import type { ReviewQueueEntry } from './createDispositionReview';
import type { QueueItem } from './DispositionQueue';
import type { ItemPlace } from './dispositionWorkspace';
import { itemFacts } from './ItemFacts';

/** A review queue entry, flat, with where the item lives by name. */
export function queueItem(entry: ReviewQueueEntry, place: ItemPlace): QueueItem {
  const { item, review } = entry;
  return {
    ...itemFacts(entry.key, item, place),
    labelName: review.labelName,
    siteId: item.siteId,
    retentionEndedAt: review.retentionEndedAt,
    stages: review.stages,
    currentStage: review.currentStage,
    status: review.status,
    ...(review.extendedUntil ? { extendedUntil: review.extendedUntil } : {}),
    holds: entry.holds.map((h) => ({ source: h.source, id: h.id, name: h.name })),
    ...(entry.interruptedDisposal ? { interruptedDisposal: true as const } : {})
  };
}
