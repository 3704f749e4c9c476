import { validateFilePlanCsv } from '../../../src/core/domain/validateFilePlanCsv';
import { purviewFilePlanColumns, purviewFilePlanCsv } from '../../e2e/support/purviewFilePlanCsv';

// What the report says about a file that is not a plan of labels at all: not text, empty, not Purview's template,
// a header alone. Outside truth: Purview's blank template (its 20 columns typed in by hand from Microsoft Learn, in
// test/e2e/support), RFC 4180 for what a malformed quote is, and what a person must be told to fix, in the order they
// would fix it: the file before its rows, a row's cells in the template's order before what concerns the whole row.
// Every expected result below is written by hand; none comes from the product's own reader.
const blankRow = ',,,,,,,,,,,,,,,,,,,';
const nothingRead = { format: { bom: false, lineEnding: '\r\n', finalLineEnding: false }, rows: [] };

describe('validateFilePlanCsv on a whole file that is not a plan of labels', () => {
  it('reads nothing from a UTF-16 file and says how to save it as UTF-8', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x4c, 0x00, 0x61, 0x00]);
    expect(validateFilePlanCsv(utf16)).toStrictEqual({
      ok: false,
      issues: [
        {
          row: 1,
          column: null,
          rule: 'notUtf8',
          severity: 'error',
          message: 'The file is saved as UTF-16 ("Unicode text"). Save it from Excel as "CSV UTF-8 (Comma delimited)" instead.'
        }
      ],
      skipped: [],
      labels: [],
      document: nothingRead
    });
  });

  it('says an empty file is empty, and nothing about tenant checks it never reached', () => {
    const result = validateFilePlanCsv('');
    expect(result.issues.map((issue) => issue.rule)).toStrictEqual(['emptyFile']);
    expect(result.skipped).toStrictEqual([]);
    expect(result.document).toStrictEqual(nothingRead);
  });

  it('stops at a first row that names none of the template columns, without judging its rows as labels', () => {
    const result = validateFilePlanCsv('Tax records,KeepAndDelete,2555\r\nPayroll,Delete,365\r\n');
    expect(result.issues.map((issue) => [issue.row, issue.column, issue.rule])).toStrictEqual([[1, null, 'missingColumn']]);
    expect(result.skipped).toStrictEqual([]);
    expect(result.labels).toStrictEqual([]);
  });

  it('goes on past a header with an extra column, to say there are no labels under it', () => {
    const result = validateFilePlanCsv(purviewFilePlanCsv([], [...purviewFilePlanColumns, 'Owner']));
    expect(result.issues.map((issue) => [issue.row, issue.column, issue.rule])).toStrictEqual([
      [1, 'Owner', 'unknownColumn'],
      [2, null, 'noLabels']
    ]);
  });

  it('says there are no labels before saying the row under the header is empty', () => {
    const result = validateFilePlanCsv(`${purviewFilePlanColumns.join(',')}\r\n${blankRow}\r\n`);
    expect(result.issues.map((issue) => [issue.row, issue.column, issue.rule])).toStrictEqual([
      [2, null, 'noLabels'],
      [2, null, 'blankRow']
    ]);
  });

  it('does not add "no labels" when the rows could not be read: the quote is what to fix', () => {
    const result = validateFilePlanCsv(`${purviewFilePlanColumns.join(',')}\r\n"" ${blankRow}\r\n`);
    expect(result.issues.map((issue) => [issue.row, issue.column, issue.rule])).toStrictEqual([
      [2, 'LabelName', 'csvSyntax'],
      [2, null, 'blankRow']
    ]);
  });

  it("puts the header's column problems before the tenant's label count on the first row", () => {
    const [first, second, ...rest] = purviewFilePlanColumns;
    const existingLabels = Array.from({ length: 1000 }, (_, index) => `Existing ${index + 1}`);
    const result = validateFilePlanCsv(purviewFilePlanCsv([{ Comment: 'New records', LabelName: 'Payroll' }], [second, first, ...rest]), {
      existingLabels,
      eventTypes: [],
      regulatoryRecordsEnabled: false
    });
    expect(result.issues.filter((issue) => issue.row === 1).map((issue) => [issue.column, issue.rule])).toStrictEqual([
      ['LabelName', 'columnOrder'],
      ['Comment', 'columnOrder'],
      [null, 'labelCount']
    ]);
    expect(result.issues.find((issue) => issue.rule === 'labelCount')?.message).toBe(
      'This would make 1001 retention labels; a tenant can have at most 1000.'
    );
  });

  it('goes on to every row when one row has too few cells or the header lacks one column', () => {
    const shortRow = validateFilePlanCsv(
      `${purviewFilePlanColumns.join(',')}\r\nPayroll,,,,KeepAndDelete,2555,CreationAgeInDays,,,,,,,,,,,,,\r\nTax records,KeepAndDelete\r\n`
    );
    expect(shortRow.issues.map((issue) => [issue.row, issue.column, issue.rule])).toStrictEqual([[3, null, 'cellCount']]);
    expect(shortRow.labels.map(({ rowNumber, label }) => [rowNumber, label.name])).toStrictEqual([[2, 'Payroll']]);

    const withoutNotes = purviewFilePlanColumns.filter((column) => column !== 'Notes');
    const noNotes = validateFilePlanCsv(purviewFilePlanCsv([{ LabelName: 'Payroll', RetentionAction: 'Sometimes' }], withoutNotes));
    expect(noNotes.issues.map((issue) => [issue.row, issue.column, issue.rule])).toStrictEqual([
      [1, 'Notes', 'missingColumn'],
      [2, 'RetentionAction', 'retentionActionValue'],
      [2, 'RetentionDuration', 'retentionGroup'],
      [2, 'RetentionType', 'retentionGroup']
    ]);
  });
});
