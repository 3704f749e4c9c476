import type { CsvFormat } from './csvFormat';

export const csvSyntaxProblems = ['unterminatedQuote', 'textAfterClosingQuote', 'quoteInsideUnquotedCell'] as const;
export type CsvSyntaxProblem = (typeof csvSyntaxProblems)[number];

/** A place where the text is not RFC 4180 CSV. `record` is 1-based (the header is record 1). */
export interface CsvSyntaxIssue {
  problem: CsvSyntaxProblem;
  record: number;
  /** 1-based cell number within the record. */
  cell: number;
  /** 1-based physical line where the problem starts, which differs from `record` after multi-line cells. */
  line: number;
}

export interface ReadCsvResult {
  ok: boolean;
  /** Every record read, even when `ok` is false, so that callers can still report per-row problems. */
  records: string[][];
  format: CsvFormat;
  issues: CsvSyntaxIssue[];
}

/**
 * Reads comma-separated text as RFC 4180 describes it and as Excel writes it: an optional UTF-8 byte
 * order mark; CRLF, LF or CR line endings; quoted cells holding commas, doubled quotes and line
 * breaks. A line ending after the last record does not start another record. Never throws: syntax
 * problems are listed with their record, cell and line, and reading goes on.
 *
 * @example readCsv('a,"b,c"\r\n').records // [['a', 'b,c']]
 */
export function readCsv(input: string): ReadCsvResult {
  const bom = input.charCodeAt(0) === 0xfeff;
  const text = bom ? input.slice(1) : input;
  const records: string[][] = [];
  const issues: CsvSyntaxIssue[] = [];
  let lineEnding: CsvFormat['lineEnding'] | undefined;
  let record: string[] = [];
  let cell = '';
  let line = 1;
  let index = 0;
  let endedWithLineBreak = false;
  const length = text.length;

  const report = (problem: CsvSyntaxProblem, atLine: number): void => {
    issues.push({ problem, record: records.length + 1, cell: record.length + 1, line: atLine });
  };
  // Consumes a line break at `index`, if there is one, and returns how many characters it took.
  const lineBreakAt = (at: number): number => {
    const char = text.charCodeAt(at);
    if (char === 13) return text.charCodeAt(at + 1) === 10 ? 2 : 1;
    return char === 10 ? 1 : 0;
  };

  while (index < length) {
    endedWithLineBreak = false;
    if (text.charCodeAt(index) === 34) {
      // Quoted cell: runs to the next quote that is not doubled.
      const openedAt = line;
      index += 1;
      let closed = false;
      let start = index;
      while (index < length) {
        const next = text.indexOf('"', index);
        const stop = next === -1 ? length : next;
        for (let at = index; at < stop; at += 1) {
          const char = text.charCodeAt(at);
          if (char === 10 || (char === 13 && text.charCodeAt(at + 1) !== 10)) line += 1;
        }
        if (next === -1) {
          cell += text.slice(start, length);
          index = length;
          break;
        }
        cell += text.slice(start, next);
        if (text.charCodeAt(next + 1) === 34) {
          cell += '"';
          index = next + 2;
          start = index;
          continue;
        }
        index = next + 1;
        closed = true;
        break;
      }
      if (!closed) {
        report('unterminatedQuote', openedAt);
        break;
      }
      // After the closing quote only a comma, a line break or the end may follow.
      if (index < length && text.charCodeAt(index) !== 44 && lineBreakAt(index) === 0) {
        report('textAfterClosingQuote', line);
        while (index < length && text.charCodeAt(index) !== 44 && lineBreakAt(index) === 0) {
          cell += text.charAt(index);
          index += 1;
        }
      }
    } else {
      const start = index;
      while (index < length) {
        const char = text.charCodeAt(index);
        if (char === 44 || char === 10 || char === 13) break;
        if (char === 34) {
          report('quoteInsideUnquotedCell', line);
          // Skip to the end of the cell so one stray quote is reported once.
          while (index < length) {
            const rest = text.charCodeAt(index);
            if (rest === 44 || rest === 10 || rest === 13) break;
            index += 1;
          }
          break;
        }
        index += 1;
      }
      cell += text.slice(start, index);
    }

    if (index >= length) break;
    if (text.charCodeAt(index) === 44) {
      record.push(cell);
      cell = '';
      index += 1;
      if (index === length) {
        // "a,b," ends with an empty last cell.
        break;
      }
      continue;
    }
    const breakLength = lineBreakAt(index);
    if (lineEnding === undefined) {
      lineEnding = breakLength === 2 ? '\r\n' : text.charAt(index) === '\r' ? '\r' : '\n';
    }
    record.push(cell);
    records.push(record);
    record = [];
    cell = '';
    index += breakLength;
    line += 1;
    endedWithLineBreak = true;
  }

  if (!endedWithLineBreak && (length > 0 || record.length > 0)) {
    record.push(cell);
    records.push(record);
  }

  return {
    ok: issues.length === 0,
    records,
    format: { bom, lineEnding: lineEnding ?? '\r\n', finalLineEnding: endedWithLineBreak },
    issues
  };
}
