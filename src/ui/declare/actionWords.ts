import { isRecordBehavior } from '../../core/domain/behaviorDuringRetentionPeriod';
import type { FilePlanLabel } from '../../core/domain/filePlanLabel';

/** What the form's button says, and says while it works. */
export interface ActionWords {
  action: string;
  busy: string;
}

/**
 * The button names what it will do: an email is filed ("File as record" with a record label, "File" otherwise); a
 * document is declared a record, labelled, relabelled, or only has its changes saved when its label stays.
 * Before a label is chosen it names the pane's purpose.
 */
export function actionWords(
  noun: 'document' | 'email',
  chosen: FilePlanLabel | undefined,
  currentLabelName: string | undefined
): ActionWords {
  const record = chosen?.retention ? isRecordBehavior(chosen.retention.behavior) : chosen === undefined;
  if (noun === 'email') return record ? { action: 'File as record', busy: 'Filing…' } : { action: 'File', busy: 'Filing…' };
  if (chosen && currentLabelName !== undefined) {
    if (chosen.name.toLowerCase() === currentLabelName.toLowerCase()) return { action: 'Save changes', busy: 'Saving…' };
    return { action: 'Relabel', busy: 'Relabelling…' };
  }
  return record ? { action: 'Declare as record', busy: 'Declaring…' } : { action: 'Label', busy: 'Labelling…' };
}
