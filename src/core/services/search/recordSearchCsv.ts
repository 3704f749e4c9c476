import { writeCsv } from '../../domain/writeCsv';
import type { RecordSearchRow } from './RecordSearch';

const columns: [keyof RecordSearchRow, string][] = [
  ['name', 'Name'],
  ['title', 'Title'],
  ['labelName', 'Retention label'],
  ['department', 'Department'],
  ['category', 'Category'],
  ['referenceId', 'Reference ID'],
  ['assetId', 'Asset ID'],
  ['created', 'Created'],
  ['modified', 'Modified'],
  ['labelledAt', 'Labelled'],
  ['isRecord', 'Record'],
  ['webUrl', 'Link'],
  ['key', 'Custodian key']
];

/**
 * The search result as CSV for Excel (BOM, CRLF), every cell escaped and formula injection neutralised
 * (a title such as `=HYPERLINK(...)` opens as text).
 */
export function recordSearchCsv(rows: readonly RecordSearchRow[]): string {
  return writeCsv([
    columns.map(([, header]) => header),
    ...rows.map((row) => columns.map(([key]) => (key === 'isRecord' ? (row.isRecord ? 'Yes' : 'No') : String(row[key]))))
  ]);
}
