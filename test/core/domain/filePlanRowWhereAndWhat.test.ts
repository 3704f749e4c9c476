import type { FilePlanCsvValues } from '../../../src/core/domain/filePlanCsvColumns';
import { validateFilePlanRow, type FilePlanTenantFacts } from '../../../src/core/domain/validateFilePlanRow';
import { row, validRow } from './support/filePlanFixtures';

// Where a refused row's problem is pointed at (the cell a site owner must change) and in what words, and the label a
// row becomes. Outside truth: Purview's import template (its 20 columns; RetentionAction Keep, KeepAndDelete or
// Delete; RetentionType one of four; TRUE/FALSE; a disposition review needs KeepAndDelete with reviewers; an unlocked
// record cannot be regulatory; a relabel needs a period in days) and Graph's retentionLabel, in which a property that
// is not set is absent. Every expectation was written by hand from those rules.
const check = (values: FilePlanCsvValues, facts: FilePlanTenantFacts = {}) => validateFilePlanRow({ rowNumber: 7, values }, facts);
const where = (values: FilePlanCsvValues, facts: FilePlanTenantFacts = {}) =>
  check(values, facts).issues.map((issue) => [issue.column, issue.rule, issue.message]);

describe('a refused row: which cell, and what to write there', () => {
  it('points at RetentionDuration for a period of 0 days and for "unlimited" misspelt, and asks for days for anything else', () => {
    expect(where(validRow({ RetentionDuration: '0' }))).toEqual([
      ['RetentionDuration', 'retentionDurationValue', 'RetentionDuration must be at least 1 day.']
    ]);
    expect(where(validRow({ RetentionDuration: 'UNLIMITED', RetentionAction: 'Keep' }))).toEqual([
      ['RetentionDuration', 'retentionDurationValue', 'RetentionDuration must be written exactly Unlimited, not "UNLIMITED".']
    ]);
    expect(where(validRow({ RetentionDuration: '7 years' }))).toEqual([
      [
        'RetentionDuration',
        'retentionDurationValue',
        'RetentionDuration is "7 years"; write a whole number of days such as 365 (no spaces, separators or units), or Unlimited.'
      ]
    ]);
  });

  it('lists every allowed value for a value that is not one, even with spaces around it', () => {
    expect(where(validRow({ RetentionType: ' Yearly ' }))).toEqual([
      [
        'RetentionType',
        'retentionTypeValue',
        'RetentionType is " Yearly ", which is not allowed. Use CreationAgeInDays, EventAgeInDays, TaggedAgeInDays or ModificationAgeInDays.'
      ]
    ]);
    expect(where(validRow({ RetentionAction: 'Archive' }))).toEqual([
      ['RetentionAction', 'retentionActionValue', 'RetentionAction is "Archive", which is not allowed. Use Delete, Keep or KeepAndDelete.']
    ]);
  });

  it('keeps the Yes/No explanation for yes and no alone', () => {
    expect(where(validRow({ IsRecordLabel: 'Yes and no' }))).toEqual([
      ['IsRecordLabel', 'booleanValue', 'IsRecordLabel is "Yes and no", which is not allowed. Use TRUE or FALSE.']
    ]);
  });

  it('asks for the retention settings a disposition review needs, and says nothing of an action it could not read', () => {
    expect(where(row({ LabelName: 'Board papers', ReviewerEmail: 'records@contoso.com' }))).toEqual([
      [
        'ReviewerEmail',
        'reviewerGroup',
        'A disposition review needs RetentionAction KeepAndDelete, a RetentionDuration and a RetentionType.'
      ]
    ]);
    expect(where(validRow({ RetentionAction: 'Review', ReviewerEmail: 'records@contoso.com' }))).toEqual([
      ['RetentionAction', 'retentionActionValue', 'RetentionAction is "Review", which is not allowed. Use Delete, Keep or KeepAndDelete.']
    ]);
    expect(where(validRow({ RetentionAction: 'KeepAndDelete', ReviewerEmail: ' ; ' }))).toEqual([
      ['ReviewerEmail', 'reviewerEmail', 'ReviewerEmail has only semicolons and spaces; give at least one email address.']
    ]);
  });

  it('points at IsRecordUnlockedAsDefault when a regulatory record is to start unlocked', () => {
    const values = validRow({ RetentionAction: 'Keep', IsRecordLabel: 'TRUE', Regulatory: 'TRUE', IsRecordUnlockedAsDefault: 'TRUE' });
    expect(where(values, { regulatoryRecordsEnabled: true })).toEqual([
      [
        'IsRecordUnlockedAsDefault',
        'unlockedByDefault',
        'A regulatory record cannot be unlocked, so IsRecordUnlockedAsDefault cannot be TRUE.'
      ]
    ]);
  });

  it('says an event type is unused on a row without any retention settings', () => {
    expect(where(row({ LabelName: 'Leavers', EventType: 'Employee activity' }))).toEqual([
      ['EventType', 'eventTypeUnused', 'EventType is only used when RetentionType is EventAgeInDays.']
    ]);
  });

  it("finds Purview's built-in event types without case or spaces around, in a tenant that has made none", () => {
    expect(where(validRow({ RetentionType: 'EventAgeInDays', EventType: ' product LIFETIME ' }), { eventTypes: [] })).toEqual([]);
  });

  it('does not look up an event type of spaces in the tenant: it asks for one', () => {
    expect(where(validRow({ RetentionType: 'EventAgeInDays', EventType: '   ' }), { eventTypes: [] })).toEqual([
      ['EventType', 'eventTypeRequired', 'RetentionType EventAgeInDays needs the name of an event type in EventType.']
    ]);
  });

  it('reads a relabel row whose period is missing as a retention group to complete', () => {
    expect(
      where(row({ LabelName: 'Active', RetentionAction: 'Keep', ComplianceTagForNextStage: 'Dormant' })).map(([column, rule]) => [
        column,
        rule
      ])
    ).toEqual([
      ['RetentionDuration', 'retentionGroup'],
      ['RetentionType', 'retentionGroup']
    ]);
  });

  it('warns only about a link with a scheme, not about a colon later in a link without one', () => {
    expect(where(validRow({ CitationName: 'Records policy', CitationUrl: 'www.contoso.com/policies/records:retention' }))).toEqual([]);
  });
});

describe('the label a row becomes', () => {
  it('is made from a row with only a warning', () => {
    const result = check(validRow({ LabelName: 'Minutes', CitationName: 'Companies Act 2006', CitationUrl: 'ftp://contoso.com/act' }));
    expect(result.issues.map((issue) => issue.severity)).toEqual(['warning']);
    expect(result.label?.descriptors.citation).toStrictEqual({ name: 'Companies Act 2006', url: 'ftp://contoso.com/act' });
  });

  it('carries no record behaviour, relabel or event type that the row does not set', () => {
    expect(check(validRow({ LabelName: 'Minutes', IsRecordUnlockedAsDefault: 'FALSE' })).label).toStrictEqual({
      name: 'Minutes',
      descriptors: {},
      retention: {
        behavior: 'retain',
        action: 'delete',
        trigger: 'dateCreated',
        duration: { kind: 'days', days: 2555 },
        dispositionStages: []
      }
    });
  });
});
