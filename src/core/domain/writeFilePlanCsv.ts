import { excelCsvFormat, type CsvFormat } from './csvFormat';
import { filePlanCsvColumns, type FilePlanCsvValues } from './filePlanCsvColumns';
import { writeCsv } from './writeCsv';

/**
 * Writes file plan rows in Purview's import format: the template header, then one row per label, in
 * Excel's layout unless another is given (pass `parsed.document.format` to reproduce a file exactly).
 *
 * Formula injection: a cell that a spreadsheet would run as a formula (starting with = + - @, a tab
 * or a carriage return; a label name "-Archive" too, which Excel would show as #NAME?) is written with
 * a leading apostrophe; a negative number is not. `parseFilePlanCsv` removes that apostrophe again, so
 * `parseFilePlanCsv(writeFilePlanCsv(rows))` always gives back the same rows, and for a file Excel
 * wrote, `writeFilePlanCsv(parse(text).rows, parse(text).format) === text`. Purview's own importer
 * would keep the apostrophe in a cell that starts with such a character; see docs/domain.md.
 *
 * @example writeFilePlanCsv([{ ...emptyFilePlanCsvValues(), LabelName: 'Tax' }], { bom: false, lineEnding: '\n', finalLineEnding: true })
 * // 'LabelName,Comment,...,ComplianceTagForNextStage\nTax,,...,\n'
 */
export function writeFilePlanCsv(rows: readonly FilePlanCsvValues[], format: CsvFormat = excelCsvFormat): string {
  const records = [[...filePlanCsvColumns], ...rows.map((values) => filePlanCsvColumns.map((column) => values[column]))];
  return writeCsv(records, format);
}
