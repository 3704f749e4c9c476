import { filePlanCsvColumns, type FilePlanCsvValues } from '../../../src/core/domain/filePlanCsvColumns';
import { filePlanCsvRuleIds, filePlanCsvRules, type FilePlanCsvRule } from '../../../src/core/domain/filePlanCsvRules';
import { validateFilePlanCsv } from '../../../src/core/domain/validateFilePlanCsv';
import type { FilePlanTenantFacts } from '../../../src/core/domain/validateFilePlanRow';
import { writeFilePlanCsv } from '../../../src/core/domain/writeFilePlanCsv';
import { header, row, validRow } from './support/filePlanFixtures';

type Input = { rows: FilePlanCsvValues[] } | { text: string } | { bytes: Uint8Array };
interface Case {
  input: Input;
  facts?: FilePlanTenantFacts;
}
interface RuleCase {
  rule: FilePlanCsvRule;
  breaks: Case & { row: number; column: string | null; count?: number };
  keeps: Case;
}

const lf = { bom: false, lineEnding: '\n', finalLineEnding: true } as const;
const textOf = (input: Input): string | Uint8Array =>
  'rows' in input ? writeFilePlanCsv(input.rows, lf) : 'text' in input ? input.text : input.bytes;
const cells = (values: FilePlanCsvValues): string => filePlanCsvColumns.map((column) => values[column]).join(',');
const headerWith = (replace: (names: string[]) => string[]): string => replace([...filePlanCsvColumns]).join(',');
const emails = (count: number): string => Array.from({ length: count }, (_, index) => `reviewer${index}@contoso.com`).join(';');
const names = (count: number): string[] => Array.from({ length: count }, (_, index) => `Existing ${index}`);

const cases: RuleCase[] = [
  {
    rule: 'notUtf8',
    breaks: { input: { bytes: new Uint8Array([...new TextEncoder().encode(`${header}\nCaf`), 0xe9]) }, row: 1, column: null },
    keeps: { input: { bytes: new TextEncoder().encode(`\uFEFF${header}\n${cells(validRow({ Notes: 'Café' }))}\n`) } }
  },
  {
    rule: 'csvSyntax',
    breaks: { input: { text: `${header}\n${cells(validRow({ Comment: '"unclosed' }))}\n` }, row: 2, column: 'Comment' },
    keeps: { input: { rows: [validRow({ Comment: 'Closed, "quoted", fine' })] } }
  },
  { rule: 'emptyFile', breaks: { input: { text: '' }, row: 1, column: null }, keeps: { input: { rows: [validRow()] } } },
  {
    rule: 'missingColumn',
    breaks: {
      input: { text: `${headerWith((list) => list.filter((name) => name !== 'Notes'))}\nTax${','.repeat(18)}\n` },
      row: 1,
      column: 'Notes'
    },
    keeps: { input: { rows: [validRow()] } }
  },
  {
    rule: 'unknownColumn',
    breaks: { input: { text: `${header},Retention Owner\n${cells(validRow())},ana\n` }, row: 1, column: 'Retention Owner' },
    keeps: { input: { text: `${header}\n${cells(validRow())}\n` } }
  },
  {
    rule: 'duplicateColumn',
    breaks: { input: { text: `${header},Comment\n${cells(validRow())},again\n` }, row: 1, column: 'Comment' },
    keeps: { input: { rows: [validRow()] } }
  },
  {
    rule: 'columnSpelling',
    breaks: {
      input: { text: `${headerWith((list) => list.map((name) => (name === 'LabelName' ? 'labelname ' : name)))}\n${cells(validRow())}\n` },
      row: 1,
      column: 'labelname '
    },
    keeps: { input: { rows: [validRow()] } }
  },
  {
    rule: 'columnOrder',
    breaks: {
      // Comment and Notes swapped: both are out of place.
      input: {
        text: `${headerWith((list) => list.map((name) => (name === 'Comment' ? 'Notes' : name === 'Notes' ? 'Comment' : name)))}\n${cells(validRow())}\n`
      },
      row: 1,
      column: 'Comment',
      count: 2
    },
    keeps: { input: { rows: [validRow()] } }
  },
  {
    rule: 'cellCount',
    breaks: { input: { text: `${header}\n${cells(validRow())}\nHR,Comment with, a comma${','.repeat(18)}\n` }, row: 3, column: null },
    keeps: { input: { rows: [validRow(), validRow({ LabelName: 'HR', Comment: 'Comment with, a comma' })] } }
  },
  { rule: 'noLabels', breaks: { input: { text: `${header}\r\n` }, row: 2, column: null }, keeps: { input: { rows: [validRow()] } } },
  {
    rule: 'blankRow',
    breaks: { input: { rows: [validRow(), row({}), validRow({ LabelName: 'HR' })] }, row: 3, column: null },
    keeps: { input: { rows: [validRow(), validRow({ LabelName: 'HR' })] } }
  },
  {
    rule: 'labelNameRequired',
    breaks: { input: { rows: [validRow({ LabelName: '   ' })] }, row: 2, column: 'LabelName' },
    keeps: { input: { rows: [validRow({ LabelName: 'T' })] } }
  },
  {
    rule: 'labelNameLength',
    breaks: { input: { rows: [validRow({ LabelName: 'a'.repeat(65) })] }, row: 2, column: 'LabelName' },
    keeps: { input: { rows: [validRow({ LabelName: 'a'.repeat(64) })] } }
  },
  {
    rule: 'labelNameCharacters',
    breaks: { input: { rows: [validRow({ LabelName: 'Tax #1' })] }, row: 2, column: 'LabelName' },
    keeps: { input: { rows: [validRow({ LabelName: 'Tax-1 2024 FY' })] } }
  },
  {
    rule: 'labelNameSpaces',
    breaks: { input: { rows: [validRow({ LabelName: 'Tax ' })] }, row: 2, column: 'LabelName' },
    keeps: { input: { rows: [validRow({ LabelName: 'Tax records' })] } }
  },
  {
    rule: 'labelNameUnique',
    breaks: { input: { rows: [validRow({ LabelName: 'Tax' }), validRow({ LabelName: 'TAX' })] }, row: 3, column: 'LabelName' },
    keeps: { input: { rows: [validRow({ LabelName: 'Tax' }), validRow({ LabelName: 'Tax 2' })] } }
  },
  {
    rule: 'labelNameTaken',
    breaks: { input: { rows: [validRow({ LabelName: 'Tax' })] }, facts: { existingLabels: ['tax'] }, row: 2, column: 'LabelName' },
    keeps: { input: { rows: [validRow({ LabelName: 'Tax' })] }, facts: { existingLabels: ['Taxes'] } }
  },
  {
    rule: 'labelCount',
    breaks: { input: { rows: [validRow()] }, facts: { existingLabels: names(1000) }, row: 1, column: null },
    keeps: { input: { rows: [validRow()] }, facts: { existingLabels: names(999) } }
  },
  {
    rule: 'descriptionLength',
    breaks: { input: { rows: [validRow({ Notes: 'n'.repeat(1025) })] }, row: 2, column: 'Notes' },
    keeps: { input: { rows: [validRow({ Comment: 'c'.repeat(1024), Notes: 'n'.repeat(1024) })] } }
  },
  {
    rule: 'booleanValue',
    breaks: { input: { rows: [validRow({ IsRecordLabel: 'Yes' })] }, row: 2, column: 'IsRecordLabel' },
    keeps: { input: { rows: [validRow({ IsRecordLabel: 'TRUE' })] } }
  },
  {
    rule: 'retentionActionValue',
    breaks: { input: { rows: [validRow({ RetentionAction: 'keep' })] }, row: 2, column: 'RetentionAction' },
    keeps: { input: { rows: [validRow({ RetentionAction: 'Keep' })] } }
  },
  {
    rule: 'retentionDurationValue',
    breaks: { input: { rows: [validRow({ RetentionDuration: '7 years' })] }, row: 2, column: 'RetentionDuration' },
    keeps: { input: { rows: [validRow({ RetentionDuration: '2555' })] } }
  },
  {
    rule: 'retentionDurationMax',
    breaks: { input: { rows: [validRow({ RetentionDuration: '36526' })] }, row: 2, column: 'RetentionDuration' },
    keeps: { input: { rows: [validRow({ RetentionDuration: '36525' })] } }
  },
  {
    rule: 'retentionTypeValue',
    breaks: { input: { rows: [validRow({ RetentionType: 'CreatedAgeInDays' })] }, row: 2, column: 'RetentionType' },
    keeps: { input: { rows: [validRow({ RetentionType: 'ModificationAgeInDays' })] } }
  },
  {
    rule: 'retentionGroup',
    breaks: { input: { rows: [validRow({ RetentionType: '' })] }, row: 2, column: 'RetentionType' },
    keeps: { input: { rows: [validRow(), row({ LabelName: 'Classification only' })] } }
  },
  {
    rule: 'recordLabelGroup',
    breaks: { input: { rows: [row({ LabelName: 'Tax', IsRecordLabel: 'FALSE' })] }, row: 2, column: 'IsRecordLabel' },
    keeps: { input: { rows: [validRow({ IsRecordLabel: 'FALSE' })] } }
  },
  {
    rule: 'recordLabelRetains',
    breaks: { input: { rows: [validRow({ IsRecordLabel: 'TRUE', RetentionAction: 'Delete' })] }, row: 2, column: 'RetentionAction' },
    keeps: { input: { rows: [validRow({ IsRecordLabel: 'TRUE', RetentionAction: 'KeepAndDelete' })] } }
  },
  {
    rule: 'unlimitedKeepsOnly',
    breaks: { input: { rows: [validRow({ RetentionDuration: 'Unlimited' })] }, row: 2, column: 'RetentionDuration' },
    keeps: { input: { rows: [validRow({ RetentionDuration: 'Unlimited', RetentionAction: 'Keep' })] } }
  },
  {
    rule: 'reviewerGroup',
    breaks: {
      input: { rows: [validRow({ RetentionAction: 'Keep', ReviewerEmail: 'legal@contoso.com' })] },
      row: 2,
      column: 'RetentionAction'
    },
    keeps: { input: { rows: [validRow({ ReviewerEmail: 'legal@contoso.com' })] } }
  },
  {
    rule: 'reviewerEmail',
    breaks: { input: { rows: [validRow({ ReviewerEmail: 'legal@contoso.com;Jane Doe' })] }, row: 2, column: 'ReviewerEmail' },
    keeps: { input: { rows: [validRow({ ReviewerEmail: " legal@contoso.com ; o'brien@contoso.co.uk;" })] } }
  },
  {
    rule: 'reviewerCount',
    breaks: { input: { rows: [validRow({ ReviewerEmail: emails(11) })] }, row: 2, column: 'ReviewerEmail' },
    keeps: { input: { rows: [validRow({ ReviewerEmail: emails(10) })] } }
  },
  {
    rule: 'regulatoryNeedsRecord',
    breaks: { input: { rows: [validRow({ Regulatory: 'TRUE', IsRecordLabel: 'FALSE' })] }, row: 2, column: 'IsRecordLabel' },
    keeps: { input: { rows: [validRow({ Regulatory: 'TRUE', IsRecordLabel: 'TRUE' })] } }
  },
  {
    rule: 'regulatoryEnabled',
    breaks: {
      input: { rows: [validRow({ Regulatory: 'TRUE', IsRecordLabel: 'TRUE' })] },
      facts: { regulatoryRecordsEnabled: false },
      row: 2,
      column: 'Regulatory'
    },
    keeps: { input: { rows: [validRow({ Regulatory: 'TRUE', IsRecordLabel: 'TRUE' })] }, facts: { regulatoryRecordsEnabled: true } }
  },
  {
    rule: 'eventTypeRequired',
    breaks: { input: { rows: [validRow({ RetentionType: 'EventAgeInDays' })] }, row: 2, column: 'EventType' },
    keeps: { input: { rows: [validRow({ RetentionType: 'EventAgeInDays', EventType: 'Employee activity' })] } }
  },
  {
    rule: 'eventTypeUnused',
    breaks: { input: { rows: [validRow({ EventType: 'Employee activity' })] }, row: 2, column: 'EventType' },
    keeps: { input: { rows: [validRow({ RetentionType: 'EventAgeInDays', EventType: 'Employee activity' })] } }
  },
  {
    rule: 'eventTypeExists',
    breaks: {
      input: { rows: [validRow({ RetentionType: 'EventAgeInDays', EventType: 'Contract end' })] },
      facts: { eventTypes: ['Employee activity'] },
      row: 2,
      column: 'EventType'
    },
    keeps: {
      input: { rows: [validRow({ RetentionType: 'EventAgeInDays', EventType: 'Contract end' })] },
      facts: { eventTypes: ['Employee activity', 'contract END'] }
    }
  },
  {
    rule: 'unlockedByDefault',
    breaks: {
      input: { rows: [validRow({ IsRecordUnlockedAsDefault: 'TRUE', IsRecordLabel: 'FALSE' })] },
      row: 2,
      column: 'IsRecordUnlockedAsDefault'
    },
    keeps: { input: { rows: [validRow({ IsRecordUnlockedAsDefault: 'TRUE', IsRecordLabel: 'TRUE' })] } }
  },
  {
    rule: 'relabelNotRegulatory',
    breaks: {
      input: {
        rows: [
          validRow({ RetentionAction: 'Keep', IsRecordLabel: 'TRUE', Regulatory: 'TRUE', ComplianceTagForNextStage: 'Archive' }),
          validRow({ LabelName: 'Archive' })
        ]
      },
      row: 2,
      column: 'ComplianceTagForNextStage'
    },
    keeps: {
      input: {
        rows: [
          validRow({ RetentionAction: 'Keep', IsRecordLabel: 'TRUE', ComplianceTagForNextStage: 'Archive' }),
          validRow({ LabelName: 'Archive' })
        ]
      }
    }
  },
  {
    rule: 'relabelKeepsOnly',
    breaks: {
      input: { rows: [validRow({ ComplianceTagForNextStage: 'Archive' }), validRow({ LabelName: 'Archive' })] },
      row: 2,
      column: 'ComplianceTagForNextStage'
    },
    keeps: {
      input: { rows: [validRow({ RetentionAction: 'Keep', ComplianceTagForNextStage: 'Archive' }), validRow({ LabelName: 'Archive' })] }
    }
  },
  {
    rule: 'relabelTargetExists',
    breaks: {
      input: { rows: [validRow({ RetentionAction: 'Keep', ComplianceTagForNextStage: 'Archive' })] },
      facts: { existingLabels: ['Other'] },
      row: 2,
      column: 'ComplianceTagForNextStage'
    },
    keeps: {
      input: { rows: [validRow({ RetentionAction: 'Keep', ComplianceTagForNextStage: 'Archive' })] },
      facts: { existingLabels: ['ARCHIVE'] }
    }
  },
  {
    rule: 'relabelCycle',
    breaks: {
      input: {
        rows: [
          validRow({ LabelName: 'Active', RetentionAction: 'Keep', ComplianceTagForNextStage: 'Dormant' }),
          validRow({ LabelName: 'Dormant', RetentionAction: 'Keep', ComplianceTagForNextStage: 'active' })
        ]
      },
      row: 2,
      column: 'ComplianceTagForNextStage'
    },
    keeps: {
      input: {
        rows: [
          validRow({ LabelName: 'Active', RetentionAction: 'Keep', ComplianceTagForNextStage: 'Dormant' }),
          validRow({ LabelName: 'Dormant' })
        ]
      }
    }
  },
  {
    rule: 'subCategoryNeedsCategory',
    breaks: { input: { rows: [validRow({ SubCategory: 'Payroll' })] }, row: 2, column: 'Category' },
    keeps: { input: { rows: [validRow({ Category: 'Finance', SubCategory: 'Payroll' })] } }
  },
  {
    rule: 'citationNeedsName',
    breaks: { input: { rows: [validRow({ CitationUrl: 'https://www.sec.gov/' })] }, row: 2, column: 'CitationName' },
    keeps: { input: { rows: [validRow({ CitationName: 'Sarbanes-Oxley Act of 2002', CitationUrl: 'https://www.sec.gov/' })] } }
  },
  {
    rule: 'citationUrlScheme',
    breaks: { input: { rows: [validRow({ CitationName: 'SOX', CitationUrl: 'javascript:alert(1)' })] }, row: 2, column: 'CitationUrl' },
    keeps: { input: { rows: [validRow({ CitationName: 'SOX', CitationUrl: 'www.sec.gov/sox' })] } }
  }
];

describe('file plan CSV rules, one table row per rule', () => {
  it('has a breaking and a keeping case for every rule', () => {
    expect(cases.map((testCase) => testCase.rule).sort()).toEqual([...filePlanCsvRuleIds].sort());
  });

  it.each(cases)('$rule: a row that breaks it is reported at its row and column', ({ rule, breaks }) => {
    const result = validateFilePlanCsv(textOf(breaks.input), breaks.facts);
    const found = result.issues.filter((issue) => issue.rule === rule);
    expect(found).toHaveLength(breaks.count ?? 1);
    expect(found[0]).toMatchObject({ row: breaks.row, column: breaks.column, severity: filePlanCsvRules[rule].severity });
    expect(found[0].message).toMatch(/^[A-Z"].*[.)]$/s);
    expect(result.ok).toBe(filePlanCsvRules[rule].severity === 'warning' && result.issues.every((issue) => issue.severity === 'warning'));
  });

  it.each(cases)('$rule: a row that keeps it passes', ({ keeps }) => {
    const result = validateFilePlanCsv(textOf(keeps.input), keeps.facts);
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.labels.length).toBeGreaterThan(0);
  });
});
