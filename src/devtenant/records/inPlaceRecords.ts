import type Database from 'better-sqlite3';
import { deleteEntity, getEntity, putEntity } from '../store/entities';

/**
 * SharePoint's in-place records management (`Records.DeclareItemAsRecord` / `UndeclareItemAsRecord`, reached over
 * CSOM): an item declared a record where it is, without a retention label. SharePoint keeps the declaration on the
 * item (its hidden `_vti_ItemDeclaredRecord` column holds the declaration date) and reports it in `_IsRecord`. The
 * dev tenant keeps it apart from the item's columns, so no column write (Graph `fields`, SharePoint MERGE or
 * ValidateUpdateListItem) can clear it: only `UndeclareItemAsRecord`, under the record rules, can.
 *
 * The record restrictions a declaration brings are those of a locked record ("Block Edit and Delete", the restriction
 * Purview's table calls "Record - locked"), decided in `records.ts` like every other record rule.
 */

export interface InPlaceDeclaration {
  itemId: string;
  /** When the item was declared (`DeclareItemAsRecordWithDeclarationDate` sets it explicitly). */
  declaredAt: string;
  declaredBy: string | null;
}

export function inPlaceDeclaration(db: Database.Database, itemId: string): InPlaceDeclaration | undefined {
  const doc = getEntity(db, 'inPlaceRecord', itemId);
  return doc ? { itemId: doc.id, declaredAt: String(doc.declaredAt), declaredBy: (doc.declaredBy as string | null) ?? null } : undefined;
}

export function isDeclaredInPlace(db: Database.Database, itemId: string): boolean {
  return getEntity(db, 'inPlaceRecord', itemId) !== undefined;
}

export function recordInPlaceDeclaration(db: Database.Database, d: InPlaceDeclaration): void {
  putEntity(db, 'inPlaceRecord', { id: d.itemId, declaredAt: d.declaredAt, declaredBy: d.declaredBy }, d.itemId);
}

export function removeInPlaceDeclaration(db: Database.Database, itemId: string): void {
  deleteEntity(db, 'inPlaceRecord', itemId);
}
