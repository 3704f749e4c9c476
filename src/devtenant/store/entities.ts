import type Database from 'better-sqlite3';
import { stmt } from './db';

/**
 * Small, low-volume resources (labels, file plan templates, event types, events, sensitivity labels, cases,
 * holds, sources) are kept as JSON documents keyed by kind and id: their Graph representation is the document.
 */
export const entityKinds = [
  'retentionLabel',
  'authority',
  'category',
  'subcategory',
  'citation',
  'department',
  'filePlanReference',
  'retentionEventType',
  'retentionEvent',
  'sensitivityLabel',
  'ediscoveryCase',
  'legalHold',
  'siteSource',
  'userSource',
  // Items declared records in place (SharePoint CSOM `Records.DeclareItemAsRecord`), keyed by item id.
  'inPlaceRecord'
] as const;
export type EntityKind = (typeof entityKinds)[number];

export type Doc = Record<string, unknown> & { id: string };

export function listEntities(db: Database.Database, kind: EntityKind, parentId?: string): Doc[] {
  const rows = (
    parentId === undefined
      ? stmt(db, 'SELECT data FROM entities WHERE kind = ? ORDER BY ord').all(kind)
      : stmt(db, 'SELECT data FROM entities WHERE kind = ? AND parent_id = ? ORDER BY ord').all(kind, parentId)
  ) as { data: string }[];
  return rows.map((r) => JSON.parse(r.data) as Doc);
}

export function getEntity(db: Database.Database, kind: EntityKind, id: string, parentId?: string): Doc | undefined {
  const row = (
    parentId === undefined
      ? stmt(db, 'SELECT data FROM entities WHERE kind = ? AND id = ? COLLATE NOCASE').get(kind, id)
      : stmt(db, 'SELECT data FROM entities WHERE kind = ? AND id = ? COLLATE NOCASE AND parent_id = ?').get(kind, id, parentId)
  ) as { data: string } | undefined;
  return row ? (JSON.parse(row.data) as Doc) : undefined;
}

export function getEntityByName(db: Database.Database, kind: EntityKind, name: string): Doc | undefined {
  const row = stmt(db, 'SELECT data FROM entities WHERE kind = ? AND name = ? COLLATE NOCASE').get(kind, name) as
    { data: string } | undefined;
  return row ? (JSON.parse(row.data) as Doc) : undefined;
}

export function putEntity(db: Database.Database, kind: EntityKind, doc: Doc, name: string, parentId: string | null = null): void {
  const existing = stmt(db, 'SELECT ord FROM entities WHERE kind = ? AND id = ?').get(kind, doc.id) as { ord: number } | undefined;
  if (existing) {
    stmt(db, 'UPDATE entities SET data = ?, name = ?, parent_id = ? WHERE kind = ? AND id = ?').run(
      JSON.stringify(doc),
      name,
      parentId,
      kind,
      doc.id
    );
  } else {
    const ord = (stmt(db, 'SELECT COALESCE(MAX(ord), 0) + 1 AS n FROM entities WHERE kind = ?').get(kind) as { n: number }).n;
    stmt(db, 'INSERT INTO entities (kind, id, parent_id, name, data, ord) VALUES (?, ?, ?, ?, ?, ?)').run(
      kind,
      doc.id,
      parentId,
      name,
      JSON.stringify(doc),
      ord
    );
  }
}

export function deleteEntity(db: Database.Database, kind: EntityKind, id: string): boolean {
  return stmt(db, 'DELETE FROM entities WHERE kind = ? AND id = ? COLLATE NOCASE').run(kind, id).changes > 0;
}
