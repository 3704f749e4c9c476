import type { SecurityNamespace } from '@microsoft/microsoft-graph-types';
import fc from 'fast-check';
import { filePlanLabelSchema, type FilePlanLabel } from '../../../src/core/domain/filePlanLabel';
import { filePlanLabelToCsvRow } from '../../../src/core/domain/filePlanLabelToCsvRow';
import { parseFilePlanCsv } from '../../../src/core/domain/parseFilePlanCsv';
import { planRetentionLabelUpdate } from '../../../src/core/domain/planRetentionLabelUpdate';
import { retentionLabelFromGraph } from '../../../src/core/domain/retentionLabelFromGraph';
import { retentionLabelToGraphCreateBody } from '../../../src/core/domain/retentionLabelToGraphCreateBody';
import { validateFilePlanCsv } from '../../../src/core/domain/validateFilePlanCsv';
import { writeFilePlanCsv } from '../../../src/core/domain/writeFilePlanCsv';
import { label } from './support/filePlanFixtures';
import { importableLabel } from './support/labels';
import { propertyRuns } from '../../support/propertyRuns';

const ids = {
  eventTypes: { 'Employee activity': 'evt-emp', 'Product lifetime': 'evt-prod', 'Contract end': "evt-o'brien" }
};

/** What Graph would answer to a create request: the body with an id, and descriptors expanded by name. */
function graphAnswer(created: FilePlanLabel, body: Record<string, unknown>): SecurityNamespace.RetentionLabel {
  const answer: Record<string, unknown> = { ...body, id: 'label-1', isInUse: false, createdDateTime: '2024-01-01T00:00:00Z' };
  delete answer['retentionEventType@odata.bind'];
  delete answer.descriptors;
  const retention = created.retention;
  if (retention?.eventTypeName !== undefined) answer.retentionEventType = { id: 'evt', displayName: retention.eventTypeName };
  const d = created.descriptors;
  answer.descriptors = {
    authority: d.authority === undefined ? null : { displayName: d.authority },
    category:
      d.category === undefined
        ? null
        : { displayName: d.category, subcategory: d.subCategory === undefined ? null : { displayName: d.subCategory } },
    citation:
      d.citation === undefined
        ? null
        : { displayName: d.citation.name, citationUrl: d.citation.url ?? null, citationJurisdiction: d.citation.jurisdiction ?? null },
    department: d.department === undefined ? null : { displayName: d.department },
    filePlanReference: d.referenceId === undefined ? null : { displayName: d.referenceId }
  };
  return answer as SecurityNamespace.RetentionLabel;
}

describe('a label and the import CSV', () => {
  it('turns any importable label into a row that reads back as the same label', () => {
    const archive = filePlanLabelToCsvRow(label({ name: 'Archive' })).values;
    fc.assert(
      fc.property(importableLabel, (original) => {
        expect(filePlanLabelSchema.safeParse(original).success).toBe(true);
        const { values, warnings } = filePlanLabelToCsvRow(original);
        expect(warnings).toEqual([]);
        const result = validateFilePlanCsv(writeFilePlanCsv([values, archive]));
        expect(result.issues).toEqual([]);
        expect(result.labels[0].label).toEqual(original);
      }),
      propertyRuns(300)
    );
  });

  it('says what the template cannot carry instead of dropping it silently', () => {
    const result = filePlanLabelToCsvRow(
      label({
        retention: {
          behavior: 'retain',
          action: 'startDispositionReview',
          trigger: 'dateOfEvent',
          eventTypeId: 'evt-1',
          duration: { kind: 'days', days: 30 },
          dispositionStages: [
            { name: 'Legal', reviewers: ['legal@contoso.com'] },
            { name: 'Records', reviewers: ['records@contoso.com'] },
            { name: 'Owner', reviewers: ['owner@contoso.com'] }
          ]
        }
      })
    );
    expect(result.values.ReviewerEmail).toBe('legal@contoso.com');
    expect(result.warnings).toEqual([
      'The event type of this label is not known by name, so EventType is empty; fill it in before importing.',
      'The review stage name "Legal" cannot be imported; Purview names the stage itself.',
      'Only the first of 3 disposition review stages can be imported; add the other 2 in the Purview portal after importing.'
    ]);
  });

  it('exports a label with no retention settings as a name-only row', () => {
    const { values } = filePlanLabelToCsvRow({ name: 'Classification only', retention: null, descriptors: {} });
    const parsed = parseFilePlanCsv(writeFilePlanCsv([values]));
    expect(Object.entries(parsed.document.rows[0].values).filter(([, value]) => value !== '')).toEqual([
      ['LabelName', 'Classification only']
    ]);
  });
});

describe('a label and Graph', () => {
  it('reads back from Graph what it sends to Graph, for any label', () => {
    fc.assert(
      fc.property(importableLabel, (original) => {
        const built = retentionLabelToGraphCreateBody(original, {
          ...ids,
          categories: { [original.descriptors.category ?? '-']: 'cat' },
          citations: { [original.descriptors.citation?.name ?? '-']: 'cit' },
          departments: { [original.descriptors.department ?? '-']: 'dep' },
          filePlanReferences: { [original.descriptors.referenceId ?? '-']: 'ref' },
          authorities: { [original.descriptors.authority ?? '-']: 'aut' }
        });
        expect(built).toMatchObject({ ok: true });
        if (!built.ok) return;
        const read = retentionLabelFromGraph(graphAnswer(original, built.body as unknown as Record<string, unknown>));
        expect(read).toMatchObject({ ok: true });
        if (!read.ok) return;
        const expected: FilePlanLabel = { ...original, id: 'label-1' };
        // Graph's whitespace-only strings count as empty (docs/domain.md), so such a description comes back absent.
        if (expected.descriptionForAdmins?.trim() === '') delete expected.descriptionForAdmins;
        if (expected.descriptionForUsers?.trim() === '') delete expected.descriptionForUsers;
        if (expected.retention?.eventTypeName !== undefined) expected.retention = { ...expected.retention, eventTypeId: 'evt' };
        expect(read.label).toEqual(expected);
      }),
      propertyRuns(200)
    );
  });

  it("reads Graph's own documented example, including its padded labelToBeApplied and number stageNumber", () => {
    const result = retentionLabelFromGraph({
      '@odata.type': '#microsoft.graph.security.retentionLabel',
      id: '64a99fb4-07be-0481-8746-44c15c0eef1f',
      displayName: 'Retention Schedule 10005',
      behaviorDuringRetentionPeriod: 'retain',
      actionAfterRetentionPeriod: 'startDispositionReview',
      retentionTrigger: 'dateOfEvent',
      retentionDuration: { '@odata.type': 'microsoft.graph.security.retentionDurationInDays', days: 2555 },
      dispositionReviewStages: [{ stageNumber: 1, name: 'Stage1', reviewersEmailAddresses: ['Admin@contoso.onmicrosoft.com'] }],
      isInUse: true,
      descriptionForAdmins: 'retain for 7 years',
      descriptionForUsers: 'retain for 7 years',
      createdBy: { user: { id: '9563a605-e827-4324-a5a9-09efddff1e90', displayName: 'Admin' } },
      createdDateTime: '2021-08-23T16:43:55Z',
      labelToBeApplied: ' ',
      defaultRecordBehavior: 'startLocked',
      descriptors: {
        authority: { displayName: 'Business' },
        category: { displayName: 'Accounts Payable' },
        citation: { displayName: 'Contoso Company Policy', citationUrl: 'www.citationUrl.com', citationJurisdiction: 'Contoso' },
        department: { displayName: 'Finance' },
        filePlanReference: { displayName: 'FIN 01-02-001' }
      }
    });
    expect(result).toEqual({
      ok: true,
      label: {
        id: '64a99fb4-07be-0481-8746-44c15c0eef1f',
        name: 'Retention Schedule 10005',
        descriptionForAdmins: 'retain for 7 years',
        descriptionForUsers: 'retain for 7 years',
        retention: {
          behavior: 'retain',
          action: 'startDispositionReview',
          trigger: 'dateOfEvent',
          duration: { kind: 'days', days: 2555 },
          dispositionStages: [{ name: 'Stage1', reviewers: ['Admin@contoso.onmicrosoft.com'] }]
        },
        descriptors: {
          authority: 'Business',
          category: 'Accounts Payable',
          department: 'Finance',
          referenceId: 'FIN 01-02-001',
          citation: { name: 'Contoso Company Policy', url: 'www.citationUrl.com', jurisdiction: 'Contoso' }
        }
      }
    });
  });

  it('reads stages in stage order, "forever", a relabel, and a label without retention settings', () => {
    const relabel = retentionLabelFromGraph({
      displayName: 'Projects',
      behaviorDuringRetentionPeriod: 'retainAsRecord',
      actionAfterRetentionPeriod: 'none',
      retentionTrigger: 'dateModified',
      retentionDuration: { '@odata.type': '#microsoft.graph.security.retentionDurationInDays', days: 365 },
      labelToBeApplied: 'Archive',
      defaultRecordBehavior: 'startUnlocked'
    });
    expect(relabel).toMatchObject({
      ok: true,
      label: { retention: { action: 'relabel', labelToBeApplied: 'Archive', defaultRecordBehavior: 'startUnlocked' } }
    });
    const forever = retentionLabelFromGraph({
      displayName: 'Charters',
      behaviorDuringRetentionPeriod: 'retainAsRegulatoryRecord',
      actionAfterRetentionPeriod: 'startDispositionReview',
      retentionTrigger: 'dateCreated',
      retentionDuration: { '@odata.type': '#microsoft.graph.security.retentionDurationForever' },
      dispositionReviewStages: [
        { stageNumber: '2', name: 'Second', reviewersEmailAddresses: ['b@contoso.com'] },
        { stageNumber: '1', name: null, reviewersEmailAddresses: ['a@contoso.com', ' '] }
      ]
    });
    expect(forever).toMatchObject({
      ok: true,
      label: {
        retention: {
          duration: { kind: 'forever' },
          dispositionStages: [
            { name: 'Stage 2', reviewers: ['a@contoso.com'] },
            { name: 'Second', reviewers: ['b@contoso.com'] }
          ]
        }
      }
    });
    expect(retentionLabelFromGraph({ displayName: 'Plain', descriptors: null })).toEqual({
      ok: true,
      label: { name: 'Plain', retention: null, descriptors: {} }
    });
  });

  it.each([
    [
      {
        displayName: 'X',
        behaviorDuringRetentionPeriod: 'unknownFutureValue',
        retentionTrigger: 'dateCreated',
        retentionDuration: { days: 1 }
      },
      'behaviorDuringRetentionPeriod is "unknownFutureValue", which Custodian does not know.'
    ],
    [
      { displayName: 'X', behaviorDuringRetentionPeriod: 'retain' },
      'The label has only part of its retention settings (behaviour, trigger and duration come together).'
    ],
    [
      {
        displayName: 'X',
        behaviorDuringRetentionPeriod: 'retain',
        retentionTrigger: 'dateCreated',
        retentionDuration: { '@odata.type': '#microsoft.graph.security.retentionDurationInMonths', days: 1 }
      },
      'retentionDuration "#microsoft.graph.security.retentionDurat…" is not a duration Custodian knows.'
    ],
    [{ displayName: '  ' }, 'The label has no displayName.'],
    [{ displayName: 42 }, 'displayName: Expected string, received number'],
    ['not an object', 'The label: Expected object, received string']
  ])('refuses a payload it cannot represent faithfully: %j', (payload, reason) => {
    expect(retentionLabelFromGraph(payload)).toEqual({ ok: false, reasons: [reason] });
  });

  it('refuses to build a body for a label Purview would refuse, and lists ids it lacks', () => {
    expect(retentionLabelToGraphCreateBody(label({ name: '' }))).toMatchObject({ ok: false, missing: [] });
    const built = retentionLabelToGraphCreateBody(
      label({ descriptors: { authority: 'Legal', subCategory: 'Payroll', category: 'Finance' } }),
      { categories: { finance: 'c1' } }
    );
    expect(built).toEqual({
      ok: false,
      reasons: ['No Graph id is known for the authority "Legal"; create it first.'],
      missing: [{ kind: 'authority', name: 'Legal' }]
    });
    const warned = retentionLabelToGraphCreateBody(label({ descriptors: { subCategory: 'Payroll', category: 'Finance' } }), {
      categories: { Finance: "it's" }
    });
    expect(warned).toMatchObject({
      ok: true,
      body: { descriptors: { 'categoryTemplate@odata.bind': "https://graph.microsoft.com/v1.0/security/labels/categories('it''s')" } },
      warnings: [expect.stringContaining('sub-category "Payroll"')]
    });
  });
});

describe('filePlanLabelSchema', () => {
  const retention = label().retention!;
  it.each([
    [{ ...retention, action: 'startDispositionReview' }, 'A label that starts a disposition review needs at least one review stage.'],
    [
      { ...retention, dispositionStages: [{ name: 'S', reviewers: ['a@contoso.com'] }] },
      'Review stages only apply when the label starts a disposition review.'
    ],
    [{ ...retention, action: 'relabel' }, 'Choose the label to apply when the retention period ends.'],
    [
      { ...retention, labelToBeApplied: 'Archive' },
      'Relabelling is an end-of-period action of its own; it cannot be combined with deleting or a review.'
    ],
    [
      { ...retention, behavior: 'retainAsRegulatoryRecord', action: 'relabel', labelToBeApplied: 'A' },
      'A regulatory record label cannot relabel at the end of its period.'
    ],
    [{ ...retention, defaultRecordBehavior: 'startLocked' }, 'Only a label that marks items as records can start them locked or unlocked.'],
    [
      { ...retention, behavior: 'retainAsRegulatoryRecord', defaultRecordBehavior: 'startUnlocked' },
      'A regulatory record cannot start unlocked.'
    ],
    [{ ...retention, trigger: 'dateOfEvent' }, 'An event-based label needs an event type.'],
    [{ ...retention, eventTypeName: 'Employee activity' }, 'Only a label whose period starts at an event has an event type.'],
    [{ ...retention, duration: { kind: 'forever' } }, 'A label that retains forever has no end-of-period action.'],
    [{ ...retention, behavior: 'doNotRetain', action: 'none' }, 'A label that does not retain can only delete at the end of its period.'],
    [
      {
        ...retention,
        action: 'startDispositionReview',
        dispositionStages: Array.from({ length: 6 }, () => ({ name: 'S', reviewers: ['a@contoso.com'] }))
      },
      'A label can have at most 5 review stages.'
    ],
    [
      { ...retention, action: 'startDispositionReview', dispositionStages: [{ name: 'S', reviewers: ['Jane Doe'] }] },
      'Enter an email address such as records@contoso.com.'
    ],
    [{ ...retention, duration: { kind: 'days', days: 36526 } }, 'Number must be less than or equal to 36525']
  ])('refuses %j', (settings, message) => {
    const result = filePlanLabelSchema.safeParse(label({ retention: settings as never }));
    expect(result.success).toBe(false);
    expect(result.success ? [] : result.error.issues.map((issue) => issue.message)).toEqual([message]);
  });

  it('refuses a sub-category without a category and a name longer than 64 characters', () => {
    const result = filePlanLabelSchema.safeParse(label({ name: 'n'.repeat(65), descriptors: { subCategory: 'Payroll' } }));
    expect(result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'))).toEqual(['name', 'descriptors.subCategory']);
  });
});

describe('planRetentionLabelUpdate', () => {
  const saved = label({
    descriptionForUsers: 'Old',
    retention: {
      ...label().retention!,
      action: 'startDispositionReview',
      dispositionStages: [{ name: 'Legal', reviewers: ['legal@contoso.com'] }]
    }
  });

  it('patches only what changed and what Graph can patch', () => {
    const desired: FilePlanLabel = {
      ...saved,
      descriptionForUsers: 'New',
      descriptionForAdmins: 'Admins',
      retention: {
        ...saved.retention!,
        duration: { kind: 'days', days: 3650 },
        dispositionStages: [
          { name: 'Legal', reviewers: ['legal@contoso.com', 'counsel@contoso.com'] },
          { name: 'Records', reviewers: ['records@contoso.com'] }
        ]
      }
    };
    expect(planRetentionLabelUpdate(saved, desired)).toEqual({
      ok: true,
      changed: true,
      body: {
        descriptionForUsers: 'New',
        descriptionForAdmins: 'Admins',
        retentionDuration: { '@odata.type': '#microsoft.graph.security.retentionDurationInDays', days: 3650 },
        dispositionReviewStages: [
          { stageNumber: '1', name: 'Legal', reviewersEmailAddresses: ['legal@contoso.com', 'counsel@contoso.com'] },
          { stageNumber: '2', name: 'Records', reviewersEmailAddresses: ['records@contoso.com'] }
        ]
      }
    });
    expect(planRetentionLabelUpdate(saved, saved)).toEqual({ ok: true, changed: false, body: {} });
  });

  it('refuses what Purview keeps fixed after saving, with every reason', () => {
    const result = planRetentionLabelUpdate(saved, {
      ...saved,
      name: 'Renamed',
      descriptors: { category: 'Finance' },
      retention: {
        ...saved.retention!,
        behavior: 'retainAsRecord',
        trigger: 'dateModified',
        dispositionStages: [{ name: 'Renamed stage', reviewers: ['a@contoso.com'] }]
      }
    });
    expect(result).toEqual({
      ok: false,
      reasons: [
        "A retention label's name cannot be changed after it is saved.",
        'Graph cannot change file plan descriptors of a saved label; change them in the Purview portal.',
        'Whether a label retains, marks records or marks regulatory records cannot be changed after it is saved.',
        'When the retention period starts cannot be changed after the label is saved.',
        'Saved review stages cannot be renamed, reordered or removed; you can change their reviewers or add stages after them.'
      ]
    });
  });

  it('keeps the period of a "when labelled" label fixed and lets a regulatory period only grow', () => {
    const labelled = label({ retention: { ...label().retention!, trigger: 'dateLabeled' } });
    expect(
      planRetentionLabelUpdate(labelled, { ...labelled, retention: { ...labelled.retention!, duration: { kind: 'days', days: 10 } } })
    ).toMatchObject({ ok: false });
    const regulatory = label({ retention: { ...label().retention!, behavior: 'retainAsRegulatoryRecord' } });
    const shorter = { ...regulatory, retention: { ...regulatory.retention!, duration: { kind: 'days' as const, days: 10 } } };
    expect(planRetentionLabelUpdate(regulatory, shorter)).toEqual({
      ok: false,
      reasons: ["A regulatory record label's retention period can only be made longer."]
    });
    const longer = {
      ...regulatory,
      retention: { ...regulatory.retention!, action: 'none' as const, duration: { kind: 'forever' as const } }
    };
    const keep = { ...regulatory, retention: { ...regulatory.retention!, action: 'none' as const } };
    expect(planRetentionLabelUpdate(keep, longer)).toMatchObject({
      ok: true,
      body: { retentionDuration: { '@odata.type': '#microsoft.graph.security.retentionDurationForever' } }
    });
  });

  it('refuses invalid desired labels, adding or removing retention, and event type or end action changes', () => {
    expect(planRetentionLabelUpdate(saved, { ...saved, name: '' })).toMatchObject({ ok: false });
    expect(planRetentionLabelUpdate(saved, { ...saved, retention: null })).toEqual({
      ok: false,
      reasons: ['Retention settings cannot be added to or removed from a saved label.']
    });
    const event = label({ retention: { ...label().retention!, trigger: 'dateOfEvent', eventTypeName: 'A' } });
    expect(planRetentionLabelUpdate(event, { ...event, retention: { ...event.retention!, eventTypeName: 'B', action: 'none' } })).toEqual({
      ok: false,
      reasons: [
        'What happens at the end of the period cannot be changed after the label is saved.',
        "A label's event type cannot be changed after it is saved."
      ]
    });
    const relabel = label({ retention: { ...label().retention!, behavior: 'retainAsRecord', action: 'relabel', labelToBeApplied: 'A' } });
    expect(
      planRetentionLabelUpdate(relabel, {
        ...relabel,
        retention: { ...relabel.retention!, labelToBeApplied: 'B', defaultRecordBehavior: 'startUnlocked' }
      })
    ).toEqual({ ok: true, changed: true, body: { labelToBeApplied: 'B', defaultRecordBehavior: 'startUnlocked' } });
  });
});

describe('retentionLabelFromGraph with sparse payloads', () => {
  it('numbers unnamed, unnumbered stages in order and treats a missing end action as none', () => {
    const result = retentionLabelFromGraph({
      displayName: 'Sparse',
      behaviorDuringRetentionPeriod: 'retain',
      retentionTrigger: 'dateCreated',
      retentionDuration: { days: 10 },
      dispositionReviewStages: [{ reviewersEmailAddresses: null }]
    });
    expect(result).toEqual({
      ok: true,
      label: {
        name: 'Sparse',
        descriptors: {},
        retention: {
          behavior: 'retain',
          action: 'none',
          trigger: 'dateCreated',
          duration: { kind: 'days', days: 10 },
          dispositionStages: []
        }
      }
    });
    const staged = retentionLabelFromGraph({
      displayName: 'Staged',
      behaviorDuringRetentionPeriod: 'retain',
      actionAfterRetentionPeriod: 'startDispositionReview',
      retentionTrigger: 'dateCreated',
      retentionDuration: { days: 10 },
      dispositionReviewStages: [{ name: 'B', reviewersEmailAddresses: ['b@contoso.com'] }, { reviewersEmailAddresses: null }]
    });
    expect(staged.ok && staged.label.retention?.dispositionStages).toEqual([
      { name: 'B', reviewers: ['b@contoso.com'] },
      { name: 'Stage 2', reviewers: [] }
    ]);
  });

  it('refuses a negative number of days without a type', () => {
    expect(
      retentionLabelFromGraph({
        displayName: 'X',
        behaviorDuringRetentionPeriod: 'retain',
        retentionTrigger: 'dateCreated',
        retentionDuration: { days: -1 }
      })
    ).toEqual({
      ok: false,
      reasons: ['retentionDuration "without @odata.type" is not a duration Custodian knows.']
    });
  });

  it('clears a description that was removed', () => {
    const saved = label({ descriptionForAdmins: 'Old' });
    expect(planRetentionLabelUpdate(saved, label())).toEqual({ ok: true, changed: true, body: { descriptionForAdmins: '' } });
    expect(planRetentionLabelUpdate(label({ descriptionForUsers: 'Old' }), label())).toEqual({
      ok: true,
      changed: true,
      body: { descriptionForUsers: '' }
    });
    const plain = { name: 'Tag', retention: null, descriptors: {} };
    expect(planRetentionLabelUpdate(plain, { ...plain, descriptionForUsers: 'Now described' })).toEqual({
      ok: true,
      changed: true,
      body: { descriptionForUsers: 'Now described' }
    });
  });

  it('looks template ids up by name regardless of case, and lists the ones it cannot find', () => {
    expect(
      retentionLabelToGraphCreateBody(label({ descriptors: { authority: 'Legal' } }), { authorities: { Finance: 'a1' } })
    ).toMatchObject({
      ok: false,
      missing: [{ kind: 'authority', name: 'Legal' }]
    });
    expect(retentionLabelToGraphCreateBody(label({ descriptors: { authority: 'Legal' } }), { authorities: { LEGAL: 'a1' } })).toMatchObject(
      { ok: true }
    );
  });

  it('reads the category under either name Graph documents for it', () => {
    const result = retentionLabelFromGraph({
      displayName: 'X',
      descriptors: { appliedCategory: { displayName: 'Finance', subcategory: { displayName: 'Tax' } } }
    });
    expect(result).toMatchObject({ ok: true, label: { descriptors: { category: 'Finance', subCategory: 'Tax' } } });
  });
});
