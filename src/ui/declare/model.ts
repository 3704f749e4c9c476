import type { SensitivityOption } from '../../core/services/filePlan/sensitivityOptions';

// What a document is, and the classifications offered, are the declare use case's results; the steps are the view's.
export type { AppliedRetentionLabel, RecordStatus } from '../../core/services/declare/RecordStatus';
export type { SensitivityOption } from '../../core/services/filePlan/sensitivityOptions';

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
