import type { DeclareStep } from '../../core/services/declareRecord/DeclareRecordResult';
import type { DeclareDocumentResult, SentDeclaration } from '../../core/services/declare/declareDocument';
import type { DeclareRequest } from '../../core/services/declare/DeclareRequest';
import type { RecordStatus } from '../../core/services/declare/RecordStatus';
import type { DeclareResultView } from './DeclareForm';
import type { StepProgress } from './model';

/** A declaration's result, with what the document is now (the status card shows it without reading it again). */
export interface DeclaredView extends DeclareResultView {
  status?: RecordStatus;
}

/** The lock step says which way it goes: an unlock is never reported as "Lock the record". */
export function lockStepLabel(lock: boolean): string {
  return lock ? 'Lock the record' : 'Unlock the record';
}

function stepLabel(step: DeclareStep, request: Pick<DeclareRequest, 'lock'>): string {
  switch (step) {
    case 'fields':
      return 'Save the metadata';
    case 'peopleAndTerms':
      return 'Save the people and terms';
    case 'retentionLabel':
      return 'Apply the retention label';
    case 'lock':
      return lockStepLabel(request.lock);
    case 'sensitivityLabel':
      return 'Apply the classification';
  }
}

/** The steps a declaration asks for, as the progress list shows them while they are sent. */
export function runningDeclareSteps(asked: readonly DeclareStep[], request: Pick<DeclareRequest, 'lock'>): StepProgress[] {
  return asked.map((step) => ({ id: step, label: stepLabel(step, request), state: 'running' as const }));
}

/** The service's step outcomes as the progress list shows them; steps not asked for are left out. */
export function stepsFromResult(
  result: SentDeclaration,
  asked: ReadonlySet<DeclareStep>,
  request: Pick<DeclareRequest, 'lock'>
): StepProgress[] {
  return result.steps
    .filter((s) => asked.has(s.step) || s.status === 'done' || s.status === 'failed')
    .map((s): StepProgress => {
      const label = stepLabel(s.step, request);
      switch (s.status) {
        case 'done':
          return { id: s.step, label, state: 'done' };
        case 'unchanged':
          return { id: s.step, label, state: 'skipped', detail: 'Already as asked: nothing to change.' };
        case 'failed':
          return { id: s.step, label, state: 'failed', ...(s.error ? { error: s.error } : {}) };
        case 'notAttempted':
          return { id: s.step, label, state: 'skipped', detail: 'Not sent, because an earlier step failed.' };
      }
    });
}

/** What the pane says after declaring `name`: one sentence, the steps as they ended, and the document's new status. */
export function declaredView(name: string, request: DeclareRequest, result: DeclareDocumentResult): DeclaredView {
  const { sent } = result;
  const isRecord = sent.record.behavior === 'retainAsRecord' || sent.record.behavior === 'retainAsRegulatoryRecord';
  return {
    summary:
      sent.status === 'declared'
        ? isRecord
          ? `"${name}" is now ${sent.record.isLocked ? 'a locked' : 'an unlocked'} record with the label "${request.retentionLabel}".`
          : `"${name}" now has the label "${request.retentionLabel}".`
        : `Only part of the change was applied to "${name}": the steps below say which, and why.`,
    ...(sent.retention ? { retentionEnd: sent.retention } : {}),
    steps: stepsFromResult(sent, new Set(result.asked), request),
    status: result.status
  };
}
