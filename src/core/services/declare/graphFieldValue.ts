import type { DeclareFieldValue } from '../declareRecord/DeclareRecordRequest';
import type { FieldSpec, FieldValue } from './FieldSpec';

/**
 * A form value as the core services take it. Text, choice and number go as they are; a date as midnight UTC of
 * that day. A person and a managed metadata term go as typed values (`{ kind: 'person', email }`,
 * `{ kind: 'term', label, termId }`): Graph cannot write them by name, so `declareRecord` writes them through
 * SharePoint's `ValidateUpdateListItem`.
 */
export function graphFieldValue(spec: FieldSpec | undefined, value: FieldValue): DeclareFieldValue {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return spec?.kind === 'date' ? `${value}T00:00:00Z` : value;
  if (value.kind === 'person') return { kind: 'person', email: value.email };
  return { kind: 'term', label: value.label, termId: value.termId };
}

/** Every value the person gave, by column, as `graphFieldValue` converts it for its column. */
export function graphFieldValues(
  specs: readonly FieldSpec[],
  values: Readonly<Record<string, FieldValue>>
): Record<string, DeclareFieldValue> {
  const fields: Record<string, DeclareFieldValue> = {};
  for (const [name, value] of Object.entries(values)) {
    fields[name] = graphFieldValue(
      specs.find((s) => s.name === name),
      value
    );
  }
  return fields;
}
