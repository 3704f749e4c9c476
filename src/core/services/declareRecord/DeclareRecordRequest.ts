import type { SensitivityLabel } from '@microsoft/microsoft-graph-types';
import type { FilePlanLabel } from '../../domain/filePlanLabel';
import type { RecordsTenantSettings } from '../../domain/recordRestrictions';
import type { WaitOptions } from '../../graph/waitForOperation';
import type { SharePointSite } from '../../sharepoint/createSharePoint';

/** A person column's value: someone of the organisation, by email address (their user principal name). */
export interface PersonFieldValue {
  kind: 'person';
  email: string;
}

/** A managed metadata column's value: a term of the column's term set. */
export interface TermFieldValue {
  kind: 'term';
  label: string;
  termId: string;
}

/**
 * A column value: text, choice, date (ISO 8601) and number as Graph's `fields` take them; a person or a term as a
 * typed value, written through SharePoint REST (`ValidateUpdateListItem`), since Graph cannot write them by name.
 */
export type DeclareFieldValue = string | number | boolean | null | PersonFieldValue | TermFieldValue;

/** True for a person or term value (written through SharePoint, not Graph). */
export function isTypedFieldValue(value: unknown): value is PersonFieldValue | TermFieldValue {
  if (typeof value !== 'object' || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  return kind === 'person' || kind === 'term';
}

/** What the person chose in the declare form; anything left out is left as it is. */
export interface DeclareRecordRequest {
  /** A sensitivity label id; `''` removes the label (then `justification` is required). */
  sensitivityLabelId?: string;
  /** A retention label's display name from the file plan. */
  retentionLabel?: string;
  /** Column values by internal name; a person or managed metadata column takes a typed value (`DeclareFieldValue`). */
  fields?: Record<string, DeclareFieldValue | unknown>;
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
  /**
   * The document's site through SharePoint REST (`createSharePoint(siteUrl)`): needed only when a person or managed
   * metadata column is set; without it such a declaration is refused before any request.
   */
  sharePoint?: SharePointSite;
  /**
   * Called once the declaration passes the record rules, before any change is sent; throws the hold refusal
   * (`CustodianError`) when a hold covers the document and the new label keeps it for less (`refuseHeldRelabel`).
   */
  refuseIfHeld?: () => Promise<void>;
}
