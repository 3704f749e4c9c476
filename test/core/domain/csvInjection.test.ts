import { readCsv } from '../../../src/core/domain/readCsv';
import { restoreNeutralisedFormula } from '../../../src/core/domain/escapeCsvField';
import { writeCsv } from '../../../src/core/domain/writeCsv';
import { writeFilePlanCsv } from '../../../src/core/domain/writeFilePlanCsv';
import { parseFilePlanCsv } from '../../../src/core/domain/parseFilePlanCsv';
import { recordSearchCsv } from '../../../src/core/services/search/recordSearchCsv';
import type { RecordSearchRow } from '../../../src/core/services/search/RecordSearch';
import { validRow } from './support/filePlanFixtures';

/**
 * The attack: an office worker types a formula into a title, a comment or a justification; a records manager
 * exports and opens the CSV in Excel, which runs every cell that starts with =, +, -, @, tab or CR
 * (OWASP, https://owasp.org/www-community/attacks/CSV_Injection: "Ensure that no cells begin with any of the
 * following characters: Equals to (=), Plus (+), Minus (-), At (@), Tab (0x09), Carriage return (0x0D)").
 * `-2+3` opens as 1, `-1-1` as -2, `-A1` as another cell's value, `+cmd|' /C calc'!A0` starts a program (DDE).
 * What a spreadsheet shows is what is checked: each cell as read back from the file must start with
 * the apostrophe that makes Excel show it as text.
 */
const payloads = ['-2+3', "+cmd|' /C calc'!A0", '-1-1', '-A1', '-Archive', '+1', '=1+1', '@SUM(A1)'];

function searchRow(cells: Partial<RecordSearchRow>): RecordSearchRow {
  return {
    key: 'k',
    siteId: 's',
    listId: 'l',
    itemId: 'i',
    name: 'Budget.xlsx',
    title: '',
    webUrl: 'https://contoso.sharepoint.com/sites/finance/Budget.xlsx',
    labelName: 'Tax records',
    department: '',
    category: '',
    referenceId: '',
    assetId: '',
    created: '2024-03-01T09:30:00Z',
    modified: '2024-03-02T10:00:00Z',
    labelledAt: '',
    isRecord: false,
    ...cells
  };
}

describe('CSV injection: a cell starting with - or + is neutralised like = and @ in every export', () => {
  it.each(payloads)('the shared writer neutralises %j without being asked', (payload) => {
    const [[cell]] = readCsv(writeCsv([[payload]])).records;
    expect(cell).toBe(`'${payload}`);
    expect(restoreNeutralisedFormula(cell)).toBe(payload);
  });

  it.each(payloads)('the search export (information request) neutralises a title %j', (payload) => {
    const records = readCsv(recordSearchCsv([searchRow({ title: payload, referenceId: payload })])).records;
    const header = records[0];
    expect(records[1][header.indexOf('Title')]).toBe(`'${payload}`);
    expect(records[1][header.indexOf('Reference ID')]).toBe(`'${payload}`);
  });

  it.each(payloads)("the file plan export neutralises %j and Custodian's import reads it back unchanged", (payload) => {
    const text = writeFilePlanCsv([validRow({ Comment: payload, Notes: payload, LabelName: '-Archive' })]);
    const records = readCsv(text).records;
    expect(records[1][records[0].indexOf('Comment')]).toBe(`'${payload}`);
    expect(records[1][records[0].indexOf('Notes')]).toBe(`'${payload}`);
    const parsed = parseFilePlanCsv(text);
    expect(parsed.document.rows[0].values).toMatchObject({ Comment: payload, Notes: payload, LabelName: '-Archive' });
  });

  it('leaves a negative number and dates as they are, so they stay numbers and dates in Excel and on re-import', () => {
    const cells = ['-5', '-0.25', '2024-03-01', '2024-03-01T09:30:00Z', '2555'];
    expect(readCsv(writeCsv([cells])).records).toEqual([cells]);
    const text = writeFilePlanCsv([validRow({ Comment: '-5', Notes: '2024-03-01' })]);
    expect(parseFilePlanCsv(text).document.rows[0].values).toMatchObject({ Comment: '-5', Notes: '2024-03-01', RetentionDuration: '2555' });
    expect(writeFilePlanCsv(parseFilePlanCsv(text).document.rows.map((row) => row.values))).toBe(text);
  });
});
