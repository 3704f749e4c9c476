import { retentionLabelFromGraph } from '../../../src/core/domain/retentionLabelFromGraph';

// Outside truth: OData JSON (which Graph speaks) sends a property that has no value either as `null` or not at all,
// and Graph's enumerations are evolvable: `unknownFutureValue` is a documented member of each. Whatever Graph leaves
// out must stay out of the label (not a key holding `undefined`, which a structured clone or IndexedDB would keep),
// and every refusal must name the property a records manager would look for in Purview.
const retention = {
  behaviorDuringRetentionPeriod: 'retainAsRecord',
  actionAfterRetentionPeriod: 'delete',
  retentionTrigger: 'dateCreated',
  retentionDuration: { '@odata.type': '#microsoft.graph.security.retentionDurationInDays', days: 365 }
};

describe('retentionLabelFromGraph: what Graph leaves empty stays out of the label', () => {
  it('reads a label whose every optional property is null as its name alone', () => {
    const result = retentionLabelFromGraph({
      id: null,
      displayName: 'Correspondence',
      behaviorDuringRetentionPeriod: null,
      actionAfterRetentionPeriod: null,
      retentionTrigger: null,
      retentionDuration: null,
      defaultRecordBehavior: null,
      labelToBeApplied: null,
      descriptionForAdmins: null,
      descriptionForUsers: null,
      dispositionReviewStages: null,
      retentionEventType: null,
      descriptors: {
        authority: null,
        category: null,
        citation: { displayName: 'Companies Act 2006', citationUrl: null, citationJurisdiction: '  ' },
        department: { displayName: ' ' },
        filePlanReference: null
      }
    });
    expect(result).toStrictEqual({
      ok: true,
      label: { name: 'Correspondence', retention: null, descriptors: { citation: { name: 'Companies Act 2006' } } }
    });
  });

  it('adds no empty keys to a record label without an id, descriptions, record behaviour, relabel or event', () => {
    expect(retentionLabelFromGraph({ displayName: 'Invoices', ...retention })).toStrictEqual({
      ok: true,
      label: {
        name: 'Invoices',
        descriptors: {},
        retention: {
          behavior: 'retainAsRecord',
          action: 'delete',
          trigger: 'dateCreated',
          duration: { kind: 'days', days: 365 },
          dispositionStages: []
        }
      }
    });
  });

  it('keeps an event type known by id alone, and one known by name alone', () => {
    const byId = retentionLabelFromGraph({
      displayName: 'Leavers',
      ...retention,
      retentionTrigger: 'dateOfEvent',
      retentionEventType: { id: 'evt-1' }
    });
    expect(byId.ok && byId.label.retention).toStrictEqual({
      behavior: 'retainAsRecord',
      action: 'delete',
      trigger: 'dateOfEvent',
      duration: { kind: 'days', days: 365 },
      dispositionStages: [],
      eventTypeId: 'evt-1'
    });
    const byName = retentionLabelFromGraph({
      displayName: 'Leavers',
      ...retention,
      retentionTrigger: 'dateOfEvent',
      retentionEventType: { displayName: 'Employee activity', id: null }
    });
    expect(byName.ok && byName.label.retention).toStrictEqual({
      behavior: 'retainAsRecord',
      action: 'delete',
      trigger: 'dateOfEvent',
      duration: { kind: 'days', days: 365 },
      dispositionStages: [],
      eventTypeName: 'Employee activity'
    });
  });

  it('reads a disposition review label that lists no stages as one with no stages, not an invented stage', () => {
    const result = retentionLabelFromGraph({
      displayName: 'Board papers',
      ...retention,
      actionAfterRetentionPeriod: 'startDispositionReview'
    });
    expect(result.ok && result.label.retention?.dispositionStages).toStrictEqual([]);
  });

  it('puts an unnumbered stage at its place in the list among numbered ones', () => {
    const result = retentionLabelFromGraph({
      displayName: 'Board papers',
      ...retention,
      actionAfterRetentionPeriod: 'startDispositionReview',
      dispositionReviewStages: [
        { stageNumber: 1, name: 'Records team', reviewersEmailAddresses: ['records@contoso.com'] },
        { name: 'Legal', reviewersEmailAddresses: ['legal@contoso.com'] }
      ]
    });
    expect(result.ok && result.label.retention?.dispositionStages.map((stage) => stage.name)).toEqual(['Records team', 'Legal']);
  });
});

describe('retentionLabelFromGraph: what it refuses, and how it says so', () => {
  it.each([
    ['actionAfterRetentionPeriod', { actionAfterRetentionPeriod: 'unknownFutureValue' }],
    ['retentionTrigger', { retentionTrigger: 'unknownFutureValue' }],
    ['defaultRecordBehavior', { defaultRecordBehavior: 'unknownFutureValue' }]
  ])('names %s when its value is one Custodian does not know', (property, change) => {
    expect(retentionLabelFromGraph({ displayName: 'X', ...retention, ...change })).toStrictEqual({
      ok: false,
      reasons: [`${property} is "unknownFutureValue", which Custodian does not know.`]
    });
  });

  it.each([
    ['no behaviour', { behaviorDuringRetentionPeriod: undefined }],
    ['no trigger', { retentionTrigger: null }],
    ['no duration', { retentionDuration: undefined }]
  ])('refuses retention settings with %s, rather than reading the label as having none', (_missing, change) => {
    expect(retentionLabelFromGraph({ displayName: 'X', ...retention, ...change })).toStrictEqual({
      ok: false,
      reasons: ['The label has only part of its retention settings (behaviour, trigger and duration come together).']
    });
  });

  it.each([
    [
      '0 days',
      { '@odata.type': '#microsoft.graph.security.retentionDurationInDays', days: 0 },
      '"#microsoft.graph.security.retentionDurat…"'
    ],
    [
      'no count of days',
      { '@odata.type': '#microsoft.graph.security.retentionDurationInDays', days: null },
      '"#microsoft.graph.security.retentionDurat…"'
    ],
    ['no count and no type', {}, '"without @odata.type"']
  ])('refuses a period of %s, which Purview cannot hold', (_what, retentionDuration, shown) => {
    expect(retentionLabelFromGraph({ displayName: 'X', ...retention, retentionDuration })).toStrictEqual({
      ok: false,
      reasons: [`retentionDuration ${shown} is not a duration Custodian knows.`]
    });
  });

  it('reads the shortest period Purview allows, one day', () => {
    const result = retentionLabelFromGraph({ displayName: 'X', ...retention, retentionDuration: { days: 1 } });
    expect(result.ok && result.label.retention?.duration).toStrictEqual({ kind: 'days', days: 1 });
  });

  // Changed on purpose (issue #14): a descriptor is not essential, so a malformed one no longer costs the whole label
  // (every item carrying a refused label shows as "unknown label"); the label is kept and the note still names the
  // property by its dotted path, so the records manager can find it in Purview.
  it('keeps the label when a descriptor is malformed, and names the descriptor it left out by its dotted path', () => {
    expect(retentionLabelFromGraph({ displayName: 'X', descriptors: { citation: { displayName: 7 } } })).toStrictEqual({
      ok: true,
      label: { name: 'X', retention: null, descriptors: {} },
      notes: ['descriptors.citation was ignored (descriptors.citation.displayName: Expected string, received number).']
    });
  });
});
