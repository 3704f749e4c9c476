import {
  dispositionActionSchema,
  type DispositionDecision,
  type DispositionOutcome,
  type DispositionReview,
  type DispositionStepResult
} from './dispositionReview';
import { purviewLimits } from './purviewLimits';
import { parseUtcInstant, utcDate, type InstantInput } from './utcInstant';

/** A hold (eDiscovery, litigation, audit) that covers the item. */
export interface DispositionHold {
  name: string;
}

export interface DispositionContext {
  now: InstantInput;
  /** Holds on the item now. Any hold blocks approval, at every stage. */
  holds?: readonly DispositionHold[];
  /** Members of the Record Manager Security Group can act on any item, not only their own stage's. */
  actorIsRecordsManager?: boolean;
  /** Label names that exist, to check a relabel target; leave out to skip that check. */
  labelNames?: readonly string[];
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * Restarts a review whose extension has run out, as Purview does: back to stage 1, pending review.
 * A review that is not extended, or whose extension still runs, is returned unchanged.
 *
 * @example resumeDispositionReview(extendedUntilMay, '2025-05-02T00:00:00Z').status // 'pendingReview'
 */
export function resumeDispositionReview(review: DispositionReview, now: InstantInput): DispositionReview {
  const time = parseUtcInstant(now);
  const until = review.extendedUntil === undefined ? undefined : parseUtcInstant(review.extendedUntil);
  if (review.status !== 'extended' || time === undefined || until === undefined || time < until) return review;
  const resumed: DispositionReview = { ...review, status: 'pendingReview', currentStage: 1 };
  delete resumed.extendedUntil;
  return resumed;
}

/**
 * Applies a reviewer's decision to an item in disposition review and returns the new review (the
 * old one is not changed). Every decision needs a justification and a reviewer of the current stage
 * (or a records manager). Approving moves to the next stage, and at the last stage gives
 * `approvedForDisposal` with the outcome `dispose`. Any hold blocks approval at every stage.
 * Relabelling ends the review (the new label's rules apply); extending suspends it until a later
 * date, after which it restarts at stage 1; adding a reviewer adds to the current stage (10 at most).
 *
 * @example applyDispositionAction(review, { kind: 'approve', by: 'ana@contoso.com', justification: 'Past its schedule' }, { now })
 * // { ok: true, review: { currentStage: 2, status: 'pendingReview', ... } }
 */
export function applyDispositionAction(review: DispositionReview, action: unknown, context: DispositionContext): DispositionStepResult {
  const now = parseUtcInstant(context.now);
  if (now === undefined) return { ok: false, code: 'invalidInput', reason: 'The current time is not a valid date with a time zone.' };
  const parsed = dispositionActionSchema.safeParse(action);
  if (!parsed.success) {
    const justificationMissing = parsed.error.issues.some((issue) => issue.path[0] === 'justification');
    return {
      ok: false,
      code: justificationMissing ? 'justificationRequired' : 'invalidInput',
      reason: parsed.error.issues.map((issue) => issue.message).join(' ')
    };
  }
  const decision = parsed.data;
  const current = resumeDispositionReview(review, now);
  if (current.status === 'approvedForDisposal' || current.status === 'relabelled') {
    return { ok: false, code: 'reviewFinished', reason: 'The review of this item is finished; no more decisions can be made.' };
  }
  if (current.status === 'extended') {
    return {
      ok: false,
      code: 'reviewExtended',
      reason: `The review is suspended until ${current.extendedUntil as string}; it restarts at stage 1 then.`
    };
  }
  const stage = current.stages[current.currentStage - 1];
  if (context.actorIsRecordsManager !== true && !stage.reviewers.some((reviewer) => same(reviewer, decision.by))) {
    return {
      ok: false,
      code: 'notAReviewer',
      reason: `${decision.by} is not a reviewer of stage ${current.currentStage} ("${stage.name}").`
    };
  }

  const record: DispositionDecision = {
    action: decision.kind,
    stage: current.currentStage,
    by: decision.by,
    at: new Date(now).toISOString(),
    justification: decision.justification.trim()
  };
  const next: DispositionReview = { ...current, stages: current.stages.map((item) => ({ ...item, reviewers: [...item.reviewers] })) };
  let outcome: DispositionOutcome;

  switch (decision.kind) {
    case 'approve': {
      const holds = context.holds ?? [];
      if (holds.length > 0) {
        return {
          ok: false,
          code: 'onHold',
          reason: `This item is on hold (${holds.map((hold) => hold.name).join(', ')}), so its disposal cannot be approved at any stage until the hold is released.`
        };
      }
      if (current.currentStage < current.stages.length) {
        next.currentStage = current.currentStage + 1;
        outcome = 'nextStage';
      } else {
        next.status = 'approvedForDisposal';
        outcome = 'dispose';
      }
      break;
    }
    case 'relabel': {
      const known = context.labelNames;
      if (known !== undefined && !known.some((name) => same(name, decision.labelName))) {
        return { ok: false, code: 'unknownLabel', reason: `There is no retention label named "${decision.labelName}".` };
      }
      next.status = 'relabelled';
      next.relabelTo = decision.labelName;
      record.labelName = decision.labelName;
      outcome = 'relabel';
      break;
    }
    case 'extend': {
      const until = parseUtcInstant(decision.until);
      if (until === undefined) {
        return { ok: false, code: 'invalidInput', reason: 'The date to extend to is not a valid date.' };
      }
      if (until <= now) {
        return { ok: false, code: 'extendNotLater', reason: `Choose a date after today (${utcDate(now)}) to extend the retention to.` };
      }
      next.status = 'extended';
      next.extendedUntil = new Date(until).toISOString();
      record.until = next.extendedUntil;
      outcome = 'extended';
      break;
    }
    case 'addReviewer': {
      const reviewers = next.stages[current.currentStage - 1].reviewers;
      if (reviewers.some((reviewer) => same(reviewer, decision.reviewer))) {
        return { ok: false, code: 'alreadyReviewer', reason: `${decision.reviewer} already reviews this stage.` };
      }
      if (reviewers.length >= purviewLimits.reviewersPerStageMax) {
        return {
          ok: false,
          code: 'tooManyReviewers',
          reason: `A stage can have at most ${purviewLimits.reviewersPerStageMax} reviewers, and this one has ${reviewers.length}.`
        };
      }
      reviewers.push(decision.reviewer);
      record.reviewer = decision.reviewer;
      outcome = 'reviewerAdded';
      break;
    }
  }
  next.history = [...current.history, record];
  return { ok: true, review: next, outcome };
}
