import type { FilePlanLabel } from '../../domain/filePlanLabel';
import { retentionEnd } from '../../domain/retentionEnd';
import type { DeclareRecordResult, DeclareStep } from '../declareRecord/DeclareRecordResult';
import type { SensitivityOption } from '../filePlan/sensitivityOptions';
import type { ResolvedDocument } from '../resolveDocument/ResolvedDocument';
import type { DeclareRequest } from './DeclareRequest';
import type { RecordStatus } from './RecordStatus';

/**
 * What a document is as it was read: its classification (named from the options), its retention label and record
 * state, and when retention ends under that label (`retentionEnd`, counted from when it was labelled).
 */
export function documentStatus(
  document: ResolvedDocument,
  labels: readonly FilePlanLabel[],
  options: readonly SensitivityOption[] | undefined,
  location: string | undefined
): RecordStatus {
  const currentId = document.sensitivityLabels[0]?.sensitivityLabelId ?? undefined;
  const applied = document.retentionLabel;
  const appliedLabel = applied ? labels.find((l) => l.name.toLowerCase() === applied.name.toLowerCase()) : undefined;
  return {
    itemName: document.name,
    ...(location ? { location } : {}),
    classification: document.sensitivityLabelsError
      ? undefined
      : currentId
        ? { id: currentId, name: options?.find((o) => o.id === currentId)?.name ?? currentId }
        : null,
    retentionLabel: applied
      ? {
          name: applied.name,
          ...(applied.appliedAt ? { appliedAt: applied.appliedAt } : {}),
          ...(applied.appliedBy ? { appliedBy: applied.appliedBy } : {}),
          ...(applied.isAppliedExplicitly !== undefined ? { isExplicit: applied.isAppliedExplicitly } : {})
        }
      : null,
    state: document.record,
    ...(appliedLabel
      ? {
          retentionEnd: retentionEnd(
            appliedLabel,
            { created: document.created, modified: document.modified || undefined, labelled: applied?.appliedAt ?? document.modified },
            labels
          )
        }
      : {})
  };
}

/**
 * What the document is after a declaration, from the service's result: the label where its step was done, the
 * record state the service reports, the classification where it was set, and when retention now ends.
 */
export function statusAfterDeclare(
  before: RecordStatus,
  options: readonly SensitivityOption[] | undefined,
  request: DeclareRequest,
  result: Extract<DeclareRecordResult, { steps: unknown }>,
  now: string
): RecordStatus {
  const done = (step: DeclareStep): boolean => result.steps.some((s) => s.step === step && s.status === 'done');
  const relabelled = done('retentionLabel');
  const classification =
    done('sensitivityLabel') && request.sensitivityLabelId !== undefined
      ? request.sensitivityLabelId === ''
        ? null
        : {
            id: request.sensitivityLabelId,
            name: options?.find((o) => o.id === request.sensitivityLabelId)?.name ?? request.sensitivityLabelId
          }
      : before.classification;
  const retentionEnd = result.retention ?? (relabelled ? undefined : before.retentionEnd);
  // The old label's end never shows under a new label: without a new end, the card shows none.
  const { retentionEnd: _previousEnd, ...unchanged } = before;
  return {
    ...unchanged,
    classification,
    retentionLabel: relabelled ? { name: request.retentionLabel, appliedAt: now, isExplicit: true } : before.retentionLabel,
    state: { ...result.record },
    ...(retentionEnd ? { retentionEnd } : {})
  };
}
