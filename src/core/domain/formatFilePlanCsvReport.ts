import type { ValidateFilePlanCsvResult } from './validateFilePlanCsv';

export const reportFormats = ['text', 'json'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export interface FilePlanCsvReport {
  stdout: string;
  stderr: string;
  /** 1 when there is any error, as `custodian fileplan validate` exits. */
  exitCode: 0 | 1;
}

/**
 * Formats a validation result the way `custodian fileplan validate FILE [--json]` prints it, so the
 * command line stays a thin shell around the domain. Text: one line per error or warning,
 * `row R, column C: message` (`row R: message` for a whole row or file). JSON: an array of
 * `{ row, column, rule, message }` for the errors. Warnings (in JSON mode) and skipped tenant rules
 * go to stderr as notes.
 *
 * @example formatFilePlanCsvReport(validateFilePlanCsv(text), 'text').stdout
 * // 'row 3, column RetentionDuration: RetentionDuration is 40000 days; the most Purview accepts is 36525 ...\n'
 */
export function formatFilePlanCsvReport(result: ValidateFilePlanCsvResult, format: ReportFormat = 'text'): FilePlanCsvReport {
  const errors = result.issues.filter((issue) => issue.severity === 'error');
  const warnings = result.issues.filter((issue) => issue.severity === 'warning');
  const line = (issue: ValidateFilePlanCsvResult['issues'][number], prefix = ''): string =>
    `row ${issue.row}${issue.column === null ? '' : `, column ${issue.column}`}: ${prefix}${issue.message}`;
  const notes = result.skipped.map((skip) => `note: ${skip.reason}`);
  const lines = (list: string[]): string => list.map((text) => `${text}\n`).join('');
  if (format === 'json') {
    const body = errors.map(({ row, column, rule, message }) => ({ row, column, rule, message }));
    return {
      stdout: `${JSON.stringify(body, null, 2)}\n`,
      stderr: lines([...warnings.map((issue) => line(issue, 'warning: ')), ...notes]),
      exitCode: errors.length > 0 ? 1 : 0
    };
  }
  return {
    stdout: lines(result.issues.map((issue) => line(issue, issue.severity === 'warning' ? 'warning: ' : ''))),
    stderr: lines(notes),
    exitCode: errors.length > 0 ? 1 : 0
  };
}
