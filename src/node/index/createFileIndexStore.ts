import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { IndexedItem } from '../../core/services/index/IndexedItem';
import { applyCommit, type IndexCommit, type IndexStore, type StoredLibrary } from '../../core/services/index/IndexStore';
import { writeFileAtomic } from './writeFileAtomic';

interface Snapshot {
  format: 1;
  library: string;
  /** Journals up to this number are already in the snapshot. */
  through: number;
  deltaLink: string;
  syncedAt: string;
  items: IndexedItem[];
}

interface Journal {
  format: 1;
  number: number;
  change: IndexCommit;
}

interface Held {
  through: number;
  next: number;
  journals: number;
  journalled: number;
  deltaLink: string;
  syncedAt: string;
  items: Map<string, IndexedItem>;
}

export interface FileIndexStoreOptions {
  /** Fold the journals into a new snapshot after this many (default 32). */
  maxJournals?: number;
}

const journalName = (n: number): string => `journal-${String(n).padStart(10, '0')}.json`;
const journalPattern = /^journal-(\d{10})\.json$/;

/**
 * The Node index store: one folder per library holding a snapshot and the journals written since, each file
 * written whole with `writeFileAtomic` (temporary file, flush, rename). A refresh writes one small journal (it
 * costs what changed); every `maxJournals` refreshes, or when the journals hold more changes than a tenth of the
 * items, they are folded into a new snapshot. A process killed at any moment leaves the last committed state:
 * the snapshot names the last journal it contains, so journals left behind by a crash are skipped, and a
 * temporary file never has a name the loader reads.
 *
 * @example const store = await createFileIndexStore('/var/lib/custodian/index');
 */
export async function createFileIndexStore(folder: string, options: FileIndexStoreOptions = {}): Promise<IndexStore> {
  const maxJournals = options.maxJournals ?? 32;
  await mkdir(folder, { recursive: true });
  const held = new Map<string, Held>();
  const queues = new Map<string, Promise<unknown>>();
  const folderOf = (library: string): string => join(folder, createHash('sha256').update(library).digest('hex').slice(0, 32));

  /** Runs one library's operations one after another. */
  const serial = <T>(library: string, run: () => Promise<T>): Promise<T> => {
    const result = (queues.get(library) ?? Promise.resolve()).then(run, run);
    queues.set(
      library,
      result.catch(() => undefined)
    );
    return result;
  };

  async function read(library: string): Promise<Held | undefined> {
    const cached = held.get(library);
    if (cached) return cached;
    const dir = folderOf(library);
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      return undefined;
    }
    let state: Held | undefined;
    if (names.includes('snapshot.json')) {
      const snapshot = JSON.parse(await readFile(join(dir, 'snapshot.json'), 'utf8')) as Snapshot;
      state = {
        through: snapshot.through,
        next: snapshot.through + 1,
        journals: 0,
        journalled: 0,
        deltaLink: snapshot.deltaLink,
        syncedAt: snapshot.syncedAt,
        items: new Map(snapshot.items.map((item) => [item.id, item]))
      };
    }
    const numbers = names
      .map((name) => journalPattern.exec(name))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => Number(m[1]))
      .filter((n) => n > (state?.through ?? 0))
      .sort((a, b) => a - b);
    for (const n of numbers) {
      const journal = JSON.parse(await readFile(join(dir, journalName(n)), 'utf8')) as Journal;
      const items = applyCommit(state?.items, journal.change);
      state = {
        through: state?.through ?? 0,
        next: n + 1,
        journals: (state?.journals ?? 0) + 1,
        journalled: (state?.journalled ?? 0) + journal.change.upserts.length + journal.change.removals.length,
        deltaLink: journal.change.deltaLink,
        syncedAt: journal.change.syncedAt,
        items
      };
    }
    if (state) held.set(library, state);
    return state;
  }

  async function writeSnapshot(library: string, state: Held): Promise<void> {
    const dir = folderOf(library);
    const snapshot: Snapshot = {
      format: 1,
      library,
      through: state.next - 1,
      deltaLink: state.deltaLink,
      syncedAt: state.syncedAt,
      items: [...state.items.values()]
    };
    await writeFileAtomic(join(dir, 'snapshot.json'), JSON.stringify(snapshot));
    state.through = snapshot.through;
    state.journals = 0;
    state.journalled = 0;
    // Journals now inside the snapshot; a crash before they are gone only leaves files the loader skips.
    for (const name of await readdir(dir)) {
      const m = journalPattern.exec(name);
      if (m && Number(m[1]) <= snapshot.through) await rm(join(dir, name), { force: true });
    }
  }

  // A file that is missing or not JSON (written by nothing, or cut short before writes were atomic) reads as nothing.
  const readJson = async (name: string): Promise<unknown> => {
    try {
      return JSON.parse(await readFile(join(folder, name), 'utf8')) as unknown;
    } catch {
      return undefined;
    }
  };
  return {
    load: (library) =>
      serial(library, async (): Promise<StoredLibrary | undefined> => {
        const state = await read(library);
        return state && { deltaLink: state.deltaLink, syncedAt: state.syncedAt, items: [...state.items.values()] };
      }),
    commit: (library, change) =>
      serial(library, async () => {
        const dir = folderOf(library);
        await mkdir(dir, { recursive: true });
        const state = (await read(library)) ?? {
          through: 0,
          next: 1,
          journals: 0,
          journalled: 0,
          deltaLink: '',
          syncedAt: '',
          items: new Map<string, IndexedItem>()
        };
        const number = state.next;
        const next: Held = {
          ...state,
          next: number + 1,
          deltaLink: change.deltaLink,
          syncedAt: change.syncedAt,
          items: applyCommit(change.reset ? undefined : new Map(state.items), change)
        };
        const size = change.upserts.length + change.removals.length;
        if (change.reset || state.journals + 1 >= maxJournals || state.journalled + size > Math.max(1000, next.items.size / 10)) {
          await writeSnapshot(library, next);
        } else {
          const journal: Journal = { format: 1, number, change };
          await writeFileAtomic(join(dir, journalName(number)), JSON.stringify(journal));
          next.journals = state.journals + 1;
          next.journalled = state.journalled + size;
        }
        held.set(library, next);
      }),
    clear: (library) =>
      serial(library, async () => {
        held.delete(library);
        await rm(folderOf(library), { recursive: true, force: true });
      }),
    loadFacts: () => readJson('facts.json'),
    saveFacts: (facts) => serial('\u0000facts', () => writeFileAtomic(join(folder, 'facts.json'), JSON.stringify(facts))),
    loadQueueSnapshot: () => readJson('queue.json'),
    saveQueueSnapshot: (snapshot) => serial('\u0000queue', () => writeFileAtomic(join(folder, 'queue.json'), JSON.stringify(snapshot))),
    async close() {
      await Promise.all([...queues.values()]);
      held.clear();
    }
  };
}
