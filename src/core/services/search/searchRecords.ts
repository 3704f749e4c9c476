import type { ListItem } from '@microsoft/microsoft-graph-types';
import type { FilePlanLabel } from '../../domain/filePlanLabel';
import type { CallOptions } from '../../graph/GraphCall';
import type { GraphGateway } from '../../graph/GraphGateway';
import { findListItems } from '../../graph/listItems/findListItems';
import type { ListRef } from '../../graph/listItems/ListRef';
import { CustodianError } from '../../http/CustodianError';
import { indexedItemFromListItem, itemKey } from '../index/IndexedItem';
import type { RecordSearch, RecordSearchRow } from './RecordSearch';
import { recordSearchFilter } from './recordSearchFilter';

export interface RecordSearchResult {
  rows: RecordSearchRow[];
  /** True when `limit` cut the result short. */
  truncated: boolean;
  /** Why nothing was asked, when the conditions could not match anything. */
  note?: string;
}

/**
 * Searches records for an information request (FOI, subject access, audit) in the given libraries: by label,
 * file plan descriptor, asset id, created/modified/labelled date ranges and text, as one OData filter per library
 * (`findListItems`, every literal quoted by `quoteODataString`). Results are current (Graph, not a cache) and flat
 * for export (`recordSearchCsv`). Permission (least privileged): Sites.Read.All.
 */
export async function searchRecords(
  graph: GraphGateway,
  libraries: readonly ListRef[],
  search: RecordSearch,
  options: CallOptions & { labels: readonly FilePlanLabel[]; limit?: number }
): Promise<RecordSearchResult> {
  const built = recordSearchFilter(search, options.labels);
  if (!built.ok)
    throw new CustodianError({
      status: 0,
      code: 'invalidSearch',
      serviceMessage: built.reason,
      source: 'client',
      what: 'Custodian could not search the records.',
      why: built.reason,
      whatToDo: 'Correct the search, then try again.'
    });
  if ('empty' in built) return { rows: [], truncated: false, note: built.reason };
  const limit = options.limit ?? 5000;
  const byName = new Map(options.labels.map((l) => [l.name.toLowerCase(), l]));
  const rows: RecordSearchRow[] = [];
  for (const library of libraries) {
    for await (const page of findListItems(graph, library, built.filter, { signal: options.signal, top: 999 })) {
      for (const listItem of page.items as ListItem[]) {
        const item = indexedItemFromListItem(listItem, library);
        if (!item) continue;
        const label = item.labelName ? byName.get(item.labelName.toLowerCase()) : undefined;
        rows.push({
          key: itemKey(item),
          siteId: item.siteId,
          listId: item.listId,
          itemId: item.id,
          name: item.name,
          title: item.title ?? '',
          webUrl: item.webUrl ?? '',
          labelName: item.labelName ?? '',
          department: label?.descriptors.department ?? '',
          category: label?.descriptors.category ?? '',
          referenceId: label?.descriptors.referenceId ?? '',
          assetId: item.assetId ?? '',
          created: item.created,
          modified: item.modified ?? '',
          labelledAt: item.labelledAt ?? '',
          isRecord: item.isRecord
        });
        if (rows.length >= limit) return { rows, truncated: true };
      }
    }
  }
  return { rows, truncated: false };
}
