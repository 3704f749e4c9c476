import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { IndexedItem } from './IndexedItem';
import type { IndexStore, StoredLibrary } from './IndexStore';

interface LibraryRow {
  library: string;
  deltaLink: string;
  syncedAt: string;
}

type ItemRow = IndexedItem & { library: string };

interface IndexSchema extends DBSchema {
  libraries: { key: string; value: LibraryRow };
  items: { key: [string, string]; value: ItemRow };
  facts: { key: string; value: { key: string; facts: unknown } };
}

/** Every item key of one library: `[library, id]` for any id (an array sorts after every string). */
function libraryRange(library: string): IDBKeyRange {
  return IDBKeyRange.bound([library], [library, []]);
}

/**
 * The browser's index store: IndexedDB through `idb`, one record per item keyed `[library, id]`, so a refresh
 * writes only what changed, in one transaction with the library's delta link (all or nothing). Browsers may
 * evict the database under storage pressure; the index then starts again with a full sync.
 *
 * @example const store = await createIdbIndexStore('custodian-index');
 */
export async function createIdbIndexStore(name = 'custodian-disposition-index'): Promise<IndexStore> {
  const db: IDBPDatabase<IndexSchema> = await openDB<IndexSchema>(name, 1, {
    upgrade(database) {
      database.createObjectStore('libraries', { keyPath: 'library' });
      database.createObjectStore('items', { keyPath: ['library', 'id'] });
      database.createObjectStore('facts', { keyPath: 'key' });
    }
  });
  return {
    async load(library): Promise<StoredLibrary | undefined> {
      const tx = db.transaction(['libraries', 'items'], 'readonly');
      const row = await tx.objectStore('libraries').get(library);
      if (!row) {
        await tx.done;
        return undefined;
      }
      const rows = await tx.objectStore('items').getAll(libraryRange(library));
      await tx.done;
      const items = rows.map(({ library: _library, ...item }) => item as IndexedItem);
      return { deltaLink: row.deltaLink, syncedAt: row.syncedAt, items };
    },
    async commit(library, change) {
      const tx = db.transaction(['libraries', 'items'], 'readwrite');
      const items = tx.objectStore('items');
      const pending: Promise<unknown>[] = [];
      if (change.reset) pending.push(items.delete(libraryRange(library)));
      for (const id of change.removals) pending.push(items.delete([library, id]));
      for (const item of change.upserts) pending.push(items.put({ ...item, library }));
      pending.push(tx.objectStore('libraries').put({ library, deltaLink: change.deltaLink, syncedAt: change.syncedAt }));
      await Promise.all([...pending, tx.done]);
    },
    async clear(library) {
      const tx = db.transaction(['libraries', 'items'], 'readwrite');
      await Promise.all([tx.objectStore('items').delete(libraryRange(library)), tx.objectStore('libraries').delete(library), tx.done]);
    },
    async loadFacts() {
      return (await db.get('facts', 'current'))?.facts;
    },
    async saveFacts(facts) {
      await db.put('facts', { key: 'current', facts });
    },
    // Beside the facts, under a key of its own: no new object store, so no version change of the database.
    async loadQueueSnapshot() {
      return (await db.get('facts', 'queue'))?.facts;
    },
    async saveQueueSnapshot(snapshot) {
      await db.put('facts', { key: 'queue', facts: snapshot });
    },
    async close() {
      db.close();
    }
  };
}
