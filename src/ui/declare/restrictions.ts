import { isRecordBehavior } from '../../core/domain/behaviorDuringRetentionPeriod';
import type { FilePlanLabel } from '../../core/domain/filePlanLabel';
import {
  describeRestrictions,
  type RecordAction,
  type RecordState,
  type RecordsTenantSettings
} from '../../core/domain/recordRestrictions';

/** The actions people notice, in the order the notice lists them. */
const noticeActions: readonly RecordAction[] = ['editContent', 'editProperties', 'delete', 'move', 'relabel', 'removeLabel', 'unlock'];

/** Codes that say "nothing to do" rather than "blocked". */
const notABlock = new Set(['alreadyLocked', 'alreadyUnlocked', 'notARecord', 'noLabelToRemove']);

/** The record state an item will have once `label` is applied (and locked, if asked). */
export function stateAfterApplying(label: FilePlanLabel, lock: boolean): RecordState {
  const behavior = label.retention?.behavior ?? null;
  const record = behavior !== null && isRecordBehavior(behavior);
  return { behavior, isLocked: behavior === 'retainAsRegulatoryRecord' ? true : record && lock };
}

/** Whether applying the label makes a record that starts locked unless the user says otherwise. */
export function startsLocked(label: FilePlanLabel): boolean {
  const r = label.retention;
  if (!r || !isRecordBehavior(r.behavior)) return false;
  return r.behavior === 'retainAsRegulatoryRecord' || r.defaultRecordBehavior !== 'startUnlocked';
}

/**
 * What applying `label` will block, as the domain's record restrictions decide it: one reason per
 * blocked action, said before anything is applied.
 */
export function whatTheLabelBlocks(
  label: FilePlanLabel,
  lock: boolean,
  settings?: RecordsTenantSettings,
  actor?: { isContainerAdmin: boolean }
): { action: RecordAction; reason: string }[] {
  const decisions = describeRestrictions(stateAfterApplying(label, lock), settings, actor);
  const blocked: { action: RecordAction; reason: string }[] = [];
  for (const action of noticeActions) {
    const decision = decisions[action];
    if (!decision.allowed && !notABlock.has(decision.code)) blocked.push({ action, reason: decision.reason });
  }
  return blocked;
}
