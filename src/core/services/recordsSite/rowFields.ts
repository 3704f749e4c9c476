import type { RecordsListDefinition } from './defineRecordsList';
import { maxTextColumnLength } from './RecordsColumn';

export type RowFieldsResult = { ok: true; fields: Record<string, unknown> } | { ok: false; reason: string };

/**
 * A row (or part of one) as list item fields: `json` columns serialised, dates as ISO 8601, `null` clears a
 * column, `undefined` leaves it alone. Refuses text longer than a single line of text column holds.
 */
export function rowToFields<T extends Record<string, unknown>>(definition: RecordsListDefinition<T>, row: Partial<T>): RowFieldsResult {
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row)) {
    const column = (definition.columns as Record<string, RecordsListDefinition<T>['columns'][keyof T] | undefined>)[name];
    if (!column) return { ok: false, reason: `'${name}' is not a column of '${definition.title}'.` };
    if (value === undefined) continue;
    if (value === null) {
      fields[name] = null;
      continue;
    }
    const stored = column.kind === 'json' ? JSON.stringify(value) : value;
    if (typeof stored === 'string' && [...stored].length > maxTextColumnLength)
      return {
        ok: false,
        reason: `The value of '${name}' is ${[...stored].length} characters long; a column holds at most ${maxTextColumnLength}.`
      };
    fields[name] = stored;
  }
  return { ok: true, fields };
}

/** The row's properties from list item fields, before the schema checks them; empty columns are left out. */
export function fieldsToRow<T extends Record<string, unknown>>(
  definition: RecordsListDefinition<T>,
  fields: Record<string, unknown>
): { ok: true; row: Record<string, unknown> } | { ok: false; reason: string } {
  const row: Record<string, unknown> = {};
  for (const [name, column] of Object.entries(definition.columns) as [string, { kind: string }][]) {
    const value = fields[name];
    if (value === undefined || value === null || (value === '' && column.kind !== 'text')) continue;
    if (column.kind === 'json') {
      try {
        row[name] = JSON.parse(String(value)) as unknown;
      } catch {
        return { ok: false, reason: `The column '${name}' does not hold valid JSON.` };
      }
    } else if (column.kind === 'number' && typeof value === 'string') row[name] = Number(value);
    else row[name] = value;
  }
  return { ok: true, row };
}
