import type { ColumnDefinition } from '@microsoft/microsoft-graph-types';
import type { FieldSpec } from '../declare/FieldSpec';
import { fieldSpecFromColumn } from '../declare/fieldSpecFromColumn';
import { emailColumns } from '../fileMessage/emailColumns';

/** Kinds `fileMessage` writes as they are; a person or a term needs an id Graph resolves elsewhere. */
const fileableKinds: ReadonlySet<FieldSpec['kind']> = new Set(['text', 'choice', 'date', 'number']);

/**
 * The columns asked of the person when filing email: those the library or its plan requires, except the email
 * columns (filled from the message) and the file name; and the required ones the form cannot fill.
 */
export function messageSpecs(
  columns: readonly ColumnDefinition[],
  requiredColumns: readonly string[]
): { specs: FieldSpec[]; unfillable: string[] } {
  const filled = new Set<string>([...Object.values(emailColumns), 'FileLeafRef', 'Title']);
  const specs: FieldSpec[] = [];
  const unfillable: string[] = [];
  const names = new Set([...columns.filter((c) => c.required === true).map((c) => String(c.name)), ...requiredColumns]);
  for (const name of names) {
    if (filled.has(name)) continue;
    const column = columns.find((c) => c.name === name);
    const spec = column && column.readOnly !== true ? fieldSpecFromColumn(column) : undefined;
    if (spec && fileableKinds.has(spec.kind)) specs.push({ ...spec, required: true });
    else unfillable.push(name);
  }
  return { specs, unfillable };
}
