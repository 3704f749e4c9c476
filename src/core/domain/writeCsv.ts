import { excelCsvFormat, type CsvFormat } from './csvFormat';
import { escapeCsvField } from './escapeCsvField';

/**
 * Writes records as CSV in the given layout (Excel's by default: BOM, CRLF, a final line ending),
 * escaping every cell with `escapeCsvField`, which neutralises formulas (OWASP's CSV injection rule) in
 * every export. `readCsv(writeCsv(records, format))` gives back the same format and records, each cell
 * as written; `restoreNeutralisedFormula` on each gives back the value.
 *
 * @example writeCsv([['LabelName'], ['Tax, 2024']], { bom: false, lineEnding: '\n', finalLineEnding: true })
 * // 'LabelName\n"Tax, 2024"\n'
 */
export function writeCsv(records: readonly (readonly string[])[], format: CsvFormat = excelCsvFormat): string {
  const lines = records.map((record) => record.map((value) => escapeCsvField(value)).join(','));
  const body = lines.join(format.lineEnding);
  return `${format.bom ? '\uFEFF' : ''}${body}${format.finalLineEnding && lines.length > 0 ? format.lineEnding : ''}`;
}
