import { decodeCsvBytes } from './decodeCsvBytes';
import { filePlanCsvColumns, type FilePlanCsvRow } from './filePlanCsvColumns';
import { filePlanCsvIssue, filePlanCsvRuleIds, type FilePlanCsvIssue, type SkippedFilePlanCsvRule } from './filePlanCsvRules';
import type { FilePlanLabel } from './filePlanLabel';
import { findRelabelCycles } from './findRelabelCycles';
import { parseFilePlanCsv, type FilePlanCsvDocument } from './parseFilePlanCsv';
import { purviewLimits } from './purviewLimits';
import { quoteForMessage } from './quoteForMessage';
import { validateFilePlanRow, type FilePlanTenantFacts } from './validateFilePlanRow';

export interface ValidateFilePlanCsvResult {
  /** True when there is no error (warnings allowed): the file should import. */
  ok: boolean;
  /** Errors and warnings, ordered by row, then by the template's column order. */
  issues: FilePlanCsvIssue[];
  /** Tenant rules that were not run because the facts they need were not given. */
  skipped: SkippedFilePlanCsvRule[];
  /** One label per row that has no error, with its row number. */
  labels: Array<{ rowNumber: number; label: FilePlanLabel }>;
  /** The rows as read, for export; empty when the file could not be decoded. */
  document: FilePlanCsvDocument;
}

// Row-wide issues (no column) come after the row's cells.
const columnRank = (column: string | null): number => {
  const index = (filePlanCsvColumns as readonly (string | null)[]).indexOf(column);
  return index === -1 ? filePlanCsvColumns.length : index;
};

function isBlank(row: FilePlanCsvRow): boolean {
  return filePlanCsvColumns.every((column) => row.values[column].trim() === '');
}

/**
 * Checks a Purview file plan import file the way Purview's importer does, and more: every
 * documented rule (template columns and order, allowed values, group dependencies, name length and
 * characters, description lengths, the 36,525-day ceiling, unique names, regulatory and
 * unlocked-by-default rules, event types that must exist, reviewer addresses) plus the inferred
 * rules listed in docs/domain.md. Every problem is reported with its spreadsheet row and column,
 * never only the first; bad input of any kind (empty, binary, not UTF-8) gives issues, not exceptions.
 *
 * @example validateFilePlanCsv(text, { eventTypes: ['Employee activity'] }).issues
 * // [{ row: 3, column: 'RetentionDuration', rule: 'retentionDurationMax', severity: 'error', message: '...' }]
 */
export function validateFilePlanCsv(input: string | Uint8Array, facts: FilePlanTenantFacts = {}): ValidateFilePlanCsvResult {
  const empty: FilePlanCsvDocument = { format: { bom: false, lineEnding: '\r\n', finalLineEnding: false }, rows: [] };
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    const decoded = decodeCsvBytes(input);
    if (!decoded.ok) {
      return { ok: false, issues: [filePlanCsvIssue('notUtf8', 1, null, decoded.reason)], skipped: [], labels: [], document: empty };
    }
    text = decoded.text;
  }

  const parsed = parseFilePlanCsv(text);
  const issues = [...parsed.issues];
  const labels: ValidateFilePlanCsvResult['labels'] = [];
  const skipped: SkippedFilePlanCsvRule[] = [];
  const headerFailed = parsed.issues.some(
    (issue) => issue.rule === 'emptyFile' || (issue.rule === 'missingColumn' && issue.column === null)
  );
  if (headerFailed) {
    return { ok: false, issues, skipped, labels, document: parsed.document };
  }

  const labelRows: FilePlanCsvRow[] = [];
  for (const row of parsed.document.rows) {
    if (isBlank(row)) {
      issues.push(
        filePlanCsvIssue('blankRow', row.rowNumber, null, 'This row is empty and was skipped. Delete it: Purview may reject an empty row.')
      );
      continue;
    }
    labelRows.push(row);
    const result = validateFilePlanRow(row, facts);
    issues.push(...result.issues);
    if (result.label !== undefined) labels.push({ rowNumber: row.rowNumber, label: result.label });
  }
  const structureFailed = parsed.issues.some((issue) => issue.rule === 'cellCount' || issue.rule === 'csvSyntax');
  if (labelRows.length === 0 && !structureFailed) {
    issues.push(filePlanCsvIssue('noLabels', 2, null, 'The file has a header but no labels. Add one row per label under the header.'));
  }

  // Names: unique in the file and in the tenant (Purview compares names without regard to case).
  const fold = (name: string): string => name.trim().toLowerCase();
  const firstRowByName = new Map<string, number>();
  for (const row of labelRows) {
    const name = row.values.LabelName;
    if (name.trim() === '') continue;
    const first = firstRowByName.get(fold(name));
    if (first === undefined) {
      firstRowByName.set(fold(name), row.rowNumber);
    } else {
      issues.push(
        filePlanCsvIssue(
          'labelNameUnique',
          row.rowNumber,
          'LabelName',
          `The name ${quoteForMessage(name)} is already used on row ${first}; every label needs its own name.`
        )
      );
    }
  }
  const existing = facts.existingLabels === undefined ? undefined : new Set(facts.existingLabels.map(fold));
  if (existing === undefined) {
    skipped.push({
      rule: 'labelNameTaken',
      reason: 'No list of existing labels was given, so names already taken in the tenant were not checked.'
    });
  } else {
    // A nameless row folds to '', which no label in Purview has (a name is required there).
    for (const row of labelRows) {
      if (existing.has(fold(row.values.LabelName))) {
        issues.push(
          filePlanCsvIssue(
            'labelNameTaken',
            row.rowNumber,
            'LabelName',
            `A label named ${quoteForMessage(row.values.LabelName)} already exists in the tenant; import creates new labels only.`
          )
        );
      }
    }
  }
  const total = labelRows.length + (facts.existingLabels?.length ?? 0);
  if (total > purviewLimits.retentionLabelsPerTenantMax) {
    issues.push(
      filePlanCsvIssue(
        'labelCount',
        1,
        null,
        `This would make ${total} retention labels; a tenant can have at most ${purviewLimits.retentionLabelsPerTenantMax}.`
      )
    );
  }

  // Relabel targets and loops.
  const links = new Map<string, string>();
  const rowByName = new Map<string, FilePlanCsvRow>();
  let targetOutsideFile = false;
  // A nameless row's link, from '', cannot close a loop: no row relabels to a blank name.
  for (const row of labelRows) {
    const target = row.values.ComplianceTagForNextStage;
    if (!rowByName.has(fold(row.values.LabelName))) rowByName.set(fold(row.values.LabelName), row);
    if (target.trim() === '') continue;
    links.set(fold(row.values.LabelName), fold(target));
    if (firstRowByName.has(fold(target))) continue;
    if (existing === undefined) {
      targetOutsideFile = true;
    } else if (!existing.has(fold(target))) {
      issues.push(
        filePlanCsvIssue(
          'relabelTargetExists',
          row.rowNumber,
          'ComplianceTagForNextStage',
          `The label ${quoteForMessage(target)} to relabel to is neither in this file nor in the tenant.`
        )
      );
    }
  }
  if (targetOutsideFile) {
    skipped.push({
      rule: 'relabelTargetExists',
      reason: 'Some relabel targets are not in this file and no list of existing labels was given, so they were not checked.'
    });
  }
  for (const cycle of findRelabelCycles(links)) {
    const rows = cycle.map((name) => rowByName.get(name) as FilePlanCsvRow);
    const path = [...rows, rows[0]].map((row) => quoteForMessage(row.values.LabelName)).join(' → ');
    issues.push(
      filePlanCsvIssue(
        'relabelCycle',
        rows[0].rowNumber,
        'ComplianceTagForNextStage',
        `These labels relabel to each other in a loop, so items would never leave it: ${path}.`
      )
    );
  }

  if (facts.eventTypes === undefined && labelRows.some((row) => row.values.EventType.trim() !== '')) {
    skipped.push({ rule: 'eventTypeExists', reason: 'No list of event types was given, so the EventType names were not checked.' });
  }
  if (facts.regulatoryRecordsEnabled === undefined && labelRows.some((row) => row.values.Regulatory === 'TRUE')) {
    skipped.push({
      rule: 'regulatoryEnabled',
      reason: 'It was not said whether regulatory records are enabled in the tenant, so Regulatory TRUE rows were not checked for it.'
    });
  }

  const ruleRank = (rule: string): number => filePlanCsvRuleIds.indexOf(rule as (typeof filePlanCsvRuleIds)[number]);
  issues.sort((a, b) => a.row - b.row || columnRank(a.column) - columnRank(b.column) || ruleRank(a.rule) - ruleRank(b.rule));
  const rowsWithErrors = new Set(issues.filter((issue) => issue.severity === 'error').map((issue) => issue.row));
  return {
    ok: rowsWithErrors.size === 0,
    issues,
    skipped,
    labels: labels.filter(({ rowNumber }) => !rowsWithErrors.has(rowNumber)),
    document: parsed.document
  };
}
