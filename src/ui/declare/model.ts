import type { RecordState } from '../../core/domain/recordRestrictions';
import type { RetentionEndResult } from '../../core/domain/retentionEnd';

/**
 * A sensitivity (classification) label the user may choose. `rank` follows the tenant's label order: a
 * higher rank is more sensitive, so moving to a lower rank (or to none) is a downgrade that needs a reason.
 */
export interface SensitivityOption {
  id: string;
  name: string;
  description?: string;
  rank: number;
}

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

export type StepState = 'pending' | 'running' | 'done' | 'failed' | 'skipped';

/** One step of declaring or filing, as the progress list shows it. */
export interface StepProgress {
  id: string;
  /** What the step does, in the user's words: "Apply the retention label". */
  label: string;
  state: StepState;
  /** A short note: why it was skipped, or what it produced. */
  detail?: string;
  /** The failure, shown with its cause and what to do. */
  error?: unknown;
}

/** Whether `to` lowers the classification from `from`: a lower rank, or no label at all where there was one. */
export function isSensitivityDowngrade(from: SensitivityOption | null | undefined, to: SensitivityOption | null | undefined): boolean {
  if (!from) return false;
  if (!to) return true;
  return to.rank < from.rank;
}
