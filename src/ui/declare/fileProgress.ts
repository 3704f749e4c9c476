import type { FileEmailResult } from '../../core/services/fileEmail/fileEmail';
import type { FileOptions } from '../../core/services/fileEmail/MessageContext';
import { fileMessageSteps, type FileMessageStep } from '../../core/services/fileMessage/FileMessageResult';
import type { DeclareRequest, DeclareResultView } from './DeclareForm';
import type { StepProgress } from './model';

const fileStepLabels: Record<FileMessageStep, string> = {
  upload: 'Save the email as an .eml file in the records library',
  fields: "Save the email's details (from, to, sent, subject)",
  retentionLabel: 'Apply the retention label',
  attachments: 'File the attachments as records',
  category: 'Mark the email as filed in Outlook'
};

/** The planned steps of filing, in the order `fileMessage` runs them. */
export function plannedFileSteps(request: DeclareRequest, options: FileOptions = {}): StepProgress[] {
  return fileMessageSteps
    .filter((step) => step !== 'attachments' || options.includeAttachments === true)
    .map((step) => ({
      id: step,
      label: step === 'retentionLabel' ? `Apply the retention label "${request.retentionLabel}"` : fileStepLabels[step],
      state: 'pending' as const
    }));
}

/** `fileMessage`'s step outcomes as the progress list shows them. */
export function fileStepsFromResult(result: FileEmailResult, request: DeclareRequest, options: FileOptions = {}): StepProgress[] {
  const planned = plannedFileSteps(request, options);
  return planned.map((step): StepProgress => {
    const outcome = result.steps.find((s) => s.step === step.id);
    if (!outcome) return { ...step, state: 'skipped' };
    switch (outcome.status) {
      case 'done':
        return { ...step, state: 'done' };
      case 'unchanged':
        return {
          ...step,
          state: 'skipped',
          detail:
            step.id === 'attachments'
              ? result.attachments.length
                ? 'Already filed beside the first copy.'
                : 'The email has no attachments to file.'
              : result.status === 'alreadyFiled' && step.id !== 'category'
                ? 'Already filed: the first copy is kept.'
                : 'Already as asked: nothing to change.'
        };
      case 'failed':
        return { ...step, state: 'failed', ...(outcome.error ? { error: outcome.error } : {}) };
      case 'notAttempted':
        return { ...step, state: 'skipped', detail: 'Not sent, because an earlier step failed.' };
    }
  });
}

/** What the pane says after filing into `libraryName`: one sentence, the steps, and a link to the filed copy. */
export function filedView(
  libraryName: string,
  request: DeclareRequest,
  result: FileEmailResult,
  options: FileOptions = {}
): DeclareResultView {
  const steps = fileStepsFromResult(result, request, options);
  const name = result.item.name;
  const link = result.item.webUrl ? { link: { text: `Open ${name}`, href: result.item.webUrl } } : {};
  if (result.status === 'alreadyFiled') {
    const added = result.attachments.filter((a) => a.item && !a.error).length;
    return {
      summary: `This email was already filed as "${name}" in ${libraryName}. That first copy is kept: no second copy was made.${
        added ? ` ${added === 1 ? 'One attachment was' : `${added} attachments were`} filed beside it now.` : ''
      }`,
      steps,
      ...link
    };
  }
  return {
    summary:
      result.status === 'filed'
        ? `The email is filed as "${name}" in ${libraryName} with the label "${request.retentionLabel}".`
        : `Only part of the filing was done for "${name}": the steps below say which, and why.`,
    steps,
    ...link
  };
}
