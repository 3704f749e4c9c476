/**
 * # Records site store — Custodian's own state in SharePoint lists
 *
 * Microsoft 365 is the source of truth for items and labels; what Custodian itself keeps (library plans, bulk job
 * checkpoints, the disposition register, holds) lives in lists on one records site, read and written through Graph.
 *
 * ```ts
 * const site = await openRecordsSite(graph, 'https://contoso.sharepoint.com/sites/records'); // or recordsSiteById(graph, id)
 * const holds = site.list(holdsList);            // holdsList = defineRecordsList({ title, description, key, columns, schema })
 * const added = await holds.create({ holdId: 'H-1', reason: "O'Brien matter", placedAt: now });
 * const found = await holds.find('H-1');         // by the key column; undefined when absent
 * const saved = await holds.update(found!, { reason: 'changed' }); // If-Match: found.eTag
 * await holds.remove(saved);                     // If-Match: saved.eTag
 * ```
 *
 * API (small and stable):
 * - `defineRecordsList<T>({ title, description, key, columns, schema })` — one list: a column per row property
 *   (`text` | `json` | `number` | `boolean` | `dateTime` | `choice`, optionally `indexed`), a zod schema for rows.
 *   Checked when declared (bad column names throw a RangeError at start-up).
 * - `openRecordsSite(graph, siteUrl)` / `recordsSiteById(graph, siteId)` -> `RecordsSite { siteId, list(definition) }`.
 * - `RecordsListStore<T>`: `ensure()`, `get(id)`, `find(key)`, `query({ column: value, ... })` (equality, and-ed),
 *   `list()`, `create(row)`, `update(version, changes)` (`null` empties an optional column), `remove(version)`. Reads give
 *   `StoredEntry<T> { id, eTag, value, modified? }`, oldest first; a write takes the `{ id, eTag }` it is based on.
 *
 * Guarantees:
 * - The list and its columns are created on first use (`POST /sites/{s}/lists`, Sites.Manage.All); two clients
 *   creating it at once both end up on the one list (409 -> look it up again). A list that exists without a column
 *   the definition needs is `missingColumns`, not a failed write later.
 * - Every row is checked by the schema before it is sent (`entryRefused`, no request) and after it is read
 *   (`invalidEntry`, naming the list item id).
 * - `update` and `remove` send `If-Match: {eTag}`; a 412 is `CustodianError { code: 'entryChanged', status: 412 }`
 *   ("Someone else changed it after you read it"): reload and decide again. Two reviewers deciding the same
 *   item at once: one succeeds, the other gets `entryChanged`.
 * - `create` does not enforce a unique key (SharePoint's unique columns need an index and a second request);
 *   `find` returns the oldest entry when two were added at the same moment.
 * - `dateTime` columns come back as SharePoint keeps them: UTC, to the second (`2026-01-15T09:00:00Z`).
 * - Text and JSON columns hold at most 255 characters (a single line of text column); longer values are refused
 *   before sending (`entryRefused`). Keep long data as several entries.
 * - Every failure is a `CustodianError` with `what`, `why` and `whatToDo`.
 */
export { defineRecordsList, type RecordsListDefinition } from './defineRecordsList';
export { recordsColumnKinds, maxTextColumnLength, type RecordsColumn, type RecordsColumnKind } from './RecordsColumn';
export {
  RecordsListStore,
  type ColumnValue,
  type EntryChanges,
  type EntryFilter,
  type EntryVersion,
  type StoredEntry
} from './RecordsListStore';
export { openRecordsSite, recordsSiteById, type RecordsSite } from './RecordsSite';
