import type Database from 'better-sqlite3';
import { stmt } from './db';

/** One list item; in a document library it is also a driveItem (file or folder). */
export interface ItemRow {
  id: string;
  list_id: string;
  num: number;
  uid: string;
  /** The parent driveItem id (a folder, or the drive's root id). Null in generic lists. */
  parent_id: string | null;
  /** Path inside the drive/list, `/Folder/file.docx`. */
  path: string;
  path_lc: string;
  name: string;
  is_folder: number;
  size: number;
  mime: string | null;
  created: string;
  modified: string;
  created_by: string;
  modified_by: string;
  version: number;
  fields: string;
  label: string | null;
  label_at: string | null;
  label_by: string | null;
  label_explicit: number;
  locked: number;
  unlocked_once: number;
  sens_label: string | null;
  sens_method: string | null;
  event_at: string | null;
  deleted: number;
  seq: number;
  content: Buffer | null;
}

export type ItemMeta = Omit<ItemRow, 'content'>;

/** What a new item must be given; everything else starts as Microsoft 365 starts it (no label, unlocked, version 1). */
export type NewItem = Pick<ItemRow, 'id' | 'list_id' | 'num' | 'uid' | 'parent_id' | 'path' | 'name' | 'created' | 'created_by' | 'seq'> &
  Partial<ItemRow>;

/**
 * A new item row, created now by `created_by`: modified then too, by the same person. A library's default label
 * (`label`) is recorded as applied at that moment by that person, not explicitly, as SharePoint records it.
 */
export function newItemRow(item: NewItem): ItemRow {
  const label = item.label ?? null;
  return {
    path_lc: item.path.toLowerCase(),
    is_folder: 0,
    size: 0,
    mime: null,
    modified: item.created,
    modified_by: item.created_by,
    version: 1,
    fields: '{}',
    label,
    label_at: label ? item.created : null,
    label_by: label ? item.created_by : null,
    label_explicit: 0,
    locked: 0,
    unlocked_once: 0,
    sens_label: null,
    sens_method: null,
    event_at: null,
    deleted: 0,
    content: null,
    ...item
  };
}

const metaColumns =
  'id, list_id, num, uid, parent_id, path, path_lc, name, is_folder, size, mime, created, modified, created_by, modified_by, version, fields, label, label_at, label_by, label_explicit, locked, unlocked_once, sens_label, sens_method, event_at, deleted, seq';

export function getItem(db: Database.Database, id: string): ItemMeta | undefined {
  return stmt(db, `SELECT ${metaColumns} FROM items WHERE id = ? AND deleted = 0`).get(id) as ItemMeta | undefined;
}

export function getItemByNum(db: Database.Database, listId: string, num: number): ItemMeta | undefined {
  return stmt(db, `SELECT ${metaColumns} FROM items WHERE list_id = ? AND num = ? AND deleted = 0`).get(listId, num) as
    ItemMeta | undefined;
}

export function getItemByPath(db: Database.Database, listId: string, path: string): ItemMeta | undefined {
  return stmt(db, `SELECT ${metaColumns} FROM items WHERE list_id = ? AND path_lc = ? AND deleted = 0`).get(listId, path.toLowerCase()) as
    ItemMeta | undefined;
}

export function childrenOf(db: Database.Database, parentId: string): ItemMeta[] {
  return stmt(db, `SELECT ${metaColumns} FROM items WHERE parent_id = ? AND deleted = 0 ORDER BY is_folder DESC, name COLLATE NOCASE`).all(
    parentId
  ) as ItemMeta[];
}

export function itemsOfList(db: Database.Database, listId: string): ItemMeta[] {
  return stmt(db, `SELECT ${metaColumns} FROM items WHERE list_id = ? AND deleted = 0 ORDER BY num`).all(listId) as ItemMeta[];
}

/** Items (including deletions) changed after `sinceSeq`, oldest change first. */
export function changesOfList(db: Database.Database, listId: string, sinceSeq: number): ItemMeta[] {
  return stmt(db, `SELECT ${metaColumns} FROM items WHERE list_id = ? AND seq > ? ORDER BY seq`).all(listId, sinceSeq) as ItemMeta[];
}

/**
 * At most `limit` live items of a list whose number is above `afterNum`, in number order (index `items_num`):
 * one page of a full enumeration, costing what it returns whatever the size of the list.
 */
export function itemsOfListAfter(db: Database.Database, listId: string, afterNum: number, limit: number): ItemMeta[] {
  return stmt(db, `SELECT ${metaColumns} FROM items WHERE list_id = ? AND num > ? AND deleted = 0 ORDER BY num LIMIT ?`).all(
    listId,
    afterNum,
    limit
  ) as ItemMeta[];
}

/**
 * At most `limit` items (deletions included) of a list whose change number is in `(afterSeq, upToSeq]`, oldest
 * change first (index `items_seq`): one page of a round of changes.
 */
export function changesOfListBetween(db: Database.Database, listId: string, afterSeq: number, upToSeq: number, limit: number): ItemMeta[] {
  return stmt(db, `SELECT ${metaColumns} FROM items WHERE list_id = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?`).all(
    listId,
    afterSeq,
    upToSeq,
    limit
  ) as ItemMeta[];
}

export function itemContent(db: Database.Database, id: string): Buffer | null {
  const row = stmt(db, 'SELECT content FROM items WHERE id = ?').get(id) as { content: Buffer | null } | undefined;
  return row?.content ?? null;
}

export function insertItem(db: Database.Database, row: ItemRow): void {
  stmt(
    db,
    `INSERT INTO items (${metaColumns}, content) VALUES (@id, @list_id, @num, @uid, @parent_id, @path, @path_lc, @name, @is_folder, @size, @mime, @created, @modified,
      @created_by, @modified_by, @version, @fields, @label, @label_at, @label_by, @label_explicit, @locked, @unlocked_once, @sens_label, @sens_method, @event_at, @deleted, @seq, @content)`
  ).run(row);
}

const updatable = new Set([
  'name',
  'path',
  'path_lc',
  'size',
  'mime',
  'modified',
  'modified_by',
  'version',
  'fields',
  'label',
  'label_at',
  'label_by',
  'label_explicit',
  'locked',
  'unlocked_once',
  'sens_label',
  'sens_method',
  'event_at',
  'deleted',
  'seq',
  'content'
]);

/** Updates named columns of one item (the caller bumps version/seq/modified as the change requires). */
export function updateItem(db: Database.Database, id: string, patch: Partial<ItemRow>): void {
  const keys = Object.keys(patch).filter((k) => updatable.has(k));
  if (keys.length === 0) return;
  stmt(db, `UPDATE items SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE id = @id`).run({ ...patch, id });
}

export function nextItemNumber(db: Database.Database, listId: string): number {
  const row = stmt(db, 'SELECT next_num FROM lists WHERE id = ?').get(listId) as { next_num: number };
  stmt(db, 'UPDATE lists SET next_num = next_num + 1 WHERE id = ?').run(listId);
  return row.next_num;
}

export function parseFields(item: ItemMeta): Record<string, unknown> {
  return JSON.parse(item.fields) as Record<string, unknown>;
}
