import type { CsvFormat } from './csvFormat';
import { restoreNeutralisedFormula } from './escapeCsvField';
import { emptyFilePlanCsvValues, filePlanCsvColumns, type FilePlanCsvColumn, type FilePlanCsvRow } from './filePlanCsvColumns';
import { filePlanCsvIssue, type FilePlanCsvIssue } from './filePlanCsvRules';
import { quoteForMessage } from './quoteForMessage';
import { readCsv, type CsvSyntaxProblem } from './readCsv';

export interface FilePlanCsvDocument {
  format: CsvFormat;
  rows: FilePlanCsvRow[];
}

export interface ParseFilePlanCsvResult {
  /** The rows that could be read, for validation and export even when there are issues. */
  document: FilePlanCsvDocument;
  /** Problems of the file's structure (syntax, header, cell counts); none when it is sound. */
  issues: FilePlanCsvIssue[];
}

const syntaxMessages: Record<CsvSyntaxProblem, string> = {
  unterminatedQuote:
    'opens a quoted cell that is never closed, so the rest of the file was read as this one cell. Add the closing quote (").',
  textAfterClosingQuote:
    'has text after the closing quote of a quoted cell. Put the whole cell in quotes and double any quote inside it ("").',
  quoteInsideUnquotedCell: 'has a quote inside a cell that does not start with a quote. Put the cell in quotes and double the quote ("").'
};

const fold = (name: string): string => name.trim().toLowerCase();

/**
 * Reads a Purview file plan CSV into rows, checking the structure Purview's importer requires: the
 * template's 20 columns, spelled and ordered as in the template, and the same number of cells in
 * every row. Everything found is reported (never only the first problem); rows are still returned
 * when the header is misspelled or reordered, mapped by column name, so their cells can be checked too.
 *
 * Cells keep their exact text, except that the apostrophe `writeFilePlanCsv` puts before formula-like
 * text is taken off again.
 *
 * @example parseFilePlanCsv('\uFEFFLabelName,Comment,...\r\nTax,,...\r\n').document.rows[0].rowNumber // 2
 */
export function parseFilePlanCsv(text: string): ParseFilePlanCsvResult {
  const read = readCsv(text);
  const issues: FilePlanCsvIssue[] = [];
  const document: FilePlanCsvDocument = { format: read.format, rows: [] };
  const header = read.records[0];

  if (header === undefined || (header.length === 1 && header[0].trim() === '')) {
    issues.push(
      filePlanCsvIssue(
        'emptyFile',
        1,
        null,
        "The file is empty. Start from Purview's template: a header row with the 20 column names, then one row per label."
      )
    );
    return { document, issues };
  }

  // Where each template column is in this file's header: exact name first, then a looser match
  // (case, surrounding spaces) that is reported but still used.
  const positions = new Map<FilePlanCsvColumn, number>();
  const claimed = new Set<number>();
  for (const column of filePlanCsvColumns) {
    const exact = header.indexOf(column);
    if (exact !== -1) {
      positions.set(column, exact);
      claimed.add(exact);
    }
  }
  for (const column of filePlanCsvColumns) {
    if (positions.has(column)) continue;
    const loose = header.findIndex((name, index) => !claimed.has(index) && fold(name) === fold(column));
    if (loose !== -1) {
      positions.set(column, loose);
      claimed.add(loose);
      issues.push(
        filePlanCsvIssue(
          'columnSpelling',
          1,
          header[loose],
          `The column header ${quoteForMessage(header[loose])} must be spelled exactly ${column}.`
        )
      );
    }
  }

  if (positions.size === 0) {
    // Not a file plan at all: one finding says so, rather than one per stray quote in the rest.
    issues.push(
      filePlanCsvIssue(
        'missingColumn',
        1,
        null,
        "The first row has none of the column names of Purview's file plan template, so this is not a file plan import file."
      )
    );
    return { document, issues };
  }

  for (const syntax of read.issues) {
    const column = syntax.record === 1 ? null : (header[syntax.cell - 1] ?? null);
    const where = syntax.record === 1 ? `Cell ${syntax.cell} of the header` : `This cell (line ${syntax.line} of the file)`;
    issues.push(filePlanCsvIssue('csvSyntax', syntax.record, column, `${where} ${syntaxMessages[syntax.problem]}`));
  }

  for (const column of filePlanCsvColumns) {
    if (!positions.has(column)) {
      issues.push(filePlanCsvIssue('missingColumn', 1, column, `The column ${column} is missing from the header row.`));
    }
  }
  header.forEach((name, index) => {
    if (claimed.has(index)) return;
    const template = filePlanCsvColumns.find((column) => fold(column) === fold(name));
    issues.push(
      template === undefined
        ? filePlanCsvIssue(
            'unknownColumn',
            1,
            name,
            `The header has a column ${quoteForMessage(name)} that is not in Purview's template. Remove it.`
          )
        : filePlanCsvIssue('duplicateColumn', 1, name, `The column ${template} appears more than once in the header row.`)
    );
  });

  const allPresent = positions.size === filePlanCsvColumns.length && header.length === filePlanCsvColumns.length;
  if (allPresent) {
    filePlanCsvColumns.forEach((column, expected) => {
      const actual = positions.get(column) as number;
      if (actual !== expected) {
        issues.push(
          filePlanCsvIssue(
            'columnOrder',
            1,
            column,
            `The column ${column} is column ${actual + 1}; Purview's template has it as column ${expected + 1}.`
          )
        );
      }
    });
  }

  read.records.slice(1).forEach((record, index) => {
    const rowNumber = index + 2;
    const isEmptyLine = record.length === 1 && record[0] === '';
    if (!isEmptyLine && record.length !== header.length) {
      issues.push(
        filePlanCsvIssue(
          'cellCount',
          rowNumber,
          null,
          `This row has ${record.length} ${record.length === 1 ? 'cell' : 'cells'} but the header has ${header.length}. A comma is missing or extra, or a cell containing a comma is not in quotes.`
        )
      );
      return;
    }
    const values = emptyFilePlanCsvValues();
    if (!isEmptyLine) {
      positions.forEach((position, column) => {
        values[column] = restoreNeutralisedFormula(record[position]);
      });
    }
    document.rows.push({ rowNumber, values });
  });

  return { document, issues };
}
