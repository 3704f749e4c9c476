// OWASP's rule for CSV injection (https://owasp.org/www-community/attacks/CSV_Injection; ASVS 5.0 V1.2.10):
// a cell starting with =, +, -, @, tab or carriage return is read by Excel, LibreOffice and Google Sheets as a
// formula (`=HYPERLINK(...)`, `-2+3`, `+cmd|' /C calc'!A0`, a DDE payload), so it gets a leading apostrophe.
// Apostrophes already in front of such a character are counted, so that one more keeps the value reversible.
const formulaStart = /^'*[=+\-@\t\r]/;
const neutralisedStart = /^'+[=+\-@\t\r]/;
// A negative number alone (`-5`, `-0.25`) is data a spreadsheet reads as that number, and no formula can be
// built from it; it is written as it is, so numbers stay numbers in Excel and Custodian's own files.
const negativeNumber = /^-\d+(\.\d+)?$/;

/**
 * Writes one CSV cell: quoted (with quotes doubled) only when it holds a comma, quote or line break,
 * as Excel does, and with a leading apostrophe when a spreadsheet would run it as a formula (always:
 * every CSV Custodian writes is opened in Excel by someone; there is no way to turn it off).
 *
 * The apostrophe is reversible: `restoreNeutralisedFormula` removes exactly one, and a value that
 * already starts with apostrophes before a formula character gets one more, so every value survives
 * export and import unchanged.
 *
 * @example escapeCsvField('Tax, 2024') // '"Tax, 2024"'
 * @example escapeCsvField('=1+1') // "'=1+1"
 * @example escapeCsvField('-Archive') // "'-Archive"
 * @example escapeCsvField('-5') // '-5'
 */
export function escapeCsvField(value: string): string {
  let text = value;
  if (formulaStart.test(text) && !negativeNumber.test(text)) {
    text = `'${text}`;
  }
  if (/[",\r\n]/.test(text)) {
    return `"${text.replace(/"/g, '""')}"`;
  }
  return text;
}

/**
 * Undoes the apostrophe `escapeCsvField` adds to formula-like cells.
 *
 * @example restoreNeutralisedFormula("'=1+1") // '=1+1'
 * @example restoreNeutralisedFormula("'quoted'") // "'quoted'"
 */
export function restoreNeutralisedFormula(value: string): string {
  return neutralisedStart.test(value) ? value.slice(1) : value;
}
