import type { ColumnDefinition } from '@microsoft/microsoft-graph-types';

/** The column kinds a records list holds; `json` is a text column holding a JSON value. */
export const recordsColumnKinds = ['text', 'json', 'number', 'boolean', 'dateTime', 'choice'] as const;
export type RecordsColumnKind = (typeof recordsColumnKinds)[number];

export interface RecordsColumn {
  kind: RecordsColumnKind;
  /** Shown in SharePoint's list view; the internal name is the row's property name. */
  displayName?: string;
  /** For `choice`. */
  choices?: readonly string[];
  /** Indexed, so `$filter` on it stays fast past 5,000 items (SharePoint's list view threshold). */
  indexed?: boolean;
  required?: boolean;
}

/**
 * Graph's limit for a single line of text column is 255 characters (columnDefinition `text.maxLength`); the
 * store checks it before sending so an over-long value is refused with a clear reason instead of a 400.
 */
export const maxTextColumnLength = 255;

/** The `columnDefinition` Graph's list-create takes for one column. */
export function columnDefinition(name: string, column: RecordsColumn): ColumnDefinition {
  const base: ColumnDefinition = {
    name,
    displayName: column.displayName ?? name,
    ...(column.indexed ? { indexed: true } : {}),
    ...(column.required ? { required: true } : {})
  };
  switch (column.kind) {
    case 'text':
    case 'json':
      return { ...base, text: { allowMultipleLines: false, maxLength: maxTextColumnLength } };
    case 'number':
      return { ...base, number: {} };
    case 'boolean':
      return { ...base, boolean: {} };
    case 'dateTime':
      return { ...base, dateTime: { displayAs: 'default', format: 'dateTime' } };
    case 'choice':
      return { ...base, choice: { allowTextEntry: false, choices: [...(column.choices ?? [])], displayAs: 'dropDownMenu' } };
  }
}
