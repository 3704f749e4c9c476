import type { RecordState } from '../../domain/recordRestrictions';
import type { RetentionEndResult } from '../../domain/retentionEnd';
import type { CustodianError } from '../../http/CustodianError';

/** `fields` is the Graph batch's columns; `peopleAndTerms` the person and managed metadata columns (SharePoint REST). */
export const declareSteps = ['fields', 'peopleAndTerms', 'retentionLabel', 'lock', 'sensitivityLabel'] as const;
export type DeclareStep = (typeof declareSteps)[number];

/**
 * One step's outcome: `done`; `unchanged` (already as asked, or not asked: no request); `failed` (with the
 * error); `notAttempted` (an earlier step failed, so it was not sent).
 */
export interface DeclareStepResult {
  step: DeclareStep;
  status: 'done' | 'unchanged' | 'failed' | 'notAttempted';
  error?: CustodianError;
}

export type DeclareRecordResult =
  /** Refused before any request: `error.code` is the domain's restriction code or the service's own. */
  | { status: 'refused'; error: CustodianError }
  | {
      /** `declared` when every step is done or unchanged, else `partial`. */
      status: 'declared' | 'partial';
      steps: DeclareStepResult[];
      /** The record state after the steps that were done. */
      record: RecordState;
      /** When retention ends under the label now on the item (absent when it has none). */
      retention?: RetentionEndResult;
    };
