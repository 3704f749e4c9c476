import type { SensitivityLabel } from '@microsoft/microsoft-graph-types';
import type { FilePlanLabel } from '../../domain/filePlanLabel';
import type { RecordsTenantSettings } from '../../domain/recordRestrictions';
import type { WaitOptions } from '../../graph/waitForOperation';

/** What the person chose in the declare form; anything left out is left as it is. */
export interface DeclareRecordRequest {
  /** A sensitivity label id; `''` removes the label (then `justification` is required). */
  sensitivityLabelId?: string;
  /** A retention label's display name from the file plan. */
  retentionLabel?: string;
  /** Column values by internal name. */
  fields?: Record<string, unknown>;
  /** True locks the record, false unlocks it. */
  lock?: boolean;
  /** Why a sensitivity label is lowered or removed (Microsoft requires it then). */
  justification?: string;
}

/** What the service needs besides the request: the labels already loaded for the form, and the time. */
export interface DeclareRecordContext extends WaitOptions {
  /** The file plan (retention labels), as the form offered it. */
  filePlan: readonly FilePlanLabel[];
  /** The sensitivity labels (with sublabels), as the form offered them; needed when one is chosen. */
  sensitivityLabels?: readonly SensitivityLabel[];
  /** Now, in ms since the epoch: the labelled date retention counts from when the answer lacks one. */
  now: number;
  settings?: RecordsTenantSettings;
  actor?: { isContainerAdmin: boolean };
}
