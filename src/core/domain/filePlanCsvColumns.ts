import { z } from 'zod';

/**
 * The columns of Purview's file plan import template, in the template's order
 * ("Use file plan to create and manage retention labels", Microsoft Learn).
 */
export const filePlanCsvColumns = [
  'LabelName',
  'Comment',
  'Notes',
  'IsRecordLabel',
  'RetentionAction',
  'RetentionDuration',
  'RetentionType',
  'ReviewerEmail',
  'ReferenceId',
  'DepartmentName',
  'Category',
  'SubCategory',
  'AuthorityType',
  'CitationName',
  'CitationUrl',
  'CitationJurisdiction',
  'Regulatory',
  'EventType',
  'IsRecordUnlockedAsDefault',
  'ComplianceTagForNextStage'
] as const;

export type FilePlanCsvColumn = (typeof filePlanCsvColumns)[number];

/** The cells of one label row, exactly as written in the file (no trimming, no case folding). */
export type FilePlanCsvValues = Record<FilePlanCsvColumn, string>;

/** Allowed `RetentionAction` values. */
export const csvRetentionActions = ['Delete', 'Keep', 'KeepAndDelete'] as const;
export type CsvRetentionAction = (typeof csvRetentionActions)[number];

/** Allowed `RetentionType` values, and the Graph trigger each stands for. */
export const csvRetentionTypes = ['CreationAgeInDays', 'EventAgeInDays', 'TaggedAgeInDays', 'ModificationAgeInDays'] as const;
export type CsvRetentionType = (typeof csvRetentionTypes)[number];

/**
 * Allowed values of `IsRecordLabel`, `Regulatory` and `IsRecordUnlockedAsDefault`. Microsoft's sample
 * screenshot shows Yes/No, which the importer does not accept (MicrosoftDocs issue 11706).
 */
export const csvBooleans = ['TRUE', 'FALSE'] as const;
export type CsvBoolean = (typeof csvBooleans)[number];

/** `RetentionDuration` for "retain forever". */
export const csvUnlimitedDuration = 'Unlimited';

/** A row of the file as read: strings only, every column present. */
export const filePlanCsvValuesSchema = z
  .object(Object.fromEntries(filePlanCsvColumns.map((column) => [column, z.string()])) as Record<FilePlanCsvColumn, z.ZodString>)
  .strict();

/** A file plan CSV row with its spreadsheet row number (the header is row 1, the first label row 2). */
export interface FilePlanCsvRow {
  rowNumber: number;
  values: FilePlanCsvValues;
}

/** A row whose cells are all empty, as Excel writes for cleared rows. */
export function emptyFilePlanCsvValues(): FilePlanCsvValues {
  return Object.fromEntries(filePlanCsvColumns.map((column) => [column, ''])) as FilePlanCsvValues;
}
