import type { IndexedItem } from '../index/IndexedItem';
import type { ItemPlace } from './dispositionWorkspace';

/** What a records manager sees of an indexed item, wherever it is shown (the queue, an item's details). */
export interface ItemFacts {
  /** `siteId|listId|itemId`: the item's id across libraries, and its deep link. */
  key: string;
  name: string;
  title?: string;
  webUrl?: string;
  siteName: string;
  libraryName: string;
  created: string;
  modified?: string;
  labelledAt?: string;
  assetId?: string;
  isRecord: boolean;
  /** Business columns (Department, DocumentType, ReferenceNumber...), as text. */
  columns: Record<string, string>;
}

/** An indexed item's facts, with where it lives by name; absent values are left out, never `undefined`. */
export function itemFacts(key: string, item: IndexedItem, place: ItemPlace): ItemFacts {
  return {
    key,
    name: item.name,
    ...(item.title ? { title: item.title } : {}),
    ...(item.webUrl ? { webUrl: item.webUrl } : {}),
    ...place,
    created: item.created,
    ...(item.modified ? { modified: item.modified } : {}),
    ...(item.labelledAt ? { labelledAt: item.labelledAt } : {}),
    ...(item.assetId ? { assetId: item.assetId } : {}),
    isRecord: item.isRecord,
    columns: item.columns
  };
}
