import { validateFilePlanCsv } from '../../../src/core/domain/validateFilePlanCsv';
import { plainCsv, row, validRow } from './support/filePlanFixtures';

// The checks that span rows of a Purview file plan CSV. Outside truth: Purview compares label names without regard
// to case (a second "tax records" is refused on import), relabelling names the next label by name, and the 20
// columns come in the template's order (LabelName ... EventType, IsUnlockedAsDefault, ComplianceTagForNextStage),
// which is the order a person reads the report in. Every expected line was checked by hand against those rules.
describe('validateFilePlanCsv across rows', () => {
  const messy = plainCsv([
    validRow({ LabelName: 'Tax records' }),
    validRow({ LabelName: ' TAX RECORDS ' }),
    validRow({ LabelName: 'audit', RetentionDuration: 'abc', RetentionType: 'Sometime' }),
    row({ LabelName: '   ' }),
    row({ LabelName: '  ', RetentionAction: 'Keep' }),
    row({ LabelName: '', RetentionAction: 'Keep' }),
    validRow({ LabelName: 'A', RetentionAction: 'Keep', ComplianceTagForNextStage: 'b', EventType: 'X', Regulatory: 'TRUE' }),
    validRow({ LabelName: 'B', RetentionAction: 'Keep', ComplianceTagForNextStage: ' a ' }),
    validRow({ LabelName: 'C', ComplianceTagForNextStage: 'Elsewhere' })
  ]);

  it('reports every problem by row, then in the template column order, names compared without case or spaces around', () => {
    const result = validateFilePlanCsv(messy);
    expect(result.issues.map((issue) => [issue.row, issue.column, issue.rule])).toEqual([
      [3, 'LabelName', 'labelNameSpaces'],
      [3, 'LabelName', 'labelNameUnique'],
      [4, 'RetentionDuration', 'retentionDurationValue'],
      [4, 'RetentionType', 'retentionTypeValue'],
      [5, null, 'blankRow'],
      // Two rows without a name each lack one; they are not "the same name twice".
      [6, 'LabelName', 'labelNameRequired'],
      [6, 'RetentionDuration', 'retentionGroup'],
      [6, 'RetentionType', 'retentionGroup'],
      [7, 'LabelName', 'labelNameRequired'],
      [7, 'RetentionDuration', 'retentionGroup'],
      [7, 'RetentionType', 'retentionGroup'],
      [8, 'IsRecordLabel', 'regulatoryNeedsRecord'],
      [8, 'EventType', 'eventTypeUnused'],
      [8, 'ComplianceTagForNextStage', 'relabelNotRegulatory'],
      [8, 'ComplianceTagForNextStage', 'relabelCycle'],
      [10, 'ComplianceTagForNextStage', 'relabelKeepsOnly']
    ]);
    const message = (row: number, rule: string): string | undefined => result.issues.find((i) => i.row === row && i.rule === rule)?.message;
    expect(message(3, 'labelNameUnique')).toBe('The name " TAX RECORDS " is already used on row 2; every label needs its own name.');
    expect(message(8, 'relabelCycle')).toBe(
      'These labels relabel to each other in a loop, so items would never leave it: "A" → "B" → "A".'
    );
  });

  it('says which checks it could not make, and why, when the tenant was not described', () => {
    expect(validateFilePlanCsv(messy).skipped).toEqual([
      { rule: 'labelNameTaken', reason: 'No list of existing labels was given, so names already taken in the tenant were not checked.' },
      {
        rule: 'relabelTargetExists',
        reason: 'Some relabel targets are not in this file and no list of existing labels was given, so they were not checked.'
      },
      { rule: 'eventTypeExists', reason: 'No list of event types was given, so the EventType names were not checked.' },
      {
        rule: 'regulatoryEnabled',
        reason: 'It was not said whether regulatory records are enabled in the tenant, so Regulatory TRUE rows were not checked for it.'
      }
    ]);
  });

  it("finds names and relabel targets among the tenant's labels without case or spaces around", () => {
    const result = validateFilePlanCsv(
      plainCsv([
        validRow({ LabelName: 'audit' }),
        validRow({ LabelName: 'Active', RetentionAction: 'Keep', ComplianceTagForNextStage: 'ARCHIVE ' }),
        validRow({ LabelName: 'Dormant', RetentionAction: 'Keep', ComplianceTagForNextStage: 'Nowhere' })
      ]),
      { existingLabels: ['AUDIT ', 'Archive'], eventTypes: [], regulatoryRecordsEnabled: false }
    );
    expect(result.issues.map((issue) => [issue.row, issue.rule, issue.message])).toEqual([
      [2, 'labelNameTaken', 'A label named "audit" already exists in the tenant; import creates new labels only.'],
      [4, 'relabelTargetExists', 'The label "Nowhere" to relabel to is neither in this file nor in the tenant.']
    ]);
    expect(result.skipped).toEqual([]);
  });

  it('takes a name, a relabel target or an event type of spaces alone as empty, not as a value to look up', () => {
    const result = validateFilePlanCsv(
      plainCsv([
        row({ LabelName: ' ', Comment: 'first' }),
        row({ LabelName: '  ', Comment: 'second' }),
        validRow({ LabelName: 'Contracts', ComplianceTagForNextStage: '  ', EventType: ' ' })
      ])
    );
    // Two rows without a name are not "the same name twice", and nothing was left unchecked for want of a tenant.
    expect(result.issues.map((issue) => [issue.row, issue.rule])).toEqual([
      [2, 'labelNameRequired'],
      [3, 'labelNameRequired'],
      // The row itself refuses the cells of spaces (they are not empty to Purview); only the lookups skip them.
      [4, 'eventTypeUnused'],
      [4, 'relabelKeepsOnly']
    ]);
    expect(result.skipped.map((skip) => skip.rule)).toEqual(['labelNameTaken']);
  });

  it('reports a loop at the first row of a name that occurs twice, as that row spells it', () => {
    const result = validateFilePlanCsv(
      plainCsv([
        validRow({ LabelName: 'Active', RetentionAction: 'Keep', ComplianceTagForNextStage: 'Dormant' }),
        validRow({ LabelName: 'Dormant', RetentionAction: 'Keep', ComplianceTagForNextStage: 'Active' }),
        validRow({ LabelName: 'ACTIVE', RetentionAction: 'Keep', ComplianceTagForNextStage: 'Dormant' })
      ])
    );
    expect(result.issues.map((issue) => [issue.row, issue.rule, issue.message])).toEqual([
      [2, 'relabelCycle', 'These labels relabel to each other in a loop, so items would never leave it: "Active" → "Dormant" → "Active".'],
      [4, 'labelNameUnique', 'The name "ACTIVE" is already used on row 2; every label needs its own name.']
    ]);
  });
});
