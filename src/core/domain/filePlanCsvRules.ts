/**
 * Every check `validateFilePlanCsv` makes, with where it comes from:
 * - `microsoft`: "Use file plan to create and manage retention labels" and "Disposition of content"
 *   on Microsoft Learn, the import template's own rules;
 * - `rfc4180`: the CSV format itself;
 * - `inferred`: not written down by Microsoft, but a row breaking it cannot become a working label
 *   (see docs/domain.md for the reasoning behind each).
 * `tenant` rules need facts about the tenant; without them they are skipped, and the report says so.
 */
export const filePlanCsvRules = {
  notUtf8: { source: 'microsoft', severity: 'error', tenant: false },
  csvSyntax: { source: 'rfc4180', severity: 'error', tenant: false },
  emptyFile: { source: 'microsoft', severity: 'error', tenant: false },
  missingColumn: { source: 'microsoft', severity: 'error', tenant: false },
  unknownColumn: { source: 'microsoft', severity: 'error', tenant: false },
  duplicateColumn: { source: 'microsoft', severity: 'error', tenant: false },
  columnSpelling: { source: 'microsoft', severity: 'error', tenant: false },
  columnOrder: { source: 'microsoft', severity: 'error', tenant: false },
  cellCount: { source: 'rfc4180', severity: 'error', tenant: false },
  noLabels: { source: 'inferred', severity: 'error', tenant: false },
  blankRow: { source: 'inferred', severity: 'warning', tenant: false },
  labelNameRequired: { source: 'microsoft', severity: 'error', tenant: false },
  labelNameLength: { source: 'microsoft', severity: 'error', tenant: false },
  labelNameCharacters: { source: 'microsoft', severity: 'error', tenant: false },
  labelNameSpaces: { source: 'inferred', severity: 'error', tenant: false },
  labelNameUnique: { source: 'microsoft', severity: 'error', tenant: false },
  labelNameTaken: { source: 'microsoft', severity: 'error', tenant: true },
  labelCount: { source: 'microsoft', severity: 'error', tenant: false },
  descriptionLength: { source: 'microsoft', severity: 'error', tenant: false },
  booleanValue: { source: 'microsoft', severity: 'error', tenant: false },
  retentionActionValue: { source: 'microsoft', severity: 'error', tenant: false },
  retentionDurationValue: { source: 'microsoft', severity: 'error', tenant: false },
  retentionDurationMax: { source: 'microsoft', severity: 'error', tenant: false },
  retentionTypeValue: { source: 'microsoft', severity: 'error', tenant: false },
  retentionGroup: { source: 'microsoft', severity: 'error', tenant: false },
  recordLabelGroup: { source: 'microsoft', severity: 'error', tenant: false },
  recordLabelRetains: { source: 'inferred', severity: 'error', tenant: false },
  unlimitedKeepsOnly: { source: 'inferred', severity: 'error', tenant: false },
  reviewerGroup: { source: 'microsoft', severity: 'error', tenant: false },
  reviewerEmail: { source: 'microsoft', severity: 'error', tenant: false },
  reviewerCount: { source: 'microsoft', severity: 'error', tenant: false },
  regulatoryNeedsRecord: { source: 'microsoft', severity: 'error', tenant: false },
  regulatoryEnabled: { source: 'microsoft', severity: 'error', tenant: true },
  eventTypeRequired: { source: 'microsoft', severity: 'error', tenant: false },
  eventTypeUnused: { source: 'inferred', severity: 'error', tenant: false },
  eventTypeExists: { source: 'microsoft', severity: 'error', tenant: true },
  unlockedByDefault: { source: 'microsoft', severity: 'error', tenant: false },
  relabelNotRegulatory: { source: 'microsoft', severity: 'error', tenant: false },
  relabelKeepsOnly: { source: 'inferred', severity: 'error', tenant: false },
  relabelTargetExists: { source: 'inferred', severity: 'error', tenant: true },
  relabelCycle: { source: 'inferred', severity: 'warning', tenant: false },
  subCategoryNeedsCategory: { source: 'inferred', severity: 'error', tenant: false },
  citationNeedsName: { source: 'inferred', severity: 'error', tenant: false },
  citationUrlScheme: { source: 'inferred', severity: 'warning', tenant: false }
} as const;

export type FilePlanCsvRule = keyof typeof filePlanCsvRules;

export const filePlanCsvRuleIds = Object.keys(filePlanCsvRules) as FilePlanCsvRule[];

export const issueSeverities = ['error', 'warning'] as const;
export type IssueSeverity = (typeof issueSeverities)[number];

/**
 * One finding, located as a spreadsheet shows it: `row` 1 is the header, the first label is row 2;
 * `column` is the header name, or null when the finding is about the whole row or file.
 */
export interface FilePlanCsvIssue {
  row: number;
  column: string | null;
  rule: FilePlanCsvRule;
  severity: IssueSeverity;
  message: string;
}

/** A tenant rule that could not run because the caller did not supply the facts it needs. */
export interface SkippedFilePlanCsvRule {
  rule: FilePlanCsvRule;
  reason: string;
}

/** Builds an issue with the rule's own severity. */
export function filePlanCsvIssue(rule: FilePlanCsvRule, row: number, column: string | null, message: string): FilePlanCsvIssue {
  return { row, column, rule, severity: filePlanCsvRules[rule].severity, message };
}
