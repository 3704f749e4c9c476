import type { IndexedItem } from './IndexedItem';
import { applyCommit, type IndexStore, type StoredLibrary } from './IndexStore';

/** An index store that keeps nothing after the page closes: for tests, or when storage is refused. */
export function createMemoryIndexStore(): IndexStore {
  let facts: unknown;
  let queueSnapshot: unknown;
  const libraries = new Map<string, { deltaLink: string; syncedAt: string; items: Map<string, IndexedItem> }>();
  return {
    async load(library): Promise<StoredLibrary | undefined> {
      const stored = libraries.get(library);
      return stored && { deltaLink: stored.deltaLink, syncedAt: stored.syncedAt, items: [...stored.items.values()] };
    },
    async commit(library, change) {
      const items = applyCommit(libraries.get(library)?.items, change);
      libraries.set(library, { deltaLink: change.deltaLink, syncedAt: change.syncedAt, items });
    },
    async clear(library) {
      libraries.delete(library);
    },
    async loadFacts() {
      return facts;
    },
    async saveFacts(value) {
      facts = value;
    },
    async loadQueueSnapshot() {
      return queueSnapshot;
    },
    async saveQueueSnapshot(value) {
      queueSnapshot = value;
    },
    async close() {
      libraries.clear();
    }
  };
}
