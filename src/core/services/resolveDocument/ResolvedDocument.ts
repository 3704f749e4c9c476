import type { RecordAction, RecordState, RestrictionDecision } from '../../domain/recordRestrictions';
import type { DriveItemRef } from '../../graph/driveItems/DriveItemRef';
import type { ListRef } from '../../graph/listItems/ListRef';
import type { CustodianError } from '../../http/CustodianError';

/** A sensitivity label on the file, from Graph's `sensitivityLabelAssignment` (extractSensitivityLabels). */
export interface AppliedSensitivityLabel {
  sensitivityLabelId: string;
  /** `standard`, `privileged` (set by a person) or `auto`: who put it there. */
  assignmentMethod?: string;
}

/** A document found in SharePoint or OneDrive, with what Custodian needs to declare it. */
export interface ResolvedDocument {
  ref: DriveItemRef;
  name: string;
  webUrl: string;
  created: string;
  modified: string;
  /** The library item behind the file: where its columns are written, with the eTag it was read at. */
  listItem?: { list: ListRef; id: string; eTag: string; fields: Record<string, unknown> };
  retentionLabel: {
    name: string;
    appliedAt?: string;
    /** Who applied it, as Graph names them (`labelAppliedBy`): a display name, else an email address. */
    appliedBy?: string;
    isAppliedExplicitly?: boolean;
  } | null;
  record: RecordState;
  /** Every record action, allowed or refused with the reason, so the UI explains before anyone tries. */
  restrictions: Record<RecordAction, RestrictionDecision>;
  sensitivityLabels: AppliedSensitivityLabel[];
  /** Set when the sensitivity labels could not be read (an encrypted file, 423). */
  sensitivityLabelsError?: CustodianError;
}

export type NotResolvedReason = 'notSaved' | 'notSharePoint' | 'notFound' | 'noAccess';

export type ResolveDocumentResult =
  { found: true; document: ResolvedDocument } | { found: false; reason: NotResolvedReason; what: string; why: string; whatToDo: string };
