import { applyDispositionAction, resumeDispositionReview, type DispositionContext } from '../../../src/core/domain/applyDispositionAction';
import { dispositionActionSchema, type DispositionReview } from '../../../src/core/domain/dispositionReview';
import type { FilePlanLabel } from '../../../src/core/domain/filePlanLabel';
import { startDispositionReview } from '../../../src/core/domain/startDispositionReview';

const reviewLabel = (stages: number, reviewersPerStage = 2): FilePlanLabel => ({
  name: 'Contracts',
  descriptors: {},
  retention: {
    behavior: 'retainAsRecord',
    action: 'startDispositionReview',
    trigger: 'dateCreated',
    duration: { kind: 'days', days: 365 },
    dispositionStages: Array.from({ length: stages }, (_, stage) => ({
      name: `Stage ${stage + 1}`,
      reviewers: Array.from({ length: reviewersPerStage }, (_, reviewer) => `s${stage + 1}r${reviewer + 1}@contoso.com`)
    }))
  }
});
const item = { created: '2023-01-01T00:00:00Z', labelled: '2023-01-01T00:00:00Z' };
const afterEnd = '2024-01-02T00:00:00Z';
const context: DispositionContext = { now: afterEnd };

function started(stages = 3, reviewersPerStage = 2): DispositionReview {
  const result = startDispositionReview({ itemId: 'doc-1', label: reviewLabel(stages, reviewersPerStage), item, now: afterEnd });
  if (!result.ok) throw new Error(result.reason);
  return result.review;
}
const approve = (by: string) => ({ kind: 'approve', by, justification: 'Schedule met, no business need.' });

describe('startDispositionReview', () => {
  it('starts at stage 1 once retention has ended', () => {
    const result = startDispositionReview({ itemId: 'doc-1', label: reviewLabel(2), item, now: '2024-01-01T00:00:00Z' });
    expect(result).toMatchObject({
      ok: true,
      outcome: 'started',
      review: {
        itemId: 'doc-1',
        labelName: 'Contracts',
        retentionEndedAt: '2024-01-01T00:00:00.000Z',
        currentStage: 1,
        status: 'pendingReview',
        history: []
      }
    });
  });

  it('refuses an item whose retention has not ended, naming the date', () => {
    expect(startDispositionReview({ itemId: 'doc-1', label: reviewLabel(1), item, now: '2023-12-31T23:59:59Z' })).toEqual({
      ok: false,
      code: 'retentionNotEnded',
      reason: "This item's retention ends on 2024-01-01 (UTC); it cannot be reviewed before then."
    });
  });

  it.each([
    ['kept forever', { action: 'none', duration: { kind: 'forever' } }, 'retentionNotEnded', /its label is kept forever\.$/],
    [
      'waiting for an event',
      { trigger: 'dateOfEvent', eventTypeName: 'Contract end' },
      'retentionNotEnded',
      /its label waits for an event that has not happened yet\.$/
    ],
    [
      'deleted without review',
      { action: 'delete', dispositionStages: [] },
      'noReviewAtEnd',
      /^The label "Contracts" does not ask for a disposition review when retention ends \(it ended on 2024-01-01\)\.$/
    ],
    [
      'with six stages',
      { dispositionStages: Array.from({ length: 6 }, () => ({ name: 'S', reviewers: ['a@contoso.com'] })) },
      'invalidStages',
      /stage/i
    ],
    [
      'with eleven reviewers in a stage',
      { dispositionStages: [{ name: 'S', reviewers: Array.from({ length: 11 }, (_, n) => `r${n}@contoso.com`) }] },
      'invalidStages',
      /reviewer/i
    ],
    ['with a stage nobody reviews', { dispositionStages: [{ name: 'S', reviewers: [] }] }, 'invalidStages', /reviewer/i],
    [
      'with six stages, one of them reviewed by nobody, naming both faults',
      {
        dispositionStages: [...Array.from({ length: 5 }, () => ({ name: 'S', reviewers: ['a@contoso.com'] })), { name: 'S', reviewers: [] }]
      },
      'invalidStages',
      /\. A label can have at most 5 review stages\.$|^A label can have at most 5 review stages\. \S/
    ]
  ])('refuses a label %s, and says why', (_what, change, code, says) => {
    const label = reviewLabel(1);
    label.retention = { ...label.retention!, ...(change as object) };
    const result = startDispositionReview({ itemId: 'x', label, item, now: '2090-01-01T00:00:00Z' });
    expect(result).toMatchObject({ ok: false, code });
    expect(!result.ok && result.reason).toMatch(/^[A-Z].{10,}[.]$/);
    expect(!result.ok && result.reason).toMatch(says);
  });

  it('refuses a label with no retention at all, and says so', () => {
    const result = startDispositionReview({ itemId: 'x', label: { name: 'Plain', descriptors: {}, retention: null }, item, now: afterEnd });
    expect(result).toEqual({
      ok: false,
      code: 'retentionNotEnded',
      reason: "This item's retention has not ended: its label has no retention period."
    });
  });

  it('reviews under the label a relabel chain ends with (365 days in leap 2024 end on 31 December)', () => {
    const first: FilePlanLabel = {
      ...reviewLabel(1),
      name: 'Active',
      retention: { ...reviewLabel(1).retention!, action: 'relabel', labelToBeApplied: 'Contracts', dispositionStages: [] }
    };
    const second: FilePlanLabel = { ...reviewLabel(2), retention: { ...reviewLabel(2).retention!, trigger: 'dateLabeled' } };
    const result = startDispositionReview({ itemId: 'x', label: first, item, labels: [second], now: '2025-01-02T00:00:00Z' });
    expect(result).toMatchObject({
      ok: true,
      review: { labelName: 'Contracts', retentionEndedAt: '2024-12-31T00:00:00.000Z', stages: [{ name: 'Stage 1' }, { name: 'Stage 2' }] }
    });
  });

  it('refuses bad dates instead of throwing', () => {
    expect(startDispositionReview({ itemId: 'x', label: reviewLabel(1), item, now: 'later' })).toMatchObject({
      ok: false,
      code: 'invalidInput'
    });
    expect(
      startDispositionReview({ itemId: 'x', label: reviewLabel(1), item: { created: 'x', labelled: 'y' }, now: afterEnd })
    ).toMatchObject({ ok: false, code: 'invalidInput' });
  });
});

describe('applyDispositionAction', () => {
  it('moves through every stage, and only the last approval yields "dispose"', () => {
    let review = started(3);
    const outcomes: string[] = [];
    for (const stage of [1, 2, 3]) {
      const result = applyDispositionAction(review, approve(`s${stage}r2@contoso.com`), context);
      if (!result.ok) throw new Error(result.reason);
      outcomes.push(result.outcome);
      review = result.review;
    }
    expect(outcomes).toEqual(['nextStage', 'nextStage', 'dispose']);
    expect(review.status).toBe('approvedForDisposal');
    expect(review.history.map((decision) => [decision.stage, decision.by, decision.at])).toEqual([
      [1, 's1r2@contoso.com', '2024-01-02T00:00:00.000Z'],
      [2, 's2r2@contoso.com', '2024-01-02T00:00:00.000Z'],
      [3, 's3r2@contoso.com', '2024-01-02T00:00:00.000Z']
    ]);
    expect(applyDispositionAction(review, approve('s3r1@contoso.com'), context)).toMatchObject({ ok: false, code: 'reviewFinished' });
  });

  it('blocks approval at every stage while the item is on hold, but still lets reviewers relabel', () => {
    let review = started(3);
    const holds = [{ name: 'Litigation 2024-17' }];
    for (const stage of [1, 2, 3]) {
      const blocked = applyDispositionAction(review, approve(`s${stage}r1@contoso.com`), { ...context, holds });
      expect(blocked).toEqual({
        ok: false,
        code: 'onHold',
        reason: 'This item is on hold (Litigation 2024-17), so its disposal cannot be approved at any stage until the hold is released.'
      });
      const next = applyDispositionAction(review, approve(`s${stage}r1@contoso.com`), context);
      if (!next.ok) throw new Error(next.reason);
      if (stage < 3) review = next.review;
    }
    const relabel = applyDispositionAction(
      review,
      { kind: 'relabel', by: 's3r1@contoso.com', justification: 'Needed for the audit.', labelName: 'Audit' },
      { ...context, holds }
    );
    expect(relabel).toMatchObject({ ok: true, outcome: 'relabel', review: { status: 'relabelled', relabelTo: 'Audit' } });
  });

  it.each([
    ['no justification', { kind: 'approve', by: 's1r1@contoso.com', justification: '' }, 'justificationRequired', /Give a justification/],
    [
      'a blank justification',
      { kind: 'approve', by: 's1r1@contoso.com', justification: ' \n\t ' },
      'justificationRequired',
      /justification/
    ],
    [
      'a missing justification',
      { kind: 'extend', by: 's1r1@contoso.com', until: '2030-01-01T00:00:00Z' },
      'justificationRequired',
      /justification/
    ],
    // Two faults at once: the justification is missing too, but the person must first be told what else is wrong.
    [
      'a decision by nobody, without justification',
      { kind: 'approve', by: 5 },
      'justificationRequired',
      /^Enter an email address such as records@contoso\.com\. Give a justification/
    ],
    [
      'an unknown action',
      { kind: 'shred', by: 's1r1@contoso.com', justification: 'x' },
      'invalidInput',
      /^Choose a decision: approve, relabel/
    ],
    [
      'a reviewer who is not an address',
      { kind: 'approve', by: 'Stage 1 reviewer', justification: 'x' },
      'invalidInput',
      /^Enter an email address/
    ],
    [
      'someone outside the stage',
      approve('s2r1@contoso.com'),
      'notAReviewer',
      /^s2r1@contoso\.com is not a reviewer of stage 1 \("Stage 1"\)\.$/
    ],
    [
      'an extension into the past',
      { kind: 'extend', by: 's1r1@contoso.com', justification: 'x', until: '2023-06-01T00:00:00Z' },
      'extendNotLater',
      /after today \(2024-01-02\)/
    ],
    [
      'an extension to this very moment',
      { kind: 'extend', by: 's1r1@contoso.com', justification: 'x', until: afterEnd },
      'extendNotLater',
      /after today/
    ],
    [
      'an extension to a date without a zone',
      { kind: 'extend', by: 's1r1@contoso.com', justification: 'x', until: '2030-06-01T00:00' },
      'invalidInput',
      /not a valid date/
    ],
    [
      'a reviewer already in the stage',
      { kind: 'addReviewer', by: 's1r1@contoso.com', justification: 'x', reviewer: 'S1R2@contoso.com' },
      'alreadyReviewer',
      /^S1R2@contoso\.com already reviews this stage\.$/
    ]
  ])('refuses %s, and says why', (_what, action, code, says) => {
    const result = applyDispositionAction(started(2), action, context);
    expect(result).toMatchObject({ ok: false, code });
    expect(!result.ok && result.reason).toMatch(/^\S.{10,}[.]$/);
    expect(!result.ok && result.reason).toMatch(says);
  });

  it('lets a records manager act on any stage and compares reviewer addresses without case', () => {
    expect(applyDispositionAction(started(2), approve('boss@contoso.com'), { ...context, actorIsRecordsManager: true })).toMatchObject({
      ok: true
    });
    expect(applyDispositionAction(started(2), approve('S1R1@CONTOSO.COM'), context)).toMatchObject({ ok: true });
  });

  it('extends until a date, refuses decisions meanwhile, then restarts at stage 1', () => {
    const atStage2 = applyDispositionAction(started(2), approve('s1r1@contoso.com'), context);
    if (!atStage2.ok) throw new Error(atStage2.reason);
    const extended = applyDispositionAction(
      atStage2.review,
      { kind: 'extend', by: 's2r1@contoso.com', justification: 'Contract renewed.', until: '2025-03-01T12:00:00+01:00' },
      context
    );
    expect(extended).toMatchObject({
      ok: true,
      outcome: 'extended',
      review: { status: 'extended', extendedUntil: '2025-03-01T11:00:00.000Z', currentStage: 2 }
    });
    if (!extended.ok) return;
    expect(applyDispositionAction(extended.review, approve('s2r1@contoso.com'), { now: '2025-03-01T10:59:59Z' })).toMatchObject({
      ok: false,
      code: 'reviewExtended'
    });
    expect(resumeDispositionReview(extended.review, '2025-03-01T10:59:59Z')).toBe(extended.review);
    const resumed = resumeDispositionReview(extended.review, '2025-03-01T11:00:00Z');
    expect(resumed).toMatchObject({ status: 'pendingReview', currentStage: 1 });
    expect(resumed).not.toHaveProperty('extendedUntil');
    expect(applyDispositionAction(extended.review, approve('s1r2@contoso.com'), { now: '2025-03-02T00:00:00Z' })).toMatchObject({
      ok: true,
      outcome: 'nextStage',
      review: {
        currentStage: 2,
        history: [{ action: 'approve' }, { action: 'extend', until: '2025-03-01T11:00:00.000Z' }, { action: 'approve', stage: 1 }]
      }
    });
  });

  it('adds reviewers to the current stage up to 10, each with a justification on record', () => {
    let review = started(1);
    for (let count = 3; count <= 10; count += 1) {
      const result = applyDispositionAction(
        review,
        { kind: 'addReviewer', by: 's1r1@contoso.com', justification: 'Owner left.', reviewer: `extra${count}@contoso.com` },
        context
      );
      if (!result.ok) throw new Error(result.reason);
      expect(result.outcome).toBe('reviewerAdded');
      review = result.review;
    }
    expect(review.stages[0].reviewers).toHaveLength(10);
    expect(review.history[0]).toMatchObject({ action: 'addReviewer', reviewer: 'extra3@contoso.com', justification: 'Owner left.' });
    expect(
      applyDispositionAction(
        review,
        { kind: 'addReviewer', by: 's1r1@contoso.com', justification: 'x', reviewer: 'eleven@contoso.com' },
        context
      )
    ).toMatchObject({
      ok: false,
      code: 'tooManyReviewers'
    });
    expect(applyDispositionAction(review, approve('extra10@contoso.com'), context)).toMatchObject({ ok: true, outcome: 'dispose' });
  });

  it('never changes the review it is given', () => {
    const review = started(2);
    const copy = JSON.parse(JSON.stringify(review)) as DispositionReview;
    applyDispositionAction(
      review,
      { kind: 'addReviewer', by: 's1r1@contoso.com', justification: 'x', reviewer: 'new@contoso.com' },
      context
    );
    applyDispositionAction(review, approve('s1r1@contoso.com'), context);
    expect(review).toEqual(copy);
  });

  it('checks a relabel target against the labels that exist, and refuses a bad clock', () => {
    const relabel = { kind: 'relabel', by: 's1r1@contoso.com', justification: 'x', labelName: 'Nowhere' };
    expect(applyDispositionAction(started(1), relabel, { ...context, labelNames: ['Audit'] })).toMatchObject({
      ok: false,
      code: 'unknownLabel'
    });
    expect(applyDispositionAction(started(1), relabel, { now: 'soon' })).toMatchObject({ ok: false, code: 'invalidInput' });
  });

  it('shares one schema for decisions from the UI', () => {
    expect(dispositionActionSchema.safeParse({ kind: 'approve', by: 'a@contoso.com', justification: 'ok', extra: 1 }).success).toBe(false);
  });
});

describe('what a reviewer is told, and what is kept', () => {
  const extend = { kind: 'extend', by: 's1r1@contoso.com', justification: 'Contract renewed.', until: '2025-03-01T00:00:00Z' };
  const extended = (): DispositionReview => {
    const result = applyDispositionAction(started(2), extend, context);
    if (!result.ok) throw new Error(result.reason);
    return result.review;
  };

  it('names every hold that blocks an approval', () => {
    const result = applyDispositionAction(started(1), approve('s1r1@contoso.com'), {
      ...context,
      holds: [{ name: 'Litigation 2024-17' }, { name: 'Audit 2025' }]
    });
    expect(!result.ok && result.reason).toMatch(/^This item is on hold \(Litigation 2024-17, Audit 2025\), so/);
  });

  it('accepts no decision on a review that ended in a relabel, and says the review is finished', () => {
    const relabelled = applyDispositionAction(
      started(2),
      { kind: 'relabel', by: 's1r1@contoso.com', justification: 'Needed longer.', labelName: 'Audit' },
      context
    );
    if (!relabelled.ok) throw new Error(relabelled.reason);
    expect(applyDispositionAction(relabelled.review, approve('s1r1@contoso.com'), context)).toEqual({
      ok: false,
      code: 'reviewFinished',
      reason: 'The review of this item is finished; no more decisions can be made.'
    });
  });

  it('says until when a suspended review waits', () => {
    const result = applyDispositionAction(extended(), approve('s1r1@contoso.com'), { now: '2025-01-01T00:00:00Z' });
    expect(!result.ok && result.reason).toBe('The review is suspended until 2025-03-01T00:00:00.000Z; it restarts at stage 1 then.');
  });

  it('keeps the justification as the reviewer meant it, without the spaces around it', () => {
    const result = applyDispositionAction(started(2), { ...approve('s1r1@contoso.com'), justification: '  Schedule met.\n' }, context);
    expect(result.ok && result.review.history[0].justification).toBe('Schedule met.');
  });

  it('finds the relabel target among several labels, without case, and names a missing one', () => {
    const relabel = (labelName: string) => ({ kind: 'relabel', by: 's1r1@contoso.com', justification: 'x', labelName });
    const labelNames = ['Audit', 'Contracts', 'Tax'];
    expect(applyDispositionAction(started(1), relabel('contracts'), { ...context, labelNames })).toMatchObject({ ok: true });
    const missing = applyDispositionAction(started(1), relabel('Nowhere "x"'), { ...context, labelNames });
    expect(!missing.ok && missing.reason).toBe('There is no retention label named "Nowhere "x"".');
  });

  it('says how many reviewers a full stage has', () => {
    const result = applyDispositionAction(
      started(1, 10),
      { kind: 'addReviewer', by: 's1r1@contoso.com', justification: 'x', reviewer: 'new@contoso.com' },
      context
    );
    expect(!result.ok && result.reason).toBe('A stage can have at most 10 reviewers, and this one has 10.');
  });

  it('says the clock is wrong when the current time is not a date', () => {
    const result = applyDispositionAction(started(1), approve('s1r1@contoso.com'), { now: 'soon' });
    expect(!result.ok && result.reason).toBe('The current time is not a valid date with a time zone.');
    const start = startDispositionReview({ itemId: 'x', label: reviewLabel(1), item, now: 'soon' });
    expect(!start.ok && start.reason).toBe('The current time is not a valid date with a time zone.');
  });

  it('restarts only a review that is extended, with a known end that has passed, at a known time', () => {
    const review = extended();
    // A review at stage 2 that carries an old extension date (as a list row may) is not sent back to stage 1.
    const atStage2 = { ...started(2), currentStage: 2, extendedUntil: '2024-06-01T00:00:00.000Z' };
    expect(resumeDispositionReview(atStage2, '2025-01-01T00:00:00Z')).toBe(atStage2);
    expect(resumeDispositionReview(review, 'not a time')).toBe(review);
    const undated = { ...review };
    delete undated.extendedUntil;
    expect(resumeDispositionReview(undated, '2099-01-01T00:00:00Z')).toBe(undated);
    expect(resumeDispositionReview(review, '2025-03-01T00:00:00Z')).toMatchObject({ status: 'pendingReview', currentStage: 1 });
  });
});
