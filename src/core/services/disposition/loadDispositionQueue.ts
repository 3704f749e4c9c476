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
  return {
    now,
    user,
    items,
    labels: (s.index.facts()?.labels ?? []).map(labelOption),
    sites: [...sites].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    indexedCount: s.index.entries().length
  };
}
