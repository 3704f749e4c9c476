import type { IndexedItem } from './IndexedItem';

/** A library's index as a store holds it. */
export interface StoredLibrary {
  /** The delta link to ask for changes since the last refresh. */
  deltaLink: string;
  /** When the last refresh ended (UTC ISO 8601, the caller's `now`). */
  syncedAt: string;
  items: IndexedItem[];
}

/** One refresh's result, written as one unit: all of it or none of it. */
export interface IndexCommit {
  /** True after a full (re)sync: the items given replace everything stored for the library. */
  reset: boolean;
  deltaLink: string;
  syncedAt: string;
  upserts: readonly IndexedItem[];
  /** Item ids removed since the last refresh. */
  removals: readonly string[];
}

/**
 * Where the disposition index is persisted between sessions: IndexedDB in a browser (`createIdbIndexStore`), a
 * folder in Node (`createFileIndexStore` in `src/node/index`), memory in tests. A commit is atomic: a reader never
 * sees items without the delta link that goes with them, so a crash mid-write costs at most one refresh.
 */
export interface IndexStore {
  load(library: string): Promise<StoredLibrary | undefined>;
  commit(library: string, change: IndexCommit): Promise<void>;
  /** Forgets a library. */
  clear(library: string): Promise<void>;
  /** The file plan and events last read (JSON), so a restarted index can show the queue before it reaches Graph. */
  loadFacts(): Promise<unknown>;
  saveFacts(facts: unknown): Promise<void>;
  /** The last queue shown (JSON), so the tab can show it at once while it reads the current one. */
  loadQueueSnapshot(): Promise<unknown>;
  saveQueueSnapshot(snapshot: unknown): Promise<void>;
  close(): Promise<void>;
}

/** Applies a commit to a library held in memory (shared by the stores that keep a copy). */
export function applyCommit(current: Map<string, IndexedItem> | undefined, change: IndexCommit): Map<string, IndexedItem> {
  const items = change.reset || !current ? new Map<string, IndexedItem>() : current;
  for (const id of change.removals) items.delete(id);
  for (const item of change.upserts) items.set(item.id, item);
  return items;
}
