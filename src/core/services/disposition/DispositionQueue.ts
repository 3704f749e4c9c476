import type { HoldOnItem } from '../holds/holdRegister';
import type { ItemFacts } from './ItemFacts';

export interface StageInfo {
  name: string;
  reviewers: string[];
}

/** An item whose retention has ended and whose label asks for a review. */
export interface QueueItem extends ItemFacts {
  labelName: string;
  siteId: string;
  /** When retention ended (UTC ISO 8601). */
  retentionEndedAt: string;
  /** The stages the label defines, with reviewers added during the review. */
  stages: StageInfo[];
  /** 1-based. */
  currentStage: number;
  status: 'pendingReview' | 'extended' | 'relabelled' | 'approvedForDisposal';
  extendedUntil?: string;
  /** Custodian's own holds and eDiscovery legal holds on the item's site. */
  holds: HoldOnItem[];
  /** Its final approval did not finish the disposal: it is still there, and approving it again finishes it. */
  interruptedDisposal?: true;
}

/** A retention label as the queue's filters, the relabel decision and the search offer it. */
export interface LabelOption {
  name: string;
  /** What happens when retention ends. */
  action: 'none' | 'delete' | 'startDispositionReview';
  isRecord: boolean;
  /** A regulatory record label: Custodian cannot dispose of its items (Graph and SharePoint refuse; Purview does it). */
  isRegulatory?: true;
  eventTypeName?: string;
  descriptors: DescriptorNames;
}

/** A label's file plan descriptors by name, as the queue's filters show them and a search asks for them. */
export interface DescriptorNames {
  department?: string;
  category?: string;
  subcategory?: string;
  authority?: string;
  referenceId?: string;
  citation?: string;
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
