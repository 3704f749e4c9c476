import type { SecurityNamespace } from '@microsoft/microsoft-graph-types';
import type { CallOptions } from '../../graph/GraphCall';
import type { GraphGateway } from '../../graph/GraphGateway';
import { listRetentionEventTypes } from '../../graph/retentionEvents/listRetentionEventTypes';
import { assetIdsQuery } from './assetIdsQuery';
import type { DispositionIndex } from '../index/createDispositionIndex';
import type { IndexedItem } from '../index/IndexedItem';
import type { HoldCheckDeps } from '../holds/checkHolds';
import { eventRefused } from './eventErrors';
import { holdBackHeldItems, type HeldEventItem } from './holdBackHeldItems';

export interface RetentionEventRequest {
  displayName: string;
  description?: string;
  /** The event type by name ("Contract Expiry"), compared ignoring case, or by id. */
  eventType: string;
  /** The `ComplianceAssetId` values the event is about. Required: Purview starts every item of the type without them. */
  assetIds: readonly string[];
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
  /** The Purview query the event will carry (KQL over `ComplianceAssetId`). */
  filesQuery: string;
  /** Items whose retention the event starts now. */
  items: RetentionEventPreviewItem[];
  count: number;
  /** Items with a matching asset id whose retention an earlier event already started. */
  alreadyStarted: RetentionEventPreviewItem[];
  /** Asset ids that match no indexed item with a bound label (a typo, or items outside the indexed libraries). */
  unmatchedAssetIds: string[];
  /** Items the event will not start: a hold covers them or an item with the same asset id (with `holds` only). */
  held?: HeldEventItem[];
  /** The preview covers the indexed libraries only; Purview applies the event to the whole tenant. */
  indexedItemCount: number;
}

/**
 * Previews a retention event from the disposition index: the event type's bound labels, the items carrying one of
 * them and a named asset id (count and list), those an earlier event already started, and asset ids that match
 * nothing; with `holds`, the held items apart (an event must not start them). Refuses (as `CustodianError`, no request) what Custodian will not fire: no asset ids, or an asset id KQL
 * cannot express exactly (a double quote or a control character). Refresh the index first for a current list.
 * Permission (least privileged): RecordsManagement.Read.All.
 */
export async function previewRetentionEvent(
  graph: GraphGateway,
  index: DispositionIndex,
  request: RetentionEventRequest,
  options: CallOptions & {
    /** Custodian's holds and eDiscovery's: held items are listed in `held` and left out of the event's query. */
    holds?: HoldCheckDeps;
  } = {}
): Promise<RetentionEventPreview> {
  const assetIds = [...new Set(request.assetIds.map((a) => a.trim()).filter((a) => a !== ''))];
  if (!request.displayName.trim())
    throw eventRefused('eventNameRequired', 'The event has no name.', 'Give the event a name people will recognise in Purview.');
  if (!assetIds.length)
    throw eventRefused(
      'assetIdsRequired',
      'No asset id was given, and an event without asset ids starts the retention of every item labelled for its event type.',
      'Enter the asset ids (ComplianceAssetId) of the items the event is about.'
    );
  // eslint-disable-next-line no-control-regex
  const inexpressible = assetIds.filter((a) => /["\u0000-\u001f\u007f]/.test(a));
  if (inexpressible.length)
    throw eventRefused(
      'assetIdNotExpressible',
      `The asset id ${JSON.stringify(inexpressible[0])} holds a double quote or a control character, which a Purview event query cannot match exactly.`,
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
  const labelNames = (facts?.labels ?? [])
    .filter(
      (l) =>
        l.retention?.trigger === 'dateOfEvent' &&
        (l.retention.eventTypeId === type.id || l.retention.eventTypeName?.toLowerCase() === type.displayName?.toLowerCase())
    )
    .map((l) => l.name);
  const bound = new Set(labelNames.map((n) => n.toLowerCase()));
  const wantedIds = new Set(assetIds);
  const matched = new Set<string>();
  const items: RetentionEventPreviewItem[] = [];
  const alreadyStarted: RetentionEventPreviewItem[] = [];
  const events = facts?.events ?? [];
  for (const entry of index.entries()) {
    const { item } = entry;
    if (item.assetId === undefined || !wantedIds.has(item.assetId) || !bound.has((item.labelName ?? '').toLowerCase())) continue;
    matched.add(item.assetId);
    const earlier = events.find(
      (e) =>
        (e.eventTypeId === type.id || e.eventTypeName?.toLowerCase() === type.displayName?.toLowerCase()) &&
        e.assetIds.includes(item.assetId as string) &&
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
    items,
    count: items.length,
    alreadyStarted,
    unmatchedAssetIds: assetIds.filter((a) => !matched.has(a)),
    indexedItemCount: index.entries().length
  };
  if (!options.holds) return preview;
  const checked = await holdBackHeldItems(options.holds, preview);
  return { ...checked.preview, held: checked.held };
}
