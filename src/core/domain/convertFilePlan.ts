import { z } from 'zod';
import { filePlanLabelSchema, type FilePlanLabel } from './filePlanLabel';
import { filePlanLabelToCsvRow } from './filePlanLabelToCsvRow';
import { validateFilePlanCsv, type ValidateFilePlanCsvResult } from './validateFilePlanCsv';
import type { FilePlanTenantFacts } from './validateFilePlanRow';
import { writeFilePlanCsv } from './writeFilePlanCsv';

export const filePlanFormats = ['json', 'csv'] as const;
export type FilePlanFormat = (typeof filePlanFormats)[number];

export type ConvertFilePlanResult =
  { ok: true; text: string; warnings: string[] } | { ok: false; reasons: string[]; validation?: ValidateFilePlanCsvResult };

/**
 * Converts a file plan between Purview's import CSV and Custodian's JSON (an array of
 * `FilePlanLabel`), as `custodian fileplan convert FILE --to json|csv` does. CSV is validated first
 * and converted only when it has no errors; JSON is checked with `filePlanLabelSchema`. What the CSV
 * cannot carry (extra review stages, stage names) comes back in `warnings`.
 *
 * @example convertFilePlan('[{"name":"Tax","retention":null,"descriptors":{}}]', 'csv').text.startsWith('\uFEFFLabelName,') // true
 */
export function convertFilePlan(input: string | Uint8Array, to: FilePlanFormat, facts: FilePlanTenantFacts = {}): ConvertFilePlanResult {
  if (to === 'json') {
    const validation = validateFilePlanCsv(input, facts);
    if (!validation.ok) return { ok: false, reasons: ['The file plan has errors; fix them before converting.'], validation };
    return {
      ok: true,
      text: `${JSON.stringify(
        validation.labels.map(({ label }) => label),
        null,
        2
      )}\n`,
      warnings: []
    };
  }
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, reasons: [`The file is not JSON: ${(error as Error).message}`] };
  }
  const parsed = z.array(filePlanLabelSchema).safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      reasons: parsed.error.issues.map((issue) => `${issue.path.length === 0 ? 'The file' : issue.path.join('.')}: ${issue.message}`)
    };
  }
  const warnings: string[] = [];
  const rows = (parsed.data as FilePlanLabel[]).map((label) => {
    const row = filePlanLabelToCsvRow(label);
    warnings.push(...row.warnings.map((warning) => `${label.name}: ${warning}`));
    return row.values;
  });
  return { ok: true, text: writeFilePlanCsv(rows), warnings };
}
