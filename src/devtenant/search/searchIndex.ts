import type Database from 'better-sqlite3';
import { stmt } from '../store/db';
import { type ListRow, listServerRelativeUrl, type SiteRow } from '../store/sites';
import type { ItemRow } from '../store/items';
import { getMeta, setMeta } from '../tenant';

/**
 * The dev tenant's search index: one row per list item (a file or folder of a library is one too) holding the
 * managed properties Microsoft Search keeps for it, with SQLite indexes on those queries filter by, and an FTS5
 * table over the full-text properties (title, file name, author, editor). Like SharePoint's crawler it is built
 * from the content, apart from it: `catchUpSearchIndex` reads what changed since it last ran (the items' change
 * numbers, which delta uses too), so a query costs what changed, not what exists.
 */

const columns = `
  rid INTEGER PRIMARY KEY, item_id TEXT NOT NULL UNIQUE, site_id TEXT NOT NULL, list_id TEXT NOT NULL,
  list_item_id INTEGER NOT NULL, unique_id TEXT NOT NULL, drive_id TEXT, parent_id TEXT, is_library INTEGER NOT NULL,
  is_folder INTEGER NOT NULL, title TEXT NOT NULL, title_lc TEXT NOT NULL, filename TEXT, filename_lc TEXT, file_ext TEXT,
  web_path TEXT NOT NULL, path TEXT NOT NULL, path_lc TEXT NOT NULL, compliance_tag TEXT, compliance_tag_lc TEXT,
  asset_id TEXT, asset_id_lc TEXT, is_record INTEGER NOT NULL, created TEXT NOT NULL, modified TEXT NOT NULL,
  author TEXT, author_lc TEXT, author_email TEXT, editor TEXT, editor_lc TEXT, editor_email TEXT, size INTEGER NOT NULL,
  mime TEXT`;

/** Secondary indexes, one per property a query narrows by; each ends in the rowid, so a page is read in order. */
const indexes: readonly [string, string][] = [
  ['search_tag', 'compliance_tag_lc'],
  ['search_asset', 'asset_id_lc'],
  ['search_created', 'created'],
  ['search_modified', 'modified'],
  ['search_list', 'list_id'],
  ['search_site', 'site_id'],
  ['search_filename', 'filename_lc'],
  ['search_ext', 'file_ext'],
  ['search_path', 'path_lc'],
  ['search_unique', 'unique_id'],
  ['search_record', 'is_record'],
  ['search_folder', 'is_library, is_folder']
];

/**
 * Token characters: letters, digits, private use, combining marks and symbols, so emoji are words as letters are;
 * case folds, diacritics stay (a search for "resume" does not find "résumé").
 */
const tokenizer = `unicode61 remove_diacritics 0 categories 'L* N* Co M* So'`;

function ensureSchema(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS search_index (${columns})`);
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS search_text USING fts5(title, filename, author, editor, tokenize = "${tokenizer}")`);
}

function createIndexes(db: Database.Database): void {
  for (const [name, cols] of indexes) db.exec(`CREATE INDEX IF NOT EXISTS ${name} ON search_index(${cols})`);
}

function dropIndexes(db: Database.Database): void {
  for (const [name] of indexes) db.exec(`DROP INDEX IF EXISTS ${name}`);
}

/** The columns of an item row the crawl reads (the SELECT in `crawl`). */
type CrawledItem = Pick<
  ItemRow,
  | 'id'
  | 'list_id'
  | 'num'
  | 'uid'
  | 'parent_id'
  | 'path'
  | 'name'
  | 'is_folder'
  | 'size'
  | 'mime'
  | 'created'
  | 'modified'
  | 'created_by'
  | 'modified_by'
  | 'fields'
  | 'label'
  | 'deleted'
  | 'seq'
>;

interface Person {
  name: string | null;
  email: string | null;
}

/** What one crawl reads once: the people and which labels declare records. */
interface CrawlContext {
  people: Map<string, Person>;
  recordLabels: Set<string>;
}

function crawlContext(db: Database.Database): CrawlContext {
  const people = new Map<string, Person>();
  for (const row of stmt(db, 'SELECT id, data FROM users').all() as { id: string; data: string }[]) {
    const u = JSON.parse(row.data) as { displayName?: string; mail?: string };
    people.set(row.id, { name: u.displayName ?? null, email: u.mail ?? null });
  }
  const recordLabels = new Set<string>();
  for (const row of stmt(db, "SELECT name, data FROM entities WHERE kind = 'retentionLabel'").all() as { name: string; data: string }[]) {
    const behavior = (JSON.parse(row.data) as { behaviorDuringRetentionPeriod?: string }).behaviorDuringRetentionPeriod;
    if (behavior === 'retainAsRecord' || behavior === 'retainAsRegulatoryRecord') recordLabels.add(row.name.toLowerCase());
  }
  return { people, recordLabels };
}

function isoInstant(value: string): string {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/%2F/gi, '/');
}

/** The row of the index for one live item: its managed properties as Microsoft Search names them. */
function indexRow(site: SiteRow, list: ListRow, item: CrawledItem, cc: CrawlContext): Record<string, unknown> {
  const library = list.template === 'documentLibrary';
  const stored = JSON.parse(item.fields) as Record<string, unknown>;
  const listPath = listServerRelativeUrl(site, list);
  // Path holds the URL as people read it (Microsoft's example: path:"https://contoso.sharepoint.com/sites/Team Site/...").
  const path = library ? listPath + item.path : `${listPath}/DispForm.aspx?ID=${item.num}`;
  const webPath = library
    ? listPath.split('/').map(encodeSegment).join('/') + item.path.split('/').map(encodeSegment).join('/')
    : `${listPath.split('/').map(encodeSegment).join('/')}/DispForm.aspx?ID=${item.num}`;
  const storedTitle = typeof stored.Title === 'string' && stored.Title.trim() !== '' ? stored.Title : undefined;
  const baseName = item.is_folder || !item.name.includes('.') ? item.name : item.name.slice(0, item.name.lastIndexOf('.'));
  const title = storedTitle ?? (library ? baseName : '');
  const dot = item.name.lastIndexOf('.');
  const ext = library && !item.is_folder && dot > 0 ? item.name.slice(dot + 1).toLowerCase() : null;
  const assetId = typeof stored.ComplianceAssetId === 'string' && stored.ComplianceAssetId !== '' ? stored.ComplianceAssetId : null;
  const author = cc.people.get(item.created_by) ?? { name: null, email: null };
  const editor = cc.people.get(item.modified_by) ?? { name: null, email: null };
  return {
    item_id: item.id,
    site_id: site.id,
    list_id: list.id,
    list_item_id: item.num,
    unique_id: item.uid.toLowerCase(),
    drive_id: library ? list.drive_id : null,
    parent_id: library ? item.parent_id : null,
    is_library: library ? 1 : 0,
    is_folder: item.is_folder ? 1 : 0,
    title,
    title_lc: title.toLowerCase(),
    filename: library ? item.name : null,
    filename_lc: library ? item.name.toLowerCase() : null,
    file_ext: ext,
    web_path: webPath,
    path,
    path_lc: path.toLowerCase(),
    compliance_tag: item.label,
    compliance_tag_lc: item.label ? item.label.toLowerCase() : null,
    asset_id: assetId,
    asset_id_lc: assetId ? assetId.toLowerCase() : null,
    is_record: item.label && cc.recordLabels.has(item.label.toLowerCase()) ? 1 : 0,
    created: isoInstant(item.created),
    modified: isoInstant(item.modified),
    author: author.name,
    author_lc: author.name?.toLowerCase() ?? null,
    author_email: author.email,
    editor: editor.name,
    editor_lc: editor.name?.toLowerCase() ?? null,
    editor_email: editor.email,
    size: item.size,
    mime: item.mime
  };
}

const rowColumns = [
  'item_id',
  'site_id',
  'list_id',
  'list_item_id',
  'unique_id',
  'drive_id',
  'parent_id',
  'is_library',
  'is_folder',
  'title',
  'title_lc',
  'filename',
  'filename_lc',
  'file_ext',
  'web_path',
  'path',
  'path_lc',
  'compliance_tag',
  'compliance_tag_lc',
  'asset_id',
  'asset_id_lc',
  'is_record',
  'created',
  'modified',
  'author',
  'author_lc',
  'author_email',
  'editor',
  'editor_lc',
  'editor_email',
  'size',
  'mime'
];

const insertSql = `INSERT INTO search_index (${rowColumns.join(', ')}) VALUES (${rowColumns.map((c) => `@${c}`).join(', ')})`;
const updateSql = `UPDATE search_index SET ${rowColumns.map((c) => `${c} = @${c}`).join(', ')} WHERE rid = @rid`;

function writeItem(db: Database.Database, row: Record<string, unknown> | undefined, itemId: string, fresh: boolean): void {
  const existing = fresh
    ? undefined
    : (stmt(db, 'SELECT rid FROM search_index WHERE item_id = ?').get(itemId) as { rid: number } | undefined);
  if (existing) stmt(db, 'DELETE FROM search_text WHERE rowid = ?').run(existing.rid);
  if (!row) {
    if (existing) stmt(db, 'DELETE FROM search_index WHERE rid = ?').run(existing.rid);
    return;
  }
  let rid: number;
  if (existing) {
    stmt(db, updateSql).run({ ...row, rid: existing.rid });
    rid = existing.rid;
  } else rid = Number(stmt(db, insertSql).run(row).lastInsertRowid);
  stmt(db, 'INSERT INTO search_text (rowid, title, filename, author, editor) VALUES (?, ?, ?, ?, ?)').run(
    rid,
    row.title,
    row.filename ?? '',
    row.author ?? '',
    row.editor ?? ''
  );
}

const crawlPage = 5000;

/**
 * Brings the index up to date with the store: every item changed since the last crawl is (re)indexed or, when
 * deleted, removed. A store reseeded since (`/devtenant/reset`, a new generation) is indexed afresh; so is a new
 * one, with the secondary indexes built after the rows, which is how 1,000,000 items index in one pass.
 * Returns the number of items read.
 */
export function catchUpSearchIndex(db: Database.Database): number {
  ensureSchema(db);
  const generation = getMeta(db, 'generation') ?? '';
  const indexedGeneration = getMeta(db, 'searchIndexGeneration');
  let since = Number(getMeta(db, 'searchIndexSeq') ?? '0');
  const fresh = indexedGeneration !== generation || Number.isNaN(since);
  if (fresh) {
    db.exec('DELETE FROM search_index; DELETE FROM search_text;');
    dropIndexes(db);
    since = 0;
  }
  let cc: CrawlContext | undefined;
  let read = 0;
  let highest = since;
  const sites = new Map<string, SiteRow>();
  for (const list of stmt(db, 'SELECT * FROM lists ORDER BY rowid').all() as ListRow[]) {
    let site = sites.get(list.site_id);
    if (!site) {
      site = stmt(db, 'SELECT * FROM sites WHERE id = ?').get(list.site_id) as SiteRow | undefined;
      if (!site) continue;
      sites.set(site.id, site);
    }
    let after = since;
    for (;;) {
      const page = stmt(
        db,
        `SELECT id, list_id, num, uid, parent_id, path, name, is_folder, size, mime, created, modified, created_by, modified_by,
          fields, label, deleted, seq FROM items WHERE list_id = ? AND seq > ? ORDER BY seq LIMIT ?`
      ).all(list.id, after, crawlPage) as CrawledItem[];
      for (const item of page) {
        cc ??= crawlContext(db);
        writeItem(db, item.deleted ? undefined : indexRow(site, list, item, cc), item.id, fresh);
        if (item.seq > highest) highest = item.seq;
      }
      read += page.length;
      if (page.length < crawlPage) break;
      after = page[page.length - 1].seq;
    }
  }
  if (fresh) createIndexes(db);
  if (fresh || highest !== since) {
    setMeta(db, 'searchIndexSeq', String(highest));
    setMeta(db, 'searchIndexGeneration', generation);
  }
  return read;
}
