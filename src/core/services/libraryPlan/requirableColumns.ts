import type { ColumnDefinition } from '@microsoft/microsoft-graph-types';

/** A library column a person can be asked to fill in when declaring into it. */
export interface ColumnOption {
  /** The column's internal name. */
  name: string;
  displayName: string;
}

/** Columns every library has, or that SharePoint fills in itself: never offered as required metadata. */
const systemColumns = new Set([
  'ComplianceAssetId',
  'ContentType',
  'FileLeafRef',
  'LinkFilename',
  'DocIcon',
  'FileSizeDisplay',
  'ItemChildCount',
  'FolderChildCount',
  'Created',
  'Modified',
  'Author',
  'Editor',
  '_UIVersionString',
  'Attachments'
]);

/** The columns a person can be asked to fill in: the library's own, writable, visible ones. */
export function requirableColumns(columns: readonly ColumnDefinition[]): ColumnOption[] {
  return columns
    .filter((c) => c.name && !c.readOnly && !c.hidden && !c.name.startsWith('_') && !systemColumns.has(c.name))
    .map((c) => ({ name: String(c.name), displayName: c.displayName || String(c.name) }));
}
