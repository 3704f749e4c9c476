import type { ColumnDefinition } from '@microsoft/microsoft-graph-types';
import { isSmtpAddress } from '../../core/domain/smtpAddress';

/** The column kinds the metadata form can fill, as a shared enumeration. */
export const fieldKinds = ['text', 'choice', 'date', 'number', 'person', 'managedMetadata'] as const;
export type FieldKind = (typeof fieldKinds)[number];

export interface TermOption {
  id: string;
  /** The term's label; with its parents for display ("Contracts > Leases"). */
  label: string;
}

/** One library column the form shows. */
export interface FieldSpec {
  /** Internal name (what Graph's `fields` use). */
  name: string;
  displayName: string;
  kind: FieldKind;
  required: boolean;
  description?: string;
  /** For `choice`. */
  choices?: readonly string[];
  /** For `managedMetadata`: the term set's terms; absent when they could not be read. */
  terms?: readonly TermOption[];
  /** For `text`. */
  maxLength?: number;
  /** For `number`. */
  minimum?: number;
  maximum?: number;
}

/** A person, as the declare service takes it (`{ kind: 'person', email }`): written through SharePoint, not Graph. */
export interface PersonValue {
  kind: 'person';
  email: string;
  displayName?: string;
}

/** A managed metadata term, as the declare service takes it (`{ kind: 'term', label, termId }`). */
export interface TermValue {
  kind: 'term';
  termId: string;
  label: string;
}

/** A typed value: text, choice and date (`YYYY-MM-DD`) are strings; a number is a number. */
export type FieldValue = string | number | PersonValue | TermValue;
export type FieldValues = Readonly<Record<string, FieldValue | undefined>>;

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
