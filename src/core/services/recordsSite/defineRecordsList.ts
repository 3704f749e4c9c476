import type { z } from 'zod';
import type { RecordsColumn } from './RecordsColumn';

/** Column internal names: letters, digits and underscores, as Graph's list-create accepts them. */
const columnNamePattern = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
/** Names SharePoint already uses on every list (or that the store keeps for itself). */
const reserved = new Set([
  'Title',
  'ID',
  'Id',
  'Created',
  'Modified',
  'Author',
  'Editor',
  'ComplianceAssetId',
  'ContentType',
  'Attachments'
]);

/**
 * One of Custodian's lists on the records site: its title, its columns (one per row property) and the zod schema
 * every row read or written must satisfy.
 */
export interface RecordsListDefinition<T extends Record<string, unknown>> {
  /** The list's title on the records site ("Custodian Library Plans"); no `# % " * : < > ? / \ |`. */
  title: string;
  description: string;
  /** Column per row property; the property name is the column's internal name. */
  columns: { readonly [K in keyof T]-?: RecordsColumn };
  /** The property `find(key)` looks up; an indexed text column (`query` compares indexed columns only). */
  key: keyof T & string;
  schema: z.ZodType<T>;
}

/**
 * Checks a list definition once, where it is declared, so a misspelt column fails at start-up, not in a request.
 *
 * @example
 * export const holdsList = defineRecordsList({
 *   title: 'Custodian Holds', description: 'Holds that block disposal.', key: 'holdId',
 *   columns: { holdId: { kind: 'text', indexed: true }, reason: { kind: 'text' }, placedAt: { kind: 'dateTime' } },
 *   schema: z.object({ holdId: z.string(), reason: z.string(), placedAt: z.string() })
 * });
 */
export function defineRecordsList<T extends Record<string, unknown>>(definition: RecordsListDefinition<T>): RecordsListDefinition<T> {
  if (!definition.title.trim() || /["*:<>?/\\|#%]/.test(definition.title))
    throw new RangeError(`'${definition.title}' cannot be a SharePoint list title.`);
  for (const name of Object.keys(definition.columns)) {
    if (!columnNamePattern.test(name)) throw new RangeError(`'${name}' cannot be a column internal name (letters, digits, underscores).`);
    if (reserved.has(name)) throw new RangeError(`'${name}' is a column SharePoint already has; choose another name.`);
  }
  const keyColumn = definition.columns[definition.key];
  if (!keyColumn || keyColumn.kind !== 'text' || !keyColumn.indexed)
    throw new RangeError(`The key '${definition.key}' must be an indexed text column.`);
  return definition;
}
