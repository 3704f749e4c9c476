import type { QueueSnapshot } from './DispositionQueue';
import type { DispositionDeps } from './DispositionDeps';
import { labelOption } from './labelOption';
import { queueItem } from './queueItem';

export interface LoadQueueRequest {
  signal?: AbortSignal;
}

/** Brings the index up to date and gives the review queue at the tenant's current time. */
export async function loadDispositionQueue(deps: DispositionDeps, request: LoadQueueRequest = {}): Promise<QueueSnapshot> {
  const { workspace, memory } = deps;
  const s = await workspace.ready();
  const now = await workspace.now();
  await s.index.refresh({ now, signal: request.signal });
  if (!memory.anchorChecked) {
    s.review.checkAnchorLabel();
    memory.anchorChecked = true;
  }
  const [entries, user] = await Promise.all([s.review.queue(now), s.review.signedIn()]);
  const items = entries.map((e) => queueItem(e, s.placeOf(e.key)));
  memory.items = new Map(items.map((i) => [i.key, i]));
  const sites = new Map(s.libraries.map((l) => [l.siteId, l.siteName]));
  const snapshot: QueueSnapshot = {
    now,
    user,
    items,
    labels: (s.index.facts()?.labels ?? []).map(labelOption),
    sites: [...sites].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    indexedCount: s.index.entries().length
  };
  // Kept for the next opening of the tab; a store that refuses it (full, evicted) costs only that.
  await workspace.lastQueue.save(snapshot).catch(() => undefined);
  return snapshot;
}

/**
 * The queue as it was last read, from the index's store, without a request: what the tab shows at once while it
 * reads the current queue (`snapshot.now` says how old it is). Undefined when there is none, or it is not a queue.
 */
export async function lastDispositionQueue(deps: DispositionDeps): Promise<QueueSnapshot | undefined> {
  const stored = await deps.workspace.lastQueue.load().catch(() => undefined);
  return isQueueSnapshot(stored) ? stored : undefined;
}

function isQueueSnapshot(value: unknown): value is QueueSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.now === 'string' &&
    typeof v.user === 'string' &&
    typeof v.indexedCount === 'number' &&
    Array.isArray(v.items) &&
    Array.isArray(v.labels) &&
    Array.isArray(v.sites)
  );
}
