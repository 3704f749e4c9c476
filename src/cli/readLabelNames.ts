import { readCsv } from '../core/domain';

export type ReadLabelNamesResult = { ok: true; names: string[] } | { ok: false; reason: string };

/**
 * The column that holds the label name in the exports `--existing-labels` accepts, in order of
 * preference: Purview's file plan template and export (`LabelName`), Graph and CLI for Microsoft 365
 * (`displayName`), Security & Compliance PowerShell's `Get-ComplianceTag | Export-Csv` (`Name`).
 */
export const labelNameColumns = ['LabelName', 'displayName', 'Name'] as const;

function decode(bytes: Uint8Array): { ok: true; text: string } | { ok: false; reason: string } {
  // Windows PowerShell 5.1 writes `>` and Out-File as UTF-16 with a byte order mark; accept it here,
  // since a list of names made with `Get-ComplianceTag | Select -Expand Name > labels.txt` is likely.
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  let text: string;
  try {
    text =
      utf16 === undefined
        ? new TextDecoder('utf-8', { fatal: true }).decode(bytes)
        : new TextDecoder(utf16, { fatal: true }).decode(bytes.subarray(2));
  } catch {
    return { ok: false, reason: 'is not UTF-8 or UTF-16 text. Save it as UTF-8.' };
  }
  if (text.indexOf('\u0000') !== -1) return { ok: false, reason: 'contains NUL characters, so it is not a text file.' };
  return { ok: true, text: text.replace(/^\uFEFF/, '') };
}

/**
 * Reads the file given to `--existing-labels`: either one label name per line, or a CSV export whose
 * first line is a header with a `LabelName`, `displayName` or `Name` column (compared ignoring case).
 * A first line read as CSV that has several cells but none of those columns is refused, since label
 * names cannot hold commas in Purview's import. Names are trimmed; empty lines are skipped; an empty
 * file means the tenant has no labels. A `#TYPE` line that Windows PowerShell's Export-Csv writes
 * first is skipped.
 *
 * @example readLabelNames(new TextEncoder().encode('Tax records\nHR files\n')) // { ok: true, names: ['Tax records', 'HR files'] }
 */
export function readLabelNames(bytes: Uint8Array): ReadLabelNamesResult {
  const decoded = decode(bytes);
  if (!decoded.ok) return decoded;
  const text = decoded.text.replace(/^#TYPE [^\r\n]*(\r\n|\n|\r)?/, '');
  const read = readCsv(text);
  const header = read.records[0] ?? [];
  const folded = header.map((cell) => cell.trim().toLowerCase());
  const column = labelNameColumns.map((name) => folded.indexOf(name.toLowerCase())).find((index) => index !== -1);

  if (column !== undefined) {
    const problem = read.issues[0];
    if (problem !== undefined) {
      return { ok: false, reason: `is not valid CSV: see line ${problem.line}, cell ${problem.cell} (a quote is missing or extra).` };
    }
    const names = read.records
      .slice(1)
      .map((record) => (record[column] ?? '').trim())
      .filter((name) => name !== '');
    return { ok: true, names };
  }
  if (header.length > 1) {
    return {
      ok: false,
      reason: `looks like a CSV file, but its first line has no ${labelNameColumns.join(', ')} column. Give one label name per line, or an export with one of those columns.`
    };
  }
  return {
    ok: true,
    names: text
      .split(/\r\n|\n|\r/)
      .map((line) => line.trim())
      .filter((line) => line !== '')
  };
}
