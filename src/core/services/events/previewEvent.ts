import type { DispositionWorkspace, OpenedWorkspace } from '../disposition/dispositionWorkspace';
import { previewRetentionEvent, type RetentionEventPreviewItem, type RetentionEventRequest } from './previewRetentionEvent';
import type { PreviewStore } from './PreviewStore';
import type { HeldEventItem } from './holdBackHeldItems';
import type { BeyondIndex, BeyondIndexItem } from './eventReachBeyondIndex';

export interface EventsDeps {
  workspace: DispositionWorkspace;
  previews: PreviewStore;
}

export interface EventPreviewItem {
  key: string;
  name: string;
  labelName: string;
  assetId: string;
  siteName: string;
  /** The earlier event that already started this item's retention. */
  alreadyStartedBy?: string;
  /** The holds that keep the event from starting this item (the names a person recognises). */
  heldBy?: string[];
  /** Held back only because a held item carries the same asset id. */
  sharesAssetIdWithHeld?: boolean;
  /** Where to open it: items outside the indexed libraries, found by Microsoft Search. */
  webUrl?: string;
}

/** What the event starts outside the indexed libraries (`count` includes it), or why that could not be searched. */
export type EventBeyondIndex =
  { items: EventPreviewItem[]; alreadyStarted: EventPreviewItem[]; truncated: boolean; total: number } | { unavailable: string };

/** What an event will do, shown before it is fired. `id` names the preview when it is fired. */
export interface PreviewedEvent {
  id: string;
  /** The request as previewed: asset ids trimmed, without duplicates. */
  request: RetentionEventRequest;
  eventTypeName: string;
  labelNames: string[];
  /** The Purview query the event will carry. */
  query: string;
  /** The query names no asset id: every item labelled for the type would start (Custodian will not fire it). */
  startsEveryItemOfType?: true;
  count: number;
  items: EventPreviewItem[];
  alreadyStarted: EventPreviewItem[];
  /** Items the event will not start while a hold covers them (or an item with the same asset id). */
  held?: EventPreviewItem[];
  unmatchedAssetIds: string[];
  indexedItemCount: number;
  beyondIndex?: EventBeyondIndex;
}

/** The site part of an item's URL (`/sites/legal`), where the index cannot name its site. */
function siteOfUrl(webUrl: string): string {
  try {
    return /^\/(?:sites|teams|personal)\/[^/]+/.exec(decodeURI(new URL(webUrl).pathname))?.[0] ?? new URL(webUrl).host;
  } catch {
    return '';
  }
}

const beyondItem = (b: BeyondIndexItem): EventPreviewItem => ({
  key: b.key,
  name: b.name,
  labelName: b.labelName,
  assetId: b.assetId,
  siteName: siteOfUrl(b.webUrl),
  webUrl: b.webUrl,
  ...(b.alreadyStartedBy ? { alreadyStartedBy: b.alreadyStartedBy } : {})
});

function beyondIndexOf(beyond: BeyondIndex | undefined): EventBeyondIndex | undefined {
  if (!beyond) return undefined;
  if (!beyond.searched) return { unavailable: beyond.why };
  return {
    items: beyond.items.map(beyondItem),
    alreadyStarted: beyond.alreadyStarted.map(beyondItem),
    truncated: beyond.truncated,
    total: beyond.total
  };
}

const previewItem = (s: OpenedWorkspace, p: RetentionEventPreviewItem | HeldEventItem): EventPreviewItem => ({
  key: p.key,
  name: p.item.name,
  labelName: p.item.labelName ?? '',
  assetId: p.item.assetId ?? '',
  siteName: s.placeOf(p.key).siteName,
  ...(p.alreadyStartedBy ? { alreadyStartedBy: p.alreadyStartedBy } : {}),
  ...('holds' in p ? { heldBy: p.holds.map((h) => h.name), sharesAssetIdWithHeld: p.sharesAssetIdWithHeld } : {})
});

/** Previews a retention event on a freshly refreshed index and keeps the preview, to be fired by its id. */
export async function previewEvent(deps: EventsDeps, request: RetentionEventRequest): Promise<PreviewedEvent> {
  const { workspace, previews } = deps;
  const s = await workspace.ready();
  await s.index.refresh({ now: await workspace.now() });
  // Custodian's holds and eDiscovery legal holds: a held item is listed, and the fired event does not start it.
  const preview = await previewRetentionEvent(workspace.graph, s.index, request, {
    holds: { graph: workspace.graph, register: async () => s.review.holds, legalHolds: () => s.review.legalHolds() },
    searchBeyondIndex: true
  });
  const id = globalThis.crypto.randomUUID();
  previews.set(id, preview);
  return {
    id,
    request: { ...request, assetIds: [...preview.request.assetIds] },
    eventTypeName: preview.eventType.displayName,
    labelNames: preview.labelNames,
    query: preview.filesQuery,
    ...(preview.startsEveryItemOfType ? { startsEveryItemOfType: true as const } : {}),
    count: preview.count,
    items: preview.items.map((p) => previewItem(s, p)),
    alreadyStarted: preview.alreadyStarted.map((p) => previewItem(s, p)),
    held: (preview.held ?? []).map((p) => previewItem(s, p)),
    unmatchedAssetIds: preview.unmatchedAssetIds,
    indexedItemCount: preview.indexedItemCount,
    ...(preview.beyondIndex ? { beyondIndex: beyondIndexOf(preview.beyondIndex) } : {})
  };
}
