import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Opens the dev tenant's SQLite database (a data folder, or `:memory:`) and brings its schema up to date.
 * WAL journal: a transaction that committed (and so was acknowledged to a client) survives `kill -9`;
 * `synchronous = NORMAL` only risks the last transactions on power loss, not on a process crash.
 */
export function openDatabase(dataDir: string | undefined): Database.Database {
  let file = ':memory:';
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    file = path.join(dataDir, 'devtenant.sqlite');
  }
  const db = new Database(file);
  if (dataDir) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = OFF');
  migrate(db);
  return db;
}

/** Every schema change, in order. `PRAGMA user_version` records how many have run. Append, never edit. */
const migrations: readonly string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE tokens (hash TEXT PRIMARY KEY, persona TEXT NOT NULL, scopes TEXT NOT NULL, user_id TEXT NOT NULL, expires INTEGER NOT NULL);
  CREATE TABLE sites (
    id TEXT PRIMARY KEY, path TEXT NOT NULL COLLATE NOCASE UNIQUE, name TEXT NOT NULL, display_name TEXT NOT NULL,
    description TEXT NOT NULL, created TEXT NOT NULL, data TEXT NOT NULL);
  CREATE TABLE lists (
    id TEXT PRIMARY KEY, site_id TEXT NOT NULL, url_name TEXT NOT NULL, display_name TEXT NOT NULL, template TEXT NOT NULL,
    drive_id TEXT UNIQUE, root_id TEXT, columns TEXT NOT NULL, created TEXT NOT NULL, modified TEXT NOT NULL,
    default_label TEXT, next_num INTEGER NOT NULL, description TEXT NOT NULL);
  CREATE INDEX lists_site ON lists(site_id);
  CREATE TABLE items (
    id TEXT PRIMARY KEY, list_id TEXT NOT NULL, num INTEGER NOT NULL, uid TEXT NOT NULL, parent_id TEXT,
    path TEXT NOT NULL, path_lc TEXT NOT NULL, name TEXT NOT NULL, is_folder INTEGER NOT NULL, size INTEGER NOT NULL,
    mime TEXT, created TEXT NOT NULL, modified TEXT NOT NULL, created_by TEXT NOT NULL, modified_by TEXT NOT NULL,
    version INTEGER NOT NULL, fields TEXT NOT NULL, label TEXT, label_at TEXT, label_by TEXT, label_explicit INTEGER NOT NULL DEFAULT 0,
    locked INTEGER NOT NULL DEFAULT 0, unlocked_once INTEGER NOT NULL DEFAULT 0, sens_label TEXT, sens_method TEXT,
    event_at TEXT, deleted INTEGER NOT NULL DEFAULT 0, seq INTEGER NOT NULL, content BLOB);
  CREATE UNIQUE INDEX items_num ON items(list_id, num);
  CREATE UNIQUE INDEX items_path ON items(list_id, path_lc) WHERE deleted = 0;
  CREATE INDEX items_parent ON items(parent_id, deleted);
  CREATE INDEX items_seq ON items(list_id, seq);
  CREATE TABLE entities (
    kind TEXT NOT NULL, id TEXT NOT NULL, parent_id TEXT, name TEXT NOT NULL, data TEXT NOT NULL, ord INTEGER NOT NULL,
    PRIMARY KEY (kind, id));
  CREATE INDEX entities_parent ON entities(kind, parent_id);
  CREATE TABLE users (id TEXT PRIMARY KEY, upn TEXT NOT NULL COLLATE NOCASE UNIQUE, data TEXT NOT NULL);
  CREATE TABLE messages (
    id TEXT PRIMARY KEY, user_id TEXT NOT NULL, received TEXT NOT NULL, data TEXT NOT NULL, categories TEXT NOT NULL,
    ext TEXT NOT NULL, version INTEGER NOT NULL);
  CREATE INDEX messages_user ON messages(user_id, received);
  CREATE TABLE operations (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, target TEXT NOT NULL, payload TEXT NOT NULL, status TEXT NOT NULL,
    due_at INTEGER NOT NULL, error TEXT);
  CREATE TABLE upload_sessions (
    id TEXT PRIMARY KEY, list_id TEXT NOT NULL, parent_id TEXT NOT NULL, name TEXT NOT NULL, replace_id TEXT,
    total INTEGER NOT NULL, received INTEGER NOT NULL, data BLOB NOT NULL, expires TEXT NOT NULL, user_id TEXT NOT NULL);
  `,
  // A library's default sensitivity label (SharePoint's `DefaultSensitivityLabelForLibrary`), a label id.
  `ALTER TABLE lists ADD COLUMN default_sens_label TEXT;`
];

export const schemaVersion = migrations.length;

function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(`The data folder was written by a newer dev tenant (schema ${current}; this one knows ${migrations.length}).`);
  }
  for (let v = current; v < migrations.length; v++) {
    db.transaction(() => {
      db.exec(migrations[v]);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

/** Drops every row (the schema stays), for `/devtenant/reset`. */
export function clearAll(db: Database.Database): void {
  for (const table of ['meta', 'tokens', 'sites', 'lists', 'items', 'entities', 'users', 'messages', 'operations', 'upload_sessions']) {
    db.prepare(`DELETE FROM ${table}`).run();
  }
}

const statementCache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A prepared statement, prepared once per database and reused (hot paths: seeding, item reads). */
export function stmt(db: Database.Database, sql: string): Database.Statement {
  let cache = statementCache.get(db);
  if (!cache) {
    cache = new Map();
    statementCache.set(db, cache);
  }
  let s = cache.get(sql);
  if (!s) {
    s = db.prepare(sql);
    cache.set(sql, s);
  }
  return s;
}
