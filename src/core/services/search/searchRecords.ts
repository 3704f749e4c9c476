import type { FilePlanLabel } from '../../domain/filePlanLabel';
import { isRecordField } from '../../domain/isRecordField';
import type { CallOptions } from '../../graph/GraphCall';
import type { GraphGateway } from '../../graph/GraphGateway';
import type { ListRef } from '../../graph/listItems/ListRef';
import { hitListItem, hitText, type ListItemHit, searchListItems } from '../../graph/search/searchListItems';
import { kqlPropertyMatch } from '../../http/escapeKql';
import { CustodianError } from '../../http/CustodianError';
import { itemKey } from '../index/IndexedItem';
import type { RecordSearch, RecordSearchRow } from './RecordSearch';
import { managedProperties as p } from '../../graph/search/managedProperties';
import { recordSearchQuery } from './recordSearchQuery';

export interface RecordSearchResult {
  rows: RecordSearchRow[];
  /** True when `limit` cut the result short. */
  truncated: boolean;
  /** Why nothing was asked, when the conditions could not match anything. */
  note?: string;
}

export interface SearchRecordsOptions extends CallOptions {
  labels: readonly FilePlanLabel[];
  limit?: number;
  /** When an item's label was applied (`siteId|listId|itemId`), for a labelled-date condition: search keeps no such property. */
  labelledAtOf?: (key: string) => string | undefined;
}

/** Libraries per request: each adds a `ListId:"{guid}"` clause, and KQL stops at 4,096 characters (KQL syntax reference). */
const librariesPerQuery = 40;

const fieldsWanted = Object.values(p);

function invalid(reason: string): CustodianError {
  return new CustodianError({
    status: 0,
    code: 'invalidSearch',
    serviceMessage: reason,
    source: 'client',
    what: 'Custodian could not search the records.',
    why: reason,
    whatToDo: 'Correct the search, then try again.'
  });
}

/**
 * Searches records for an information request (FOI, subject access, audit) in the given libraries, on Microsoft
 * Search (`searchListItems`): by label, file plan descriptor, asset id, created/modified dates and words of the title
 * or file name, as KQL scoped to the libraries' ids; the label and asset id are then compared exactly, and a
 * labelled-date range is checked with `labelledAtOf`. It works on libraries of any size (no list view threshold),
 * and sees what the search index holds, which trails changes by minutes. Flat rows for export (`recordSearchCsv`).
 * Permission (least privileged, delegated): Sites.Read.All.
 */
export async function searchRecords(
  graph: GraphGateway,
  libraries: readonly ListRef[],
  search: RecordSearch,
  options: SearchRecordsOptions
): Promise<RecordSearchResult> {
  const built = recordSearchQuery(search, options.labels);
  if (!built.ok) throw invalid(built.reason);
  if ('empty' in built) return { rows: [], truncated: false, note: built.reason };
  if (built.labelled && !options.labelledAtOf) throw invalid('Searching by the date a label was applied needs the disposition index.');
  const limit = options.limit ?? 5000;
  const byName = new Map(options.labels.map((l) => [l.name.toLowerCase(), l]));
  const wantedLabels = built.labelNames && new Set(built.labelNames.map((n) => n.toLowerCase()));
  const rows: RecordSearchRow[] = [];
  const seen = new Set<string>();
  for (let start = 0; start < libraries.length; start += librariesPerQuery) {
    const scope = libraries.slice(start, start + librariesPerQuery);
    const inLibraries = `(${scope.map((l) => kqlPropertyMatch(p.listId, l.listId)).join(' OR ')})`;
    const queryString = `${built.queryString} AND ${inLibraries}`;
    for await (const page of searchListItems(graph, { queryString, fields: fieldsWanted }, { signal: options.signal })) {
      for (const hit of page.hits) {
        const row = rowOf(hit, scope, byName, options.labelledAtOf);
        if (!row || seen.has(row.key)) continue;
        if (wantedLabels && !wantedLabels.has(row.labelName.toLowerCase())) continue;
        if (search.assetId && row.assetId !== search.assetId) continue;
        if (built.labelled && !within(row.labelledAt, built.labelled)) continue;
        seen.add(row.key);
        rows.push(row);
        if (rows.length >= limit) return { rows, truncated: true };
      }
    }
  }
  return { rows, truncated: false };
}

function within(instant: string, range: { from?: number; to?: number }): boolean {
  const time = Date.parse(instant);
  if (Number.isNaN(time)) return false;
  return (range.from === undefined || time >= range.from) && (range.to === undefined || time <= range.to);
}

/** A hit as a row; undefined when it names no list item of the libraries searched (a folder's page, another list). */
function rowOf(
  hit: ListItemHit,
  scope: readonly ListRef[],
  byName: ReadonlyMap<string, FilePlanLabel>,
  labelledAtOf: SearchRecordsOptions['labelledAtOf']
): RecordSearchRow | undefined {
  const named = hitListItem(hit);
  const library = named && scope.find((l) => l.listId.toLowerCase() === named.listId.toLowerCase());
  if (!named || !library) return undefined;
  const itemId = named.itemId;
  const key = itemKey({ siteId: library.siteId, listId: library.listId, id: itemId });
  const labelName = hitText(hit, p.label);
  const label = labelName ? byName.get(labelName.toLowerCase()) : undefined;
  const title = hitText(hit, p.title);
  return {
    key,
    siteId: library.siteId,
    listId: library.listId,
    itemId,
    name: hit.name ?? (hitText(hit, p.fileName) || title),
    title,
    webUrl: hit.webUrl ?? '',
    labelName,
    department: label?.descriptors.department ?? '',
    category: label?.descriptors.category ?? '',
    referenceId: label?.descriptors.referenceId ?? '',
    assetId: hitText(hit, p.assetId),
    created: hit.createdDateTime ?? hitText(hit, p.created),
    modified: hit.lastModifiedDateTime ?? hitText(hit, p.modified),
    labelledAt: labelledAtOf?.(key) ?? '',
    isRecord: isRecordField(hit.fields[p.isRecord.toLowerCase()])
  };
}
