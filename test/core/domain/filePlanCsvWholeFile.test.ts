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
    // A first line of spaces alone is an empty file too, not one whose header lacks every column.
    expect(validateFilePlanCsv(' \r\n').issues.map((issue) => [issue.row, issue.rule])).toStrictEqual([[1, 'emptyFile']]);
  });

  it('stops at a first row that names none of the template columns, without judging its rows as labels', () => {
    const result = validateFilePlanCsv('Tax records,KeepAndDelete,2555\r\nPayroll,Delete,365\r\n');
    expect(result.issues.map((issue) => [issue.row, issue.column, issue.rule, issue.message])).toStrictEqual([
      [
        1,
        null,
        'missingColumn',
        "The first row has none of the column names of Purview's file plan template, so this is not a file plan import file."
      ]
    ]);
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

describe('validateFilePlanCsv on the header row', () => {
  const where = (text: string) => validateFilePlanCsv(text).issues.map((issue) => [issue.row, issue.column, issue.rule, issue.message]);
  const templateWith = (columns: readonly string[]) => `${columns.join(',')}\r\n`;

  it('reads a header whose first cell is blank (a spreadsheet index column) as the template with one column too many', () => {
    const text = `,${purviewFilePlanColumns.join(',')}\r\n1,Payroll${blankRow}\r\n`;
    const result = validateFilePlanCsv(text);
    expect(result.issues.map((issue) => [issue.row, issue.column, issue.rule])).toStrictEqual([[1, '', 'unknownColumn']]);
    expect(result.labels.map(({ label }) => label.name)).toStrictEqual(['Payroll']);
  });

  it('lists the 19 columns a one-column header lacks, by name', () => {
    const result = validateFilePlanCsv('LabelName\r\nPayroll\r\n');
    expect(result.issues.map((issue) => [issue.rule, issue.column])).toStrictEqual(
      purviewFilePlanColumns.slice(1).map((column) => ['missingColumn', column])
    );
  });

  it('does not call the template columns out of order when an unknown column comes first', () => {
    expect(where(templateWith(['Owner', ...purviewFilePlanColumns]))).toStrictEqual([
      [1, 'Owner', 'unknownColumn', `The header has a column "Owner" that is not in Purview's template. Remove it.`],
      [2, null, 'noLabels', 'The file has a header but no labels. Add one row per label under the header.']
    ]);
  });

  it('names the missing column and the unknown one in its place, without an order to fix', () => {
    expect(where(templateWith(purviewFilePlanColumns.map((column) => (column === 'Notes' ? 'Owner' : column))))).toStrictEqual([
      [1, 'Notes', 'missingColumn', 'The column Notes is missing from the header row.'],
      [1, 'Owner', 'unknownColumn', `The header has a column "Owner" that is not in Purview's template. Remove it.`],
      [2, null, 'noLabels', 'The file has a header but no labels. Add one row per label under the header.']
    ]);
  });

  it('counts columns from 1, as a spreadsheet does, when two are swapped', () => {
    const [labelName, comment, notes, ...rest] = purviewFilePlanColumns;
    expect(where(templateWith([labelName, notes, comment, ...rest])).slice(0, 2)).toStrictEqual([
      [1, 'Comment', 'columnOrder', "The column Comment is column 3; Purview's template has it as column 2."],
      [1, 'Notes', 'columnOrder', "The column Notes is column 2; Purview's template has it as column 3."]
    ]);
  });

  it('says where a stray quote is: a cell of the header, or a line of the file', () => {
    const [labelName, , ...rest] = purviewFilePlanColumns;
    expect(where(templateWith([labelName, 'Com"ment', ...rest])).filter(([, , rule]) => rule === 'csvSyntax')).toStrictEqual([
      [
        1,
        null,
        'csvSyntax',
        'Cell 2 of the header has a quote inside a cell that does not start with a quote. Put the cell in quotes and double the quote ("").'
      ]
    ]);
    expect(
      where(`${purviewFilePlanColumns.join(',')}\r\nPay"roll${blankRow}\r\n`).filter(([, , rule]) => rule === 'csvSyntax')
    ).toStrictEqual([
      [
        2,
        'LabelName',
        'csvSyntax',
        'This cell (line 2 of the file) has a quote inside a cell that does not start with a quote. Put the cell in quotes and double the quote ("").'
      ]
    ]);
  });

  it('counts a row of one filled cell as a row with too few cells, not as an empty one', () => {
    expect(where(`${purviewFilePlanColumns.join(',')}\r\nPayroll\r\n`)).toStrictEqual([
      [
        2,
        null,
        'cellCount',
        'This row has 1 cell but the header has 20. A comma is missing or extra, or a cell containing a comma is not in quotes.'
      ]
    ]);
  });

  it('says "cells" for a row of more than one', () => {
    expect(where(`${purviewFilePlanColumns.join(',')}\r\nPayroll,KeepAndDelete,2555\r\n`).map(([, , , message]) => message)).toStrictEqual([
      'This row has 3 cells but the header has 20. A comma is missing or extra, or a cell containing a comma is not in quotes.'
    ]);
  });
});
