import { formatFilePlanCsvReport, type ReportFormat, type ValidateFilePlanCsvResult } from '../core/domain';

export interface ReportOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Issues formatted per call: small enough that no output string comes near V8's ~512 MB limit. */
export const reportChunkSize = 10_000;

/**
 * Prints what `formatFilePlanCsvReport` gives for a validation result, byte for byte, but a slice of
 * the issues at a time. A 10 MB file of one-character lines under a valid header has five million
 * findings, and formatting them as one string throws "Invalid string length"; in slices each call
 * stays small. JSON slices are joined into the one array the whole result would give. Returns the
 * exit code (1 when there is any error).
 */
export function printFilePlanReport(
  result: ValidateFilePlanCsvResult,
  format: ReportFormat,
  output: ReportOutput,
  chunkSize: number = reportChunkSize
): 0 | 1 {
  const { issues } = result;
  let exitCode: 0 | 1 = 0;
  let jsonItems = 0;
  if (format === 'json') output.stdout('[');
  for (let start = 0; start === 0 || start < issues.length; start += chunkSize) {
    const last = start + chunkSize >= issues.length;
    const part = formatFilePlanCsvReport(
      { ...result, issues: issues.slice(start, start + chunkSize), skipped: last ? result.skipped : [] },
      format
    );
    if (part.exitCode === 1) exitCode = 1;
    if (format === 'json') {
      // JSON.stringify(array, null, 2) is "[\n" + items joined by ",\n" + "\n]"; keep the items.
      if (part.stdout !== '[]\n') {
        output.stdout(`${jsonItems === 0 ? '\n' : ',\n'}${part.stdout.slice(2, -3)}`);
        jsonItems += 1;
      }
    } else if (part.stdout !== '') {
      output.stdout(part.stdout);
    }
    if (part.stderr !== '') output.stderr(part.stderr);
  }
  if (format === 'json') output.stdout(jsonItems === 0 ? ']\n' : '\n]\n');
  return exitCode;
}
