import { filePlanLabelSchema, type DispositionStageDefinition, type FilePlanLabel } from './filePlanLabel';
import type { RetentionLabelUpdateBody } from './graphRetentionLabelBodies';
import type { RetentionDuration } from './retentionDuration';
import { graphDispositionReviewStages, graphRetentionDuration } from './retentionLabelToGraphCreateBody';

export type PlanRetentionLabelUpdateResult =
  { ok: true; body: RetentionLabelUpdateBody; changed: boolean } | { ok: false; reasons: string[] };

const sameDuration = (a: RetentionDuration, b: RetentionDuration): boolean =>
  a.kind === b.kind && (a.kind === 'forever' || a.days === (b as { days: number }).days);

const durationDays = (duration: RetentionDuration): number => (duration.kind === 'forever' ? Infinity : duration.days);

const sameStage = (a: DispositionStageDefinition, b: DispositionStageDefinition): boolean =>
  a.name === b.name && a.reviewers.length === b.reviewers.length && a.reviewers.every((reviewer, index) => reviewer === b.reviewers[index]);

/**
 * Works out the `PATCH /security/labels/retentionLabels/{id}` body that turns a saved label into the
 * desired one, or why Purview would refuse. After a label is saved Purview keeps its name, whether it
 * marks records, its trigger, end action and event type; the period can change, except for labels
 * counted from when they were applied; a regulatory record's period can only grow. Graph can patch
 * only descriptions, the period, review stages, the record lock default and the relabel target.
 *
 * @example planRetentionLabelUpdate(saved, { ...saved, descriptionForUsers: 'Keep 7 years' })
 * // { ok: true, changed: true, body: { descriptionForUsers: 'Keep 7 years' } }
 */
export function planRetentionLabelUpdate(current: FilePlanLabel, desired: FilePlanLabel): PlanRetentionLabelUpdateResult {
  const checked = filePlanLabelSchema.safeParse(desired);
  if (!checked.success) {
    return { ok: false, reasons: checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
  }
  const reasons: string[] = [];
  const body: RetentionLabelUpdateBody = {};
  if (desired.name !== current.name) reasons.push("A retention label's name cannot be changed after it is saved.");
  if (JSON.stringify(desired.descriptors) !== JSON.stringify(current.descriptors)) {
    reasons.push('Graph cannot change file plan descriptors of a saved label; change them in the Purview portal.');
  }
  if (desired.descriptionForAdmins !== current.descriptionForAdmins) body.descriptionForAdmins = desired.descriptionForAdmins ?? '';
  if (desired.descriptionForUsers !== current.descriptionForUsers) body.descriptionForUsers = desired.descriptionForUsers ?? '';

  const before = current.retention;
  const after = desired.retention;
  if (before === null || after === null) {
    if (before !== after) reasons.push('Retention settings cannot be added to or removed from a saved label.');
  } else {
    if (after.behavior !== before.behavior) {
      reasons.push('Whether a label retains, marks records or marks regulatory records cannot be changed after it is saved.');
    }
    if (after.trigger !== before.trigger) reasons.push('When the retention period starts cannot be changed after the label is saved.');
    if (after.action !== before.action) reasons.push('What happens at the end of the period cannot be changed after the label is saved.');
    if (after.eventTypeName !== before.eventTypeName || after.eventTypeId !== before.eventTypeId) {
      reasons.push("A label's event type cannot be changed after it is saved.");
    }
    if (!sameDuration(after.duration, before.duration)) {
      if (before.trigger === 'dateLabeled') {
        reasons.push('The period of a label counted from when it was applied cannot be changed after it is saved.');
      } else if (before.behavior === 'retainAsRegulatoryRecord' && durationDays(after.duration) < durationDays(before.duration)) {
        reasons.push("A regulatory record label's retention period can only be made longer.");
      } else {
        body.retentionDuration = graphRetentionDuration(after.duration);
      }
    }
    if (after.defaultRecordBehavior !== before.defaultRecordBehavior && after.defaultRecordBehavior !== undefined) {
      body.defaultRecordBehavior = after.defaultRecordBehavior;
    }
    if (after.labelToBeApplied !== before.labelToBeApplied && after.labelToBeApplied !== undefined) {
      body.labelToBeApplied = after.labelToBeApplied;
    }
    const stagesChanged =
      after.dispositionStages.length !== before.dispositionStages.length ||
      after.dispositionStages.some((stage, index) => !sameStage(stage, before.dispositionStages[index]));
    if (stagesChanged) {
      const renamedOrRemoved = before.dispositionStages.some(
        (stage, index) => after.dispositionStages[index] === undefined || after.dispositionStages[index].name !== stage.name
      );
      if (renamedOrRemoved) {
        reasons.push(
          'Saved review stages cannot be renamed, reordered or removed; you can change their reviewers or add stages after them.'
        );
      } else {
        body.dispositionReviewStages = graphDispositionReviewStages(after);
      }
    }
  }
  if (reasons.length > 0) return { ok: false, reasons };
  return { ok: true, body, changed: Object.keys(body).length > 0 };
}
