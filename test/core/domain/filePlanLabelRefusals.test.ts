import { filePlanLabelSchema, type FilePlanLabel, type RetentionSettings } from '../../../src/core/domain/filePlanLabel';
import { planRetentionLabelUpdate } from '../../../src/core/domain/planRetentionLabelUpdate';

// What a person who edits a label (the web part's file plan editor, `custodian fileplan convert`) is told when
// Purview would refuse it, and which field the message belongs to. Outside truth: Purview's retention label rules
// (records-domain.md: relabelling is an end action of its own, not for regulatory records; only record labels start
// locked or unlocked, regulatory ones never unlocked; an event type goes with an event trigger and only with it; a
// label kept forever has no end action; a delete-only label deletes). Each row was written from one rule.
const retention = (change: Partial<RetentionSettings>): FilePlanLabel => ({
  name: 'Contracts',
  retention: {
    behavior: 'retain',
    action: 'delete',
    trigger: 'dateCreated',
    duration: { kind: 'days', days: 2555 },
    dispositionStages: [],
    ...change
  },
  descriptors: {}
});

const refusals = (label: FilePlanLabel): string[] => {
  const checked = filePlanLabelSchema.safeParse(label);
  return checked.success ? [] : checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('a label Purview would refuse: each reason, at its field', () => {
  it.each<[string, FilePlanLabel, string]>([
    [
      'a review with no stage',
      retention({ action: 'startDispositionReview' }),
      'retention.dispositionStages: A label that starts a disposition review needs at least one review stage.'
    ],
    [
      'stages without a review',
      retention({ dispositionStages: [{ name: 'Legal', reviewers: ['legal@contoso.com'] }] }),
      'retention.dispositionStages: Review stages only apply when the label starts a disposition review.'
    ],
    [
      'a relabel with no target',
      retention({ action: 'relabel' }),
      'retention.labelToBeApplied: Choose the label to apply when the retention period ends.'
    ],
    [
      'a target with another end action',
      retention({ labelToBeApplied: 'Archive' }),
      'retention.labelToBeApplied: Relabelling is an end-of-period action of its own; it cannot be combined with deleting or a review.'
    ],
    [
      'a lock default on a label that is not a record',
      retention({ defaultRecordBehavior: 'startLocked' }),
      'retention.defaultRecordBehavior: Only a label that marks items as records can start them locked or unlocked.'
    ],
    [
      'an event type on a label counted from creation',
      retention({ eventTypeId: 'evt-1' }),
      'retention.eventTypeName: Only a label whose period starts at an event has an event type.'
    ],
    [
      'an end action on a label kept forever',
      retention({ behavior: 'retain', duration: { kind: 'forever' } }),
      'retention.action: A label that retains forever has no end-of-period action.'
    ],
    [
      'a delete-only label that does not delete',
      retention({ behavior: 'doNotRetain', action: 'none' }),
      'retention.action: A label that does not retain can only delete at the end of its period.'
    ],
    [
      'a sub-category without a category',
      { name: 'Contracts', retention: null, descriptors: { subCategory: 'Payroll' } },
      'descriptors.subCategory: A sub-category needs a category.'
    ]
  ])('refuses %s', (_case, label, reason) => {
    expect(refusals(label)).toStrictEqual([reason]);
  });

  it('refuses a regulatory record that relabels or starts unlocked, naming the rule each breaks', () => {
    expect(refusals(retention({ behavior: 'retainAsRegulatoryRecord', action: 'relabel', labelToBeApplied: 'Archive' }))).toStrictEqual([
      'retention.labelToBeApplied: A regulatory record label cannot relabel at the end of its period.'
    ]);
    expect(refusals(retention({ behavior: 'retainAsRegulatoryRecord', defaultRecordBehavior: 'startUnlocked' }))).toStrictEqual([
      'retention.defaultRecordBehavior: A regulatory record cannot start unlocked.'
    ]);
  });

  it('takes an event type known by its id alone, as Graph returns a label without $expand', () => {
    expect(refusals(retention({ trigger: 'dateOfEvent', eventTypeId: 'evt-1' }))).toStrictEqual([]);
    expect(refusals(retention({ trigger: 'dateOfEvent' }))).toStrictEqual([
      'retention.eventTypeName: An event-based label needs an event type.'
    ]);
  });

  it('gives an update the same reasons, with the path of a field inside a stage', () => {
    const saved = retention({ action: 'startDispositionReview', dispositionStages: [{ name: 'Legal', reviewers: ['legal@contoso.com'] }] });
    const emptied = retention({ action: 'startDispositionReview', dispositionStages: [{ name: 'Legal', reviewers: [] }] });
    expect(planRetentionLabelUpdate(saved, emptied)).toStrictEqual({
      ok: false,
      reasons: ['retention.dispositionStages.0.reviewers: Each stage needs at least one reviewer.']
    });
  });
});
