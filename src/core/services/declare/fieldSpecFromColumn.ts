import type { ColumnDefinition } from '@microsoft/microsoft-graph-types';
import type { FieldSpec, FieldValue, TermOption } from './FieldSpec';

/**
 * A Graph `columnDefinition` as a form field, or undefined for columns the form does not fill (hidden,
 * read-only, calculated, lookups and the like). Managed metadata terms are read separately and added by
 * the caller.
 *
 * @example fieldSpecFromColumn({ name: 'Dept', displayName: 'Department', required: true, choice: { choices: ['HR'] } })
 * // { name: 'Dept', displayName: 'Department', kind: 'choice', required: true, choices: ['HR'] }
 */
export function fieldSpecFromColumn(column: ColumnDefinition, terms?: readonly TermOption[]): FieldSpec | undefined {
  if (!column.name || column.hidden || column.readOnly) return undefined;
  const base = {
    name: column.name,
    displayName: column.displayName || column.name,
    required: column.required === true,
    ...(column.description ? { description: column.description } : {})
  };
  if (column.text) return { ...base, kind: 'text', ...(column.text.maxLength ? { maxLength: column.text.maxLength } : {}) };
  if (column.choice) return { ...base, kind: 'choice', choices: (column.choice.choices ?? []).filter((c): c is string => !!c) };
  if (column.dateTime) return { ...base, kind: 'date' };
  if (column.number)
    return {
      ...base,
      kind: 'number',
      ...(typeof column.number.minimum === 'number' ? { minimum: column.number.minimum } : {}),
      ...(typeof column.number.maximum === 'number' ? { maximum: column.number.maximum } : {})
    };
  if (column.personOrGroup) return { ...base, kind: 'person' };
  if (column.term) return { ...base, kind: 'managedMetadata', ...(terms ? { terms } : {}) };
  return undefined;
}

/** The value a list item field holds, as the form's typed value (people and terms are not read back). */
export function fieldValueFromItem(spec: FieldSpec, raw: unknown): FieldValue | undefined {
  if (raw === null || raw === undefined || raw === '') return undefined;
  if (spec.kind === 'number') return typeof raw === 'number' ? raw : Number.isFinite(Number(raw)) ? Number(raw) : undefined;
  if (spec.kind === 'text' || spec.kind === 'choice' || spec.kind === 'date') return typeof raw === 'string' ? raw : String(raw);
  return undefined;
}
