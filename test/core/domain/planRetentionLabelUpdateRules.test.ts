import type { FilePlanLabel, RetentionSettings } from '../../../src/core/domain/filePlanLabel';
import { planRetentionLabelUpdate } from '../../../src/core/domain/planRetentionLabelUpdate';

// Outside truth: Microsoft's "Update retentionLabel" (Graph) patches descriptions, the period, review stages, the
// record lock default and the relabel target; Purview keeps a saved label's name, behaviour, trigger, action and
// event type, keeps the period of a label counted from when it was applied, lets a regulatory record's period only
// grow, and lets saved review stages get reviewers or stages after them but not be renamed or removed.
const saved = (retention: Partial<RetentionSettings> = {}): FilePlanLabel => ({
  name: 'Contracts',
  descriptors: {},
  retention: {
    behavior: 'retainAsRecord',
    action: 'startDispositionReview',
    trigger: 'dateCreated',
    duration: { kind: 'days', days: 2555 },
    defaultRecordBehavior: 'startLocked',
    dispositionStages: [
      { name: 'Legal', reviewers: ['ana@contoso.com', 'sam@contoso.com'] },
      { name: 'Records', reviewers: ['priya@contoso.com'] }
    ],
    ...retention
  }
});
const stages = (label: FilePlanLabel) => label.retention!.dispositionStages;

describe('planRetentionLabelUpdate: what Graph may change on a saved label', () => {
  it('sends nothing when nothing changed, the lock default and relabel target included', () => {
    expect(planRetentionLabelUpdate(saved(), saved())).toStrictEqual({ ok: true, body: {}, changed: false });
    const forever = (): FilePlanLabel => saved({ action: 'none', duration: { kind: 'forever' }, dispositionStages: [] });
    expect(planRetentionLabelUpdate(forever(), forever())).toStrictEqual({ ok: true, body: {}, changed: false });
    const relabels = (): FilePlanLabel => saved({ action: 'relabel', labelToBeApplied: 'Archive', dispositionStages: [] });
    expect(planRetentionLabelUpdate(relabels(), relabels())).toStrictEqual({ ok: true, body: {}, changed: false });
    // A lock default left out of the desired label is no change, and is not sent as a blank.
    expect(planRetentionLabelUpdate(saved(), saved({ defaultRecordBehavior: undefined }))).toStrictEqual({
      ok: true,
      body: {},
      changed: false
    });
  });

  it("sends the stages when a stage's reviewer is swapped, added or dropped, or a stage is added after them", () => {
    const swapped = saved({
      dispositionStages: [{ name: 'Legal', reviewers: ['ana@contoso.com', 'lee@contoso.com'] }, stages(saved())[1]]
    });
    const added = saved({
      dispositionStages: [stages(saved())[0], { name: 'Records', reviewers: ['priya@contoso.com', 'lee@contoso.com'] }]
    });
    const later = saved({ dispositionStages: [...stages(saved()), { name: 'Final', reviewers: ['cfo@contoso.com'] }] });
    const dropped = saved({ dispositionStages: [{ name: 'Legal', reviewers: ['ana@contoso.com'] }, stages(saved())[1]] });
    for (const desired of [swapped, added, dropped, later]) {
      const plan = planRetentionLabelUpdate(saved(), desired);
      expect(plan).toMatchObject({ ok: true, changed: true });
      expect(plan.ok && Object.keys(plan.body)).toEqual(['dispositionReviewStages']);
    }
  });

  it('refuses a saved stage renamed or removed', () => {
    const refusal = 'Saved review stages cannot be renamed, reordered or removed; you can change their reviewers or add stages after them.';
    const renamed = saved({ dispositionStages: [{ ...stages(saved())[0], name: 'Counsel' }, stages(saved())[1]] });
    const removed = saved({ dispositionStages: [stages(saved())[0]] });
    for (const desired of [renamed, removed])
      expect(planRetentionLabelUpdate(saved(), desired)).toStrictEqual({ ok: false, reasons: [refusal] });
  });

  it("lengthens or shortens a record label's period, but only lengthens a regulatory record's, and never one counted from labelling", () => {
    expect(planRetentionLabelUpdate(saved(), saved({ duration: { kind: 'days', days: 365 } }))).toMatchObject({
      ok: true,
      body: { retentionDuration: { days: 365 } }
    });
    const regulatory = saved({
      behavior: 'retainAsRegulatoryRecord',
      action: 'none',
      duration: { kind: 'forever' },
      dispositionStages: []
    });
    expect(
      planRetentionLabelUpdate(regulatory, {
        ...regulatory,
        retention: { ...regulatory.retention!, duration: { kind: 'days', days: 2555 } }
      })
    ).toStrictEqual({
      ok: false,
      reasons: ["A regulatory record label's retention period can only be made longer."]
    });
    expect(
      planRetentionLabelUpdate(saved({ trigger: 'dateLabeled' }), saved({ trigger: 'dateLabeled', duration: { kind: 'days', days: 3650 } }))
    ).toStrictEqual({
      ok: false,
      reasons: ['The period of a label counted from when it was applied cannot be changed after it is saved.']
    });
  });

  it('sends a changed relabel target and lock default, and refuses another event type or retention added', () => {
    const relabels = (retention: Partial<RetentionSettings> = {}): FilePlanLabel =>
      saved({ action: 'relabel', labelToBeApplied: 'Archive', dispositionStages: [], ...retention });
    expect(
      planRetentionLabelUpdate(relabels(), relabels({ defaultRecordBehavior: 'startUnlocked', labelToBeApplied: 'Archive 2' }))
    ).toStrictEqual({
      ok: true,
      body: { defaultRecordBehavior: 'startUnlocked', labelToBeApplied: 'Archive 2' },
      changed: true
    });
    const event = saved({ trigger: 'dateOfEvent', eventTypeName: 'Contract end', eventTypeId: 'e1' });
    expect(planRetentionLabelUpdate(event, { ...event, retention: { ...event.retention!, eventTypeId: 'e2' } })).toStrictEqual({
      ok: false,
      reasons: ["A label's event type cannot be changed after it is saved."]
    });
    expect(planRetentionLabelUpdate({ ...saved(), retention: null }, saved())).toStrictEqual({
      ok: false,
      reasons: ['Retention settings cannot be added to or removed from a saved label.']
    });
  });

  it('names the field of a desired label that is not a label at all', () => {
    expect(planRetentionLabelUpdate(saved(), { ...saved(), name: '' })).toStrictEqual({
      ok: false,
      reasons: ['name: Give the label a name.']
    });
  });
});
