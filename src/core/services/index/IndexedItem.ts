import type { ListItem } from '@microsoft/microsoft-graph-types';
import type { ListRef } from '../../graph/listItems/ListRef';
import { isRecordField } from '../../domain/isRecordField';

/**
 * What the disposition index keeps of one document: enough to decide its retention (label, dates, asset id),
 * to show it in the queue and the search (name, location, business columns) and to act on it (ids, eTag).
 * Retention state is not stored: the domain derives it from these facts, the file plan and the events.
 */
export interface IndexedItem {
  /** The list item id (`1`, `2`, ...), unique within its library. */
  id: string;
  siteId: string;
  listId: string;
  /** File name (`FileLeafRef`). */
  name: string;
  title?: string;
  webUrl?: string;
  /** Created, UTC ISO 8601. */
  created: string;
  modified?: string;
  /** The retention label's name (`_ComplianceTag`), absent when unlabelled. */
  labelName?: string;
  /** When the label was applied (`_ComplianceTagWrittenTime`). */
  labelledAt?: string;
  /** `ComplianceAssetId`: what event-based retention matches on. */
  assetId?: string;
  isRecord: boolean;
  eTag?: string;
  /** The business columns the index was asked to keep (Department, DocumentType, ...), as text. */
  columns: Record<string, string>;
}

/** The columns every index reads, whatever else it keeps. */
export const indexSystemColumns = [
  'FileLeafRef',
  'Title',
  'Created',
  'Modified',
  'ContentType',
  '_ComplianceTag',
  '_ComplianceTagWrittenTime',
  '_IsRecord',
  'ComplianceAssetId'
] as const;

/** Key of a library in the index and its stores: `siteId|listId`. */
export function libraryKey(ref: ListRef): string {
  return `${ref.siteId}|${ref.listId}`;
}

/** Key of an item across libraries: `siteId|listId|itemId`. */
export function itemKey(item: Pick<IndexedItem, 'siteId' | 'listId' | 'id'>): string {
  return `${item.siteId}|${item.listId}|${item.id}`;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : undefined;

/**
 * Reads a Graph list item (from delta or a get, with `fields`) into an `IndexedItem`. Folders and items without
 * fields give `undefined`: folders have no retention of their own to review.
 */
export function indexedItemFromListItem(item: ListItem, ref: ListRef, columns: readonly string[] = []): IndexedItem | undefined {
  const fields = item.fields as Record<string, unknown> | undefined;
  if (!item.id || !fields) return undefined;
  if (fields.ContentType === 'Folder' || item.contentType?.name === 'Folder') return undefined;
  const created = text(fields.Created) ?? text(item.createdDateTime);
  if (!created) return undefined;
  const kept: Record<string, string> = {};
  for (const column of columns) {
    const value = text(fields[column]);
    if (value !== undefined) kept[column] = value;
  }
  const out: IndexedItem = {
    id: item.id,
    siteId: ref.siteId,
    listId: ref.listId,
    name: text(fields.FileLeafRef) ?? text(item.name) ?? item.id,
    created,
    isRecord: isRecordField(fields._IsRecord),
    columns: kept
  };
  const optional: [keyof IndexedItem, string | undefined][] = [
    ['title', text(fields.Title)],
    ['webUrl', text(item.webUrl)],
    ['modified', text(fields.Modified) ?? text(item.lastModifiedDateTime)],
    ['labelName', text(fields._ComplianceTag)],
    ['labelledAt', text(fields._ComplianceTagWrittenTime)],
    ['assetId', text(fields.ComplianceAssetId)],
    ['eTag', text(item.eTag) ?? text(fields['@odata.etag'])]
  ];
  for (const [key, value] of optional) if (value !== undefined) (out as unknown as Record<string, unknown>)[key] = value;
  return out;
}
