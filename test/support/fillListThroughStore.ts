import crypto from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { insertItem, newItemRow } from '../../src/devtenant/store/items';

export interface StoreFill {
  /** The dev tenant's data folder (a tenant started with `dataDir`, not in memory). */
  dataDir: string;
  listId: string;
  /** A library's root folder id; a generic list's items have no parent. */
  parentId?: string;
  /** Items numbered from here on (the list's next item number). */
  firstNum?: number;
  count: number;
  userId: string;
  /** Item `num`'s name, columns and retention label. */
  item(num: number): { name: string; fields: Record<string, unknown>; label?: string };
}

/**
 * Writes items straight into a running dev tenant's store, in one transaction: the thousands of items a list view
 * threshold test needs would take minutes as POSTs. Each gets a change number after every existing one, so delta and
 * the search index see them as new.
 */
export function fillListThroughStore(fill: StoreFill): void {
  const db = new Database(path.join(fill.dataDir, 'devtenant.sqlite'));
  try {
    db.transaction(() => {
      const created = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
      let seq = (db.prepare('SELECT COALESCE(MAX(seq), 0) AS s FROM items').get() as { s: number }).s;
      const first = fill.firstNum ?? 1;
      for (let num = first; num < first + fill.count; num++) {
        const { name, fields, label } = fill.item(num);
        insertItem(
          db,
          newItemRow({
            id: `01FILL${crypto.randomBytes(12).toString('hex').toUpperCase()}`,
            list_id: fill.listId,
            num,
            uid: crypto.randomUUID(),
            parent_id: fill.parentId ?? null,
            path: `/${name}`,
            name,
            created,
            created_by: fill.userId,
            fields: JSON.stringify(fields),
            seq: ++seq,
            ...(label ? { label } : {})
          })
        );
      }
      db.prepare('UPDATE lists SET next_num = ? WHERE id = ?').run(first + fill.count, fill.listId);
    })();
  } finally {
    db.close();
  }
}
