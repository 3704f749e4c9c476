import type { FieldSpec, FieldValue } from '../../core/services/declare/FieldSpec';
import { isSmtpAddress } from '../../core/domain/smtpAddress';

// The form's fields are the declare use case's: the core maps a library's columns to them.
export {
  fieldKinds,
  type FieldKind,
  type FieldSpec,
  type FieldValue,
  type FieldValues,
  type PersonValue,
  type TermOption,
  type TermValue
} from '../../core/services/declare/FieldSpec';

/** What the form holds while the user types: every control's raw text (a term's id for managed metadata). */
export type FieldDrafts = Readonly<Record<string, string>>;

export type FieldCheck = { ok: true; values: Record<string, FieldValue> } | { ok: false; errors: Record<string, string> };

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(text: string): boolean {
  const m = datePattern.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The text a control starts with for an existing value. */
export function draftOf(spec: FieldSpec, value: FieldValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return spec.kind === 'date' ? value.slice(0, 10) : value;
  if ('email' in value) return value.email;
  return value.termId;
}

/**
 * Checks what the user typed against the columns and turns it into typed values. Every required field
 * must be filled; numbers, dates, people and terms must be valid. Returns one message per field in error,
 * so the form can say which field and why.
 *
 * @example validateFields([{ name: 'Ref', displayName: 'Reference', kind: 'text', required: true }], { Ref: '' })
 * // { ok: false, errors: { Ref: 'Enter Reference.' } }
 */
export function validateFields(specs: readonly FieldSpec[], drafts: FieldDrafts): FieldCheck {
  const errors: Record<string, string> = {};
  const values: Record<string, FieldValue> = {};
  for (const spec of specs) {
    const text = (drafts[spec.name] ?? '').trim();
    if (text === '') {
      if (spec.required)
        errors[spec.name] = `${spec.kind === 'choice' || spec.kind === 'managedMetadata' ? 'Choose' : 'Enter'} ${spec.displayName}.`;
      continue;
    }
    switch (spec.kind) {
      case 'text':
        if (spec.maxLength !== undefined && text.length > spec.maxLength)
          errors[spec.name] = `${spec.displayName} can be at most ${spec.maxLength} characters.`;
        else values[spec.name] = text;
        break;
      case 'choice':
        if (spec.choices && !spec.choices.includes(text)) errors[spec.name] = `Choose one of the values offered for ${spec.displayName}.`;
        else values[spec.name] = text;
        break;
      case 'date':
        if (!isCalendarDate(text)) errors[spec.name] = `Enter ${spec.displayName} as a date, such as 2026-03-31.`;
        else values[spec.name] = text;
        break;
      case 'number': {
        const n = Number(text.replace(/\s/g, ''));
        if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text.replace(/\s/g, '')) || !Number.isFinite(n))
          errors[spec.name] = `Enter ${spec.displayName} as a number, such as 42 or 3.5.`;
        else if (spec.minimum !== undefined && n < spec.minimum)
          errors[spec.name] = `${spec.displayName} must be at least ${spec.minimum}.`;
        else if (spec.maximum !== undefined && n > spec.maximum) errors[spec.name] = `${spec.displayName} must be at most ${spec.maximum}.`;
        else values[spec.name] = n;
        break;
      }
      case 'person':
        if (!isSmtpAddress(text)) errors[spec.name] = `Enter ${spec.displayName} as an email address, such as ana.ortiz@contoso.com.`;
        else values[spec.name] = { kind: 'person', email: text };
        break;
      case 'managedMetadata': {
        const term = spec.terms?.find((t) => t.id === text);
        if (!term) errors[spec.name] = `Choose one of the terms offered for ${spec.displayName}.`;
        else values[spec.name] = { kind: 'term', termId: term.id, label: term.label };
        break;
      }
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, values };
}
