import type { RecordSearchRow } from '../../core/services/search/RecordSearch';

/**
 * What the Dispositions app asks of the core: one object, built once per sign-in by the composition root
 * (src/teams/index.tsx), so the app and its tests never see a gateway, a URL or fetch. Every type here is a
 * plain view of what the core services return, shaped for the screen.
 */

/** A hold that covers an item: Custodian's own, or an eDiscovery legal hold on its site. */
export interface HoldRef {
  source: 'custodian' | 'ediscovery';
  id: string;
  name: string;
}

export interface StageInfo {
  name: string;
  reviewers: string[];
}

/** An item whose retention has ended and whose label asks for a review. */
export interface QueueItem {
  /** `siteId|listId|itemId`: the item's id across libraries, and its deep link. */
  key: string;
  name: string;
  title?: string;
  webUrl?: string;
  labelName: string;
  siteId: string;
  siteName: string;
  libraryName: string;
  created: string;
  modified?: string;
  labelledAt?: string;
  assetId?: string;
  isRecord: boolean;
  /** Business columns (Department, DocumentType, ReferenceNumber...), as text. */
  columns: Record<string, string>;
  /** When retention ended (UTC ISO 8601). */
  retentionEndedAt: string;
  /** The stages the label defines, with reviewers added during the review. */
  stages: StageInfo[];
  /** 1-based. */
  currentStage: number;
  status: 'pendingReview' | 'extended' | 'relabelled' | 'approvedForDisposal';
  extendedUntil?: string;
  holds: HoldRef[];
}

export interface LabelOption {
  name: string;
  /** What happens when retention ends. */
  action: 'none' | 'delete' | 'startDispositionReview';
  isRecord: boolean;
  eventTypeName?: string;
  descriptors: {
    department?: string;
    category?: string;
    subcategory?: string;
    authority?: string;
    referenceId?: string;
    citation?: string;
  };
}

export interface SiteOption {
  id: string;
  name: string;
}

/** The queue as of the tenant's `now`, with what the filters offer. */
export interface QueueSnapshot {
  now: string;
  /** Who decides (the signed-in user's address). */
  user: string;
  items: QueueItem[];
  labels: LabelOption[];
  sites: SiteOption[];
  /** Every item indexed, in the queue or not. */
  indexedCount: number;
}

/** A decision as the reviewer makes it; the signed-in user decides. */
export type ReviewDecision =
  | { kind: 'approve'; justification: string }
  | { kind: 'relabel'; justification: string; labelName: string }
  | { kind: 'extend'; justification: string; until: string }
  | { kind: 'addReviewer'; justification: string; reviewer: string };

export type DecisionOutcome =
  | {
      key: string;
      name: string;
      ok: true;
      outcome: 'nextStage' | 'disposed' | 'relabelled' | 'extended' | 'reviewerAdded';
      /** The proof register entry the decision added. */
      sequence: number;
    }
  | { key: string; name: string; ok: false; error: unknown };

/** One entry of the proof register. */
export interface RegisterEntryView {
  sequence: number;
  recordedAt: string;
  kind: 'decision' | 'hold';
  /** The item key or the hold id. */
  subject: string;
  subjectName: string;
  action: string;
  stage: number;
  by: string;
  justification: string;
  outcome: string;
  detail: Record<string, string>;
  hash: string;
  previousHash: string;
}

export type RegisterVerificationView =
  | { ok: true; count: number; headHash: string; anchoredSequence?: number }
  | {
      ok: false;
      problem: 'altered' | 'removed' | 'inserted' | 'reordered';
      reason: string;
      entry?: { sequence: number; subjectName: string };
    };

export interface RegisterView {
  entries: RegisterEntryView[];
  verification: RegisterVerificationView;
}

/** An item as the index knows it, in the queue or not (a deep link may name any item). */
export interface ItemDetailsView {
  key: string;
  name: string;
  title?: string;
  webUrl?: string;
  labelName?: string;
  siteName: string;
  libraryName: string;
  created: string;
  modified?: string;
  labelledAt?: string;
  assetId?: string;
  isRecord: boolean;
  columns: Record<string, string>;
  /** The retention as the domain decides it, in words: "Ended on 2026-01-04 (review)". */
  retention: string;
  /** The item's entry in the queue, when it waits for review. */
  queued?: QueueItem;
  /** Decisions on the item, from the proof register, oldest first. */
  history: RegisterEntryView[];
}

export interface HoldView {
  holdId: string;
  name: string;
  reason: string;
  state: 'active' | 'released';
  createdBy: string;
  createdAt: string;
  releasedBy?: string;
  releasedAt?: string;
  /** Item keys the hold covers. */
  items: string[];
  /** Site ids the hold covers. */
  sites: string[];
}

export interface EventTypeOption {
  id: string;
  name: string;
  /** Labels bound to the type: only their items can start. */
  labelNames: string[];
}

export interface RetentionEventRequest {
  /** The event type's name or id. */
  eventType: string;
  displayName: string;
  description?: string;
  assetIds: string[];
  /** When retention starts (ISO 8601); the moment the event is created when absent. */
  eventDate?: string;
}

export interface EventPreviewItem {
  key: string;
  name: string;
  labelName: string;
  assetId: string;
  siteName: string;
  /** The earlier event that already started this item's retention. */
  alreadyStartedBy?: string;
}

/** What an event will do, shown before it is fired. `id` names the preview when it is fired. */
export interface RetentionEventPreviewView {
  id: string;
  request: RetentionEventRequest;
  eventTypeName: string;
  labelNames: string[];
  /** The Purview query the event will carry. */
  query: string;
  count: number;
  items: EventPreviewItem[];
  alreadyStarted: EventPreviewItem[];
  unmatchedAssetIds: string[];
  indexedItemCount: number;
}

export interface RetentionEventFired {
  eventId: string;
  displayName: string;
  /** The items whose retention the event started, with the end the domain now decides. */
  started: { key: string; name: string; assetId: string; retentionEndsAt?: string }[];
}

export interface ForecastMonthView {
  /** `YYYY-MM`. */
  month: string;
  total: number;
  review: number;
  delete: number;
  none: number;
}

/** An information request: every condition given must hold. */
export interface RecordSearchRequest {
  labels?: string[];
  descriptor?: {
    department?: string;
    category?: string;
    subcategory?: string;
    authority?: string;
    referenceId?: string;
    citation?: string;
  };
  assetId?: string;
  created?: { from?: string; to?: string };
  modified?: { from?: string; to?: string };
  labelled?: { from?: string; to?: string };
  /** Start of the title or file name. */
  text?: string;
}

/** A found record as the tab shows it: the core's row, with the site's name in place of its ids. */
export type RecordSearchRowView = Omit<RecordSearchRow, 'siteId' | 'listId' | 'itemId'> & { siteName: string };

export interface RecordSearchResultView {
  rows: RecordSearchRowView[];
  truncated: boolean;
  note?: string;
  /** The result as CSV (formula injection neutralised), ready to download. */
  csv: string;
}

/** Demo mode only: the dev tenant's clock, moved forward so retention ends while a person watches. */
export interface DemoControls {
  /** "Priya Raman (records manager)". */
  persona: string;
  /** The tenant's current time (UTC ISO 8601). */
  now(): Promise<string>;
  /** Moves the tenant's clock forward and gives the new time (UTC ISO 8601). */
  advanceClock(days: number): Promise<string>;
}

export interface DispositionsServices {
  /** Brings the index up to date and gives the queue at the tenant's current time. */
  loadQueue(signal?: AbortSignal): Promise<QueueSnapshot>;
  /** One item by key (deep links), with its history from the register. */
  item(key: string, signal?: AbortSignal): Promise<ItemDetailsView | undefined>;
  /** Records one decision per item, one after another, reporting each as it is made. */
  decide(keys: readonly string[], decision: ReviewDecision, onResult?: (result: DecisionOutcome) => void): Promise<DecisionOutcome[]>;
  holds(signal?: AbortSignal): Promise<HoldView[]>;
  createHold(input: { name: string; reason: string }): Promise<HoldView>;
  addToHold(input: { holdId: string; items?: string[]; sites?: string[]; justification: string }): Promise<void>;
  releaseHold(input: { holdId: string; justification: string }): Promise<void>;
  eventTypes(signal?: AbortSignal): Promise<EventTypeOption[]>;
  previewEvent(request: RetentionEventRequest): Promise<RetentionEventPreviewView>;
  /** Fires a previewed event; `confirmedCount` must be the preview's count. Cannot be undone. */
  fireEvent(previewId: string, confirmedCount: number): Promise<RetentionEventFired>;
  /** The proof register, verified against its anchored head. */
  register(signal?: AbortSignal): Promise<RegisterView>;
  /** Items reaching the end of retention per month, for `months` months from the tenant's current month. */
  forecast(months: number, signal?: AbortSignal): Promise<ForecastMonthView[]>;
  search(request: RecordSearchRequest, signal?: AbortSignal): Promise<RecordSearchResultView>;
  /** Present in demo mode only. */
  demo?: DemoControls;
}
