/**
 * How a CSV file was laid out, so that writing it back reproduces it byte for byte. Excel's
 * "CSV UTF-8" writes a byte order mark, CRLF line endings and a line ending after the last row.
 */
export interface CsvFormat {
  bom: boolean;
  lineEnding: '\r\n' | '\n' | '\r';
  finalLineEnding: boolean;
}

/** What Excel's "CSV UTF-8 (Comma delimited)" writes, and what Custodian writes unless told otherwise. */
export const excelCsvFormat: CsvFormat = { bom: true, lineEnding: '\r\n', finalLineEnding: true };
