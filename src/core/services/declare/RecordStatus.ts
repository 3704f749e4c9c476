import type { RecordState } from '../../domain/recordRestrictions';
import type { RetentionEndResult } from '../../domain/retentionEnd';

/** The retention label an item carries, as Graph's `itemRetentionLabel` reports it. */
export interface AppliedRetentionLabel {
  name: string;
  /** Display name (or address) of who applied it. */
  appliedBy?: string;
  /** ISO 8601. */
  appliedAt?: string;
  /** False when it came from the library's or folder's default. */
  isExplicit?: boolean;
}

/** What a document or message is right now: the status card shows it. */
export interface RecordStatus {
  itemName: string;
  /** Where it lives, for people: "Contracts, Legal". */
  location?: string;
  /** The sensitivity label; null when none, undefined when it could not be read. */
  classification?: { id: string; name: string } | null;
  retentionLabel: AppliedRetentionLabel | null;
  /** Record behaviour and lock, as the record restrictions read them. */
  state: RecordState;
  /** When retention ends, from the domain's `retentionEnd`; absent when unknown. */
  retentionEnd?: RetentionEndResult;
}
