import type { ReviewQueueEntry } from './createDispositionReview';
import type { QueueItem } from './DispositionQueue';
import type { ItemPlace } from './dispositionWorkspace';

/** A review queue entry, flat, with where the item lives by name. */
export function queueItem(entry: ReviewQueueEntry, place: ItemPlace): QueueItem {
  const { item, review } = entry;
  return {
    key: entry.key,
    name: item.name,
    ...(item.title ? { title: item.title } : {}),
    ...(item.webUrl ? { webUrl: item.webUrl } : {}),
    labelName: review.labelName,
    siteId: item.siteId,
    ...place,
    created: item.created,
    ...(item.modified ? { modified: item.modified } : {}),
    ...(item.labelledAt ? { labelledAt: item.labelledAt } : {}),
    ...(item.assetId ? { assetId: item.assetId } : {}),
    isRecord: item.isRecord,
    columns: item.columns,
    retentionEndedAt: review.retentionEndedAt,
    stages: review.stages,
    currentStage: review.currentStage,
    status: review.status,
    ...(review.extendedUntil ? { extendedUntil: review.extendedUntil } : {}),
    holds: entry.holds.map((h) => ({ source: h.source, id: h.id, name: h.name }))
  };
}
