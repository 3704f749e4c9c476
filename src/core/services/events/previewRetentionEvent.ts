import type { SecurityNamespace } from '@microsoft/microsoft-graph-types';
import type { CallOptions } from '../../graph/GraphCall';
import type { GraphGateway } from '../../graph/GraphGateway';
import { listRetentionEventTypes } from '../../graph/retentionEvents/listRetentionEventTypes';
import { assetIdKey } from './assetIdKey';
import { assetIdsQuery } from './assetIdsQuery';
import type { DispositionIndex } from '../index/createDispositionIndex';
import type { IndexedItem } from '../index/IndexedItem';
import type { HoldCheckDeps } from '../holds/checkHolds';
import { eventRefused } from './eventErrors';
import { assetIdsFoundBeyond, type BeyondIndex, eventReachBeyondIndex, startedBeyondIndex } from './eventReachBeyondIndex';
import { eventReachesAsset } from './eventReachesAsset';
import { holdBackHeldItems, type HeldEventItem } from './holdBackHeldItems';
import { parseAssetIdQuery } from './parseAssetIdQuery';
import { sameEventType } from './sameEventType';

export interface RetentionEventRequest {
  displayName: string;
  description?: string;
  /** The event type by name ("Contract Expiry"), compared ignoring case, or by id. */
  eventType: string;
  /** The `ComplianceAssetId` values the event is about. Required without `query`: Purview starts every item of the type without them. */
  assetIds: readonly string[];
  /**
   * Instead of `assetIds`, the `files` query as Purview takes it (`ComplianceAssetId:4815 OR ComplianceAssetId:4816`),
   * read by `parseAssetIdQuery`; a blank query previews every item labelled for the type. A query Custodian cannot
   * evaluate is refused, never read as something else.
   */
  query?: string;
  /** When retention starts (ISO 8601); the moment the event is created when absent. */
  eventDate?: string;
}

export interface RetentionEventPreviewItem {
  key: string;
  item: IndexedItem;
  /** The earlier event that already started this item's retention; this event then changes nothing for it. */
  alreadyStartedBy?: string;
}

/** What an event will do, shown before it is fired (an event cannot be undone or cancelled). */
export interface RetentionEventPreview {
  request: RetentionEventRequest;
  eventType: { id: string; displayName: string };
  /** Labels bound to the event type: only their items can start. */
  labelNames: string[];
  /** The Purview query the event will carry (KQL over `ComplianceAssetId`), rebuilt from the asset ids. */
  filesQuery: string;
  /** The query names no asset id: the event would start every item labelled for its type, in the whole tenant. */
  startsEveryItemOfType: boolean;
  /** Items whose retention the event starts now. */
  items: RetentionEventPreviewItem[];
  count: number;
  /** Items with a matching asset id whose retention an earlier event already started. */
  alreadyStarted: RetentionEventPreviewItem[];
  /** Asset ids that match no indexed item with a bound label (a typo, or items outside the indexed libraries). */
  unmatchedAssetIds: string[];
  /** Items the event will not start: a hold covers them or an item with the same asset id (with `holds` only). */
  held?: HeldEventItem[];
  /** The indexed items the preview read. */
  indexedItemCount: number;
  /**
   * What the event starts outside the indexed libraries (Purview applies it to the whole tenant), found by Microsoft
   * Search; `count` includes them. Absent when not searched (no `searchBeyondIndex`).
   */
  beyondIndex?: BeyondIndex;
}

/**
 * Previews a retention event from the disposition index: the event type's bound labels, the items carrying one of
 * them and a named asset id (count and list), those an earlier event already started, and asset ids that match
 * nothing; with `holds`, the held items apart (an event must not start them). Asset ids compare ignoring case, as
 * KQL does. Refuses (as `CustodianError`, no request) what Custodian will not fire: no asset ids, a query it cannot
 * evaluate, or an asset id KQL cannot express exactly (a double quote, a control character, a trailing `*`).
 * With `searchBeyondIndex`, Microsoft Search finds what the event starts elsewhere in the tenant (`eventReachBeyondIndex`).
 * Refresh the index first for a current list.
 * Permission (least privileged): RecordsManagement.Read.All; Sites.Read.All to search beyond the index.
 */
export async function previewRetentionEvent(
  graph: GraphGateway,
  index: DispositionIndex,
  request: RetentionEventRequest,
  options: CallOptions & {
    /** Custodian's holds and eDiscovery's: held items are listed in `held` and left out of the event's query. */
    holds?: HoldCheckDeps;
    /** Also find, with Microsoft Search, the items the event starts outside the indexed libraries. */
    searchBeyondIndex?: boolean;
  } = {}
): Promise<RetentionEventPreview> {
  if (!request.displayName.trim())
    throw eventRefused('eventNameRequired', 'The event has no name.', 'Give the event a name people will recognise in Purview.');
  const named = request.query === undefined ? undefined : parseAssetIdQuery(request.query);
  if (named && request.assetIds.some((a) => a.trim() !== ''))
    throw eventRefused(
      'queryAndAssetIds',
      'Both asset ids and a query were given, and the event can carry only one of them.',
      'Enter the asset ids, or paste the query, not both.'
    );
  if (named?.reach === 'unreadable')
    throw eventRefused('queryNotReadable', `Custodian cannot preview the query "${request.query}": ${named.why}`, named.whatToDo);
  const assetIds = distinctAssetIds(named ? named.assetIds : request.assetIds);
  const everyItem = named?.reach === 'everyItem';
  if (!assetIds.length && !everyItem)
    throw eventRefused(
      'assetIdsRequired',
      'No asset id was given, and an event without asset ids starts the retention of every item labelled for its event type.',
      'Enter the asset ids (ComplianceAssetId) of the items the event is about.'
    );
  // eslint-disable-next-line no-control-regex
  const inexpressible = assetIds.filter((a) => /["\u0000-\u001f\u007f]|\*$/.test(a));
  if (inexpressible.length)
    throw eventRefused(
      'assetIdNotExpressible',
      `The asset id ${JSON.stringify(inexpressible[0])} holds a double quote or a control character, or ends with * (a prefix wildcard in KQL), which a Purview event query cannot match exactly.`,
      'Correct the asset id on the items (Compliance Asset Id column), then fire the event with the corrected value.'
    );
  const types = await listRetentionEventTypes(graph, options);
  const wanted = request.eventType.toLowerCase();
  const type = types.find(
    (t: SecurityNamespace.RetentionEventType) => t.id === request.eventType || t.displayName?.toLowerCase() === wanted
  );
  if (!type?.id)
    throw eventRefused(
      'unknownEventType',
      `There is no event type named "${request.eventType}".`,
      `Choose one of: ${types.map((t) => t.displayName).join(', ') || 'none exist yet; ask your records manager to create one'}.`
    );
  const facts = index.facts();
  const eventType = { id: type.id, name: type.displayName ?? undefined };
  const labelNames = (facts?.labels ?? [])
    .filter(
      (l) =>
        l.retention?.trigger === 'dateOfEvent' && sameEventType(eventType, { id: l.retention.eventTypeId, name: l.retention.eventTypeName })
    )
    .map((l) => l.name);
  const bound = new Set(labelNames.map((n) => n.toLowerCase()));
  const wantedAssets = new Set(assetIds.map(assetIdKey));
  const matched = new Set<string>();
  const items: RetentionEventPreviewItem[] = [];
  const alreadyStarted: RetentionEventPreviewItem[] = [];
  const events = facts?.events ?? [];
  for (const entry of index.entries()) {
    const { item } = entry;
    if (!bound.has((item.labelName ?? '').toLowerCase())) continue;
    if (!everyItem && (item.assetId === undefined || !wantedAssets.has(assetIdKey(item.assetId)))) continue;
    if (item.assetId !== undefined) matched.add(assetIdKey(item.assetId));
    const earlier = events.find(
      (e) =>
        sameEventType(eventType, { id: e.eventTypeId, name: e.eventTypeName }) &&
        eventReachesAsset(e, item.assetId) &&
        (item.labelledAt === undefined || Date.parse(e.createdAt) >= Date.parse(item.labelledAt))
    );
    if (earlier) alreadyStarted.push({ key: entry.key, item, alreadyStartedBy: earlier.displayName });
    else items.push({ key: entry.key, item });
  }
  const preview: RetentionEventPreview = {
    request: { ...request, assetIds },
    eventType: { id: type.id, displayName: type.displayName ?? type.id },
    labelNames,
    filesQuery: assetIdsQuery(assetIds),
    startsEveryItemOfType: everyItem,
    items,
    count: items.length,
    alreadyStarted,
    unmatchedAssetIds: assetIds.filter((a) => !matched.has(assetIdKey(a))),
    indexedItemCount: index.entries().length
  };
  const checked = options.holds ? await holdBackHeldItems(options.holds, preview) : undefined;
  const final = checked ? { ...checked.preview, held: checked.held } : preview;
  if (!options.searchBeyondIndex || final.startsEveryItemOfType) return final;
  // After the holds: the search runs the query the event will carry, without the held asset ids.
  const beyondIndex = await eventReachBeyondIndex(
    graph,
    { filesQuery: final.filesQuery, labelNames, eventType, events },
    (key) => index.entry(key) !== undefined,
    options
  );
  const foundBeyond = assetIdsFoundBeyond(beyondIndex);
  return {
    ...final,
    beyondIndex,
    count: final.items.length + startedBeyondIndex(beyondIndex),
    unmatchedAssetIds: final.unmatchedAssetIds.filter((a) => !foundBeyond.has(assetIdKey(a)))
  };
}

/** Trimmed, without blanks, and once each: `C-77` and `c-77` are one asset id to KQL. */
function distinctAssetIds(assetIds: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const raw of assetIds) {
    const id = raw.trim();
    if (id !== '' && !seen.has(assetIdKey(id))) seen.set(assetIdKey(id), id);
  }
  return [...seen.values()];
}
