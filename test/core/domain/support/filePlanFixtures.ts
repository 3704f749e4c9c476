import { emptyFilePlanCsvValues, filePlanCsvColumns, type FilePlanCsvValues } from '../../../../src/core/domain/filePlanCsvColumns';
import type { FilePlanLabel } from '../../../../src/core/domain/filePlanLabel';

export const header = filePlanCsvColumns.join(',');

/** A row with the given cells filled in and every other cell empty. */
export function row(cells: Partial<FilePlanCsvValues>): FilePlanCsvValues {
  return { ...emptyFilePlanCsvValues(), ...cells };
}

/** A plain, valid retain-then-delete row. */
export function validRow(cells: Partial<FilePlanCsvValues> = {}): FilePlanCsvValues {
  return row({
    LabelName: 'Tax records',
    RetentionAction: 'KeepAndDelete',
    RetentionDuration: '2555',
    RetentionType: 'CreationAgeInDays',
    ...cells
  });
}

/** CSV text (LF, no BOM) for rows, written naively: only for cells without commas, quotes or breaks. */
export function plainCsv(rows: readonly FilePlanCsvValues[], lineEnding = '\n'): string {
  return [header, ...rows.map((values) => filePlanCsvColumns.map((column) => values[column]).join(','))].join(lineEnding) + lineEnding;
}

export function label(overrides: Partial<FilePlanLabel> = {}): FilePlanLabel {
  return {
    name: 'Tax records',
    retention: {
      behavior: 'retain',
      action: 'delete',
      trigger: 'dateCreated',
      duration: { kind: 'days', days: 2555 },
      dispositionStages: []
    },
    descriptors: {},
    ...overrides
  };
}
