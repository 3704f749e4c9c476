import * as React from 'react';
import { Caption1, Field, Input, Subtitle2, makeStyles, tokens, useId, type FieldControlProps } from '@fluentui/react-components';
import { NativeSelect } from '../common/NativeSelect';
import type { FieldDrafts, FieldSpec } from './fields';

export interface MetadataFormProps {
  specs: readonly FieldSpec[];
  drafts: FieldDrafts;
  onChange: (name: string, text: string) => void;
  /** Messages per field, shown once the user tried to declare. */
  errors?: Readonly<Record<string, string>>;
  disabled?: boolean;
  /** Where the columns come from, for the heading's note: "the Contracts library". */
  source?: string;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { margin: 0 },
  control: { width: '100%', minWidth: 0 }
});

const hints: Record<FieldSpec['kind'], string | undefined> = {
  text: undefined,
  choice: undefined,
  date: undefined,
  number: 'A number, such as 42 or 3.5.',
  person: 'An email address, such as ana.ortiz@contoso.com.',
  managedMetadata: undefined
};

/**
 * The metadata the library requires, one control per column: text, choice, date, number, person (by email
 * address) and managed metadata (a term from the column's term set). Native controls, so the keyboard and
 * the platform's date picker work everywhere, and labels, hints and errors are tied to each control.
 */
export function MetadataForm({ specs, drafts, onChange, errors = {}, disabled, source }: MetadataFormProps): React.ReactElement {
  const styles = useStyles();
  const titleId = useId('metadata');
  return (
    <section className={styles.root} aria-labelledby={titleId}>
      <Subtitle2 as="h2" id={titleId} className={styles.heading}>
        Metadata
      </Subtitle2>
      {source ? <Caption1>The columns {source} asks for. Fields marked * are required.</Caption1> : null}
      {specs.length === 0 ? <Caption1>This library asks for no metadata.</Caption1> : null}
      {specs.map((spec) => {
        const text = drafts[spec.name] ?? '';
        const hint = [spec.description, hints[spec.kind]].filter(Boolean).join(' ') || undefined;
        const error = errors[spec.name];
        const common = {
          className: styles.control,
          disabled,
          name: spec.name
        };
        let control: (fieldProps: FieldControlProps) => React.ReactElement;
        switch (spec.kind) {
          case 'choice':
            control = (fieldProps) => (
              <NativeSelect {...fieldProps} {...common} value={text} onChange={(e) => onChange(spec.name, e.target.value)}>
                <option value="">Choose…</option>
                {(spec.choices ?? []).map((choice) => (
                  <option key={choice} value={choice}>
                    {choice}
                  </option>
                ))}
              </NativeSelect>
            );
            break;
          case 'managedMetadata':
            control = (fieldProps) =>
              spec.terms && spec.terms.length > 0 ? (
                <NativeSelect {...fieldProps} {...common} value={text} onChange={(e) => onChange(spec.name, e.target.value)}>
                  <option value="">Choose a term…</option>
                  {spec.terms.map((term) => (
                    <option key={term.id} value={term.id}>
                      {term.label}
                    </option>
                  ))}
                </NativeSelect>
              ) : (
                <Input {...fieldProps} {...common} value="" readOnly aria-readonly placeholder="The terms could not be read" />
              );
            break;
          case 'date':
            control = (fieldProps) => (
              <Input {...fieldProps} {...common} type="date" value={text} onChange={(_e, data) => onChange(spec.name, data.value)} />
            );
            break;
          case 'number':
            control = (fieldProps) => (
              <Input
                {...fieldProps}
                {...common}
                inputMode="decimal"
                value={text}
                onChange={(_e, data) => onChange(spec.name, data.value)}
              />
            );
            break;
          case 'person':
            control = (fieldProps) => (
              <Input
                {...fieldProps}
                {...common}
                type="email"
                autoComplete="off"
                value={text}
                onChange={(_e, data) => onChange(spec.name, data.value)}
              />
            );
            break;
          case 'text':
            control = (fieldProps) => (
              <Input
                {...fieldProps}
                {...common}
                maxLength={spec.maxLength}
                value={text}
                onChange={(_e, data) => onChange(spec.name, data.value)}
              />
            );
            break;
        }
        return (
          <Field
            key={spec.name}
            label={spec.displayName}
            required={spec.required}
            hint={hint}
            validationState={error ? 'error' : 'none'}
            validationMessage={error}
          >
            {control}
          </Field>
        );
      })}
    </section>
  );
}
