import * as React from 'react';
import { Field } from '@fluentui/react-components';
import { NativeSelect } from '../common/NativeSelect';
import type { SensitivityOption } from './model';

export interface SensitivityPickerProps {
  options: readonly SensitivityOption[];
  /** The chosen label's id; '' for none. */
  value: string;
  onChange: (id: string) => void;
  /** The item's label now, marked in the list. */
  currentId?: string;
  disabled?: boolean;
  hint?: string;
}

/** Chooses the classification (sensitivity label), least to most sensitive, as the tenant orders them. */
export function SensitivityPicker({ options, value, onChange, currentId, disabled, hint }: SensitivityPickerProps): React.ReactElement {
  const ordered = [...options].sort((a, b) => a.rank - b.rank);
  return (
    <Field label="Classification (sensitivity label)" hint={hint}>
      {(fieldProps) => (
        <NativeSelect {...fieldProps} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
          <option value="">None</option>
          {ordered.map((option) => (
            <option key={option.id} value={option.id}>
              {option.id === currentId ? `${option.name} (current)` : option.name}
            </option>
          ))}
        </NativeSelect>
      )}
    </Field>
  );
}
