import type { CallOptions } from '../../graph/GraphCall';
import type { GraphGateway } from '../../graph/GraphGateway';
import { hitListItem, hitText, searchListItems } from '../../graph/search/searchListItems';
import { kqlPropertyMatch } from '../../http/escapeKql';
import { CustodianError } from '../../http/CustodianError';
import { itemKey } from '../index/IndexedItem';
import { managedProperties as p } from '../../graph/search/managedProperties';
import { assetIdKey } from './assetIdKey';
import { eventReachesAsset } from './eventReachesAsset';
import type { RetentionEventFact } from './RetentionEventFact';
import { sameEventType } from './sameEventType';

/** An item outside the indexed libraries that the event's query reaches, as Microsoft Search finds it. */
export interface BeyondIndexItem {
  key: string;
  name: string;
  webUrl: string;
  labelName: string;
  assetId: string;
  /** An earlier event of the type already reached its asset id: this one changes nothing for it. */
  alreadyStartedBy?: string;
}

export type BeyondIndex =
  | {
      searched: true;
      /** Items the event starts outside the indexed libraries. */
      items: BeyondIndexItem[];
      alreadyStarted: BeyondIndexItem[];
      /** More matched than Custodian lists (`total` counts them all). */
      truncated: boolean;
      /** Every match outside the index, started or not, as Microsoft Search counts it. */
      total: number;
    }
  /** Search was not possible (refused, not available): the preview covers the indexed libraries only, and says why. */
  | { searched: false; why: string };

/** Listing stops here; an event reaching more items than this outside the index is shown by its count. */
const listedAtMost = 2_000;

export interface EventReach {
  /** The `files` query the event will carry ('' when it names no asset id). */
  filesQuery: string;
  /** Labels bound to the event type: only their items start. */
  labelNames: readonly string[];
  eventType: { id: string; name?: string };
  events: readonly RetentionEventFact[];
}

/**
 * Purview applies an event to the whole tenant ("Start retention when an event occurs"): every item carrying a label
 * of the event's type whose `ComplianceAssetId` the query names, in any site. The disposition index covers the
 * libraries Custodian reads; this asks Microsoft Search (`searchListItems`) for the same items everywhere, so the
 * preview names those outside the index too. The search query is the event's own query restricted to the bound
 * labels, so it finds what the event will start, not a guess. An earlier event of the type that reached the same asset
 * id counts as having started the item (search keeps no labelling date to compare with).
 * Permission (least privileged, delegated): Sites.Read.All.
 */
export async function eventReachBeyondIndex(
  graph: GraphGateway,
  reach: EventReach,
  isIndexed: (key: string) => boolean,
  options: CallOptions = {}
): Promise<BeyondIndex> {
  if (!reach.labelNames.length) return { searched: true, items: [], alreadyStarted: [], truncated: false, total: 0 };
  const labels = `(${reach.labelNames.map((n) => kqlPropertyMatch(p.label, n)).join(' OR ')})`;
  const queryString = reach.filesQuery.trim() ? `(${reach.filesQuery}) AND ${labels}` : labels;
  const wantedLabels = new Set(reach.labelNames.map((n) => n.toLowerCase()));
  const items: BeyondIndexItem[] = [];
  const alreadyStarted: BeyondIndexItem[] = [];
  let total = 0;
  let truncated = false;
  try {
    for await (const page of searchListItems(
      graph,
      { queryString, fields: [p.label, p.assetId, p.listId, p.listItemId, p.title] },
      options
    )) {
      for (const hit of page.hits) {
        const labelName = hitText(hit, p.label);
        const named = hitListItem(hit);
        if (!hit.siteId || !named || !wantedLabels.has(labelName.toLowerCase())) continue;
        const key = itemKey({ siteId: hit.siteId, listId: named.listId, id: named.itemId });
        if (isIndexed(key)) continue;
        total++;
        const assetId = hitText(hit, p.assetId);
        const earlier = reach.events.find(
          (e) => sameEventType(reach.eventType, { id: e.eventTypeId, name: e.eventTypeName }) && eventReachesAsset(e, assetId || undefined)
        );
        const found: BeyondIndexItem = {
          key,
          name: hit.name ?? hitText(hit, p.title),
          webUrl: hit.webUrl ?? '',
          labelName,
          assetId,
          ...(earlier ? { alreadyStartedBy: earlier.displayName } : {})
        };
        if (items.length + alreadyStarted.length >= listedAtMost) truncated = true;
        else (earlier ? alreadyStarted : items).push(found);
      }
    }
  } catch (e) {
    if (e instanceof CustodianError && e.status !== 0 && e.status < 500 && e.status !== 429)
      return { searched: false, why: `Microsoft Search refused the search (${e.why})` };
    throw e;
  }
  return { searched: true, items, alreadyStarted, truncated, total };
}

/** How many items outside the index the event starts (those listed, and beyond the list, its share of `total`). */
export function startedBeyondIndex(beyond: BeyondIndex | undefined): number {
  if (!beyond || !beyond.searched) return 0;
  return beyond.truncated ? beyond.total - beyond.alreadyStarted.length : beyond.items.length;
}

/** Asset ids the search found outside the index (so they are not "unmatched"). */
export function assetIdsFoundBeyond(beyond: BeyondIndex | undefined): Set<string> {
  const out = new Set<string>();
  if (beyond?.searched) for (const i of [...beyond.items, ...beyond.alreadyStarted]) if (i.assetId) out.add(assetIdKey(i.assetId));
  return out;
}
