import { z } from 'zod';
import type { DispositionStepResult } from './dispositionReview';
import { dispositionStageDefinitionSchema, type FilePlanLabel, type RetentionSettings } from './filePlanLabel';
import { purviewLimits } from './purviewLimits';
import { retentionEnd, type RetentionItemDates } from './retentionEnd';
import { parseUtcInstant, utcDate, type InstantInput } from './utcInstant';

const stagesSchema = z
  .array(dispositionStageDefinitionSchema)
  .min(1, 'The label has no review stage.')
  .max(purviewLimits.dispositionStagesMax, `A label can have at most ${purviewLimits.dispositionStagesMax} review stages.`);

/**
 * Puts an item into disposition review once its retention has ended: the label in force at the end
 * (after any relabelling) must start a review, and `now` must be at or after the end. The review
 * starts at stage 1 with the label's stages (at most 5, each with 1 to 10 reviewers).
 *
 * @example startDispositionReview({ itemId: '42', label, item: { created: '2017-01-01T00:00:00Z', labelled: '2017-01-02T00:00:00Z' }, now: '2024-06-01T00:00:00Z' })
 * // { ok: true, review: { status: 'pendingReview', currentStage: 1, ... } }
 */
export function startDispositionReview(input: {
  itemId: string;
  label: FilePlanLabel;
  item: RetentionItemDates;
  /** Every label, so that relabel chains can be followed. */
  labels?: readonly FilePlanLabel[];
  now: InstantInput;
}): DispositionStepResult {
  const now = parseUtcInstant(input.now);
  if (now === undefined) return { ok: false, code: 'invalidInput', reason: 'The current time is not a valid date with a time zone.' };
  const end = retentionEnd(input.label, input.item, input.labels);
  if (!end.ok) return { ok: false, code: 'invalidInput', reason: end.reason };
  if (end.kind !== 'date') {
    const why = {
      forever: 'is kept forever',
      awaitingEvent: 'waits for an event that has not happened yet',
      noRetention: 'has no retention period'
    }[end.kind];
    return { ok: false, code: 'retentionNotEnded', reason: `This item's retention has not ended: its label ${why}.` };
  }
  if (Date.parse(end.endsAt) > now) {
    return {
      ok: false,
      code: 'retentionNotEnded',
      reason: `This item's retention ends on ${end.endDate} (UTC); it cannot be reviewed before then.`
    };
  }
  const finalLabel = [input.label, ...(input.labels ?? [])].find((candidate) => candidate.name === end.labelName) as FilePlanLabel;
  if (end.action !== 'startDispositionReview') {
    return {
      ok: false,
      code: 'noReviewAtEnd',
      reason: `The label "${end.labelName}" does not ask for a disposition review when retention ends (it ended on ${utcDate(Date.parse(end.endsAt))}).`
    };
  }
  const stages = stagesSchema.safeParse((finalLabel.retention as RetentionSettings).dispositionStages);
  if (!stages.success) {
    return { ok: false, code: 'invalidStages', reason: stages.error.issues.map((issue) => issue.message).join(' ') };
  }
  return {
    ok: true,
    review: {
      itemId: input.itemId,
      labelName: end.labelName,
      retentionEndedAt: end.endsAt,
      stages: stages.data.map((stage) => ({ name: stage.name, reviewers: [...stage.reviewers] })),
      currentStage: 1,
      status: 'pendingReview',
      history: []
    },
    outcome: 'started'
  };
}
