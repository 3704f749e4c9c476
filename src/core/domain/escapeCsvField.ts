// A cell starting with one of these is read by Excel, LibreOffice and Google Sheets as a formula
// (OWASP "CSV injection"): `=HYPERLINK(...)`, `@SUM(...)`, `-2+3`, or a DDE payload.
const formulaStart = /^'*[=+\-@\t\r]/;
const neutralisedStart = /^'+[=+\-@\t\r]/;
// What a valid Purview label name may contain. Such a cell cannot call a function or DDE, so a name
// like "-Archive" is written as it is and stays importable.
const harmlessText = /^[A-Za-z0-9 -]*$/;

/**
 * Writes one CSV cell: quoted (with quotes doubled) only when it holds a comma, quote or line break,
 * as Excel does. With `neutraliseFormulas`, a cell that a spreadsheet would run as a formula gets a
 * leading apostrophe, so opening the export in Excel shows text instead of running it.
 *
 * The apostrophe is reversible: `restoreNeutralisedFormula` removes exactly one, and a value that
 * already starts with apostrophes before a formula character gets one more, so every value survives
 * export and import unchanged.
 *
 * @example escapeCsvField('Tax, 2024') // '"Tax, 2024"'
 * @example escapeCsvField('=1+1', { neutraliseFormulas: true }) // "'=1+1"
 */
export function escapeCsvField(value: string, options: { neutraliseFormulas?: boolean } = {}): string {
  let text = value;
  if (options.neutraliseFormulas === true && formulaStart.test(text) && !harmlessText.test(text)) {
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
