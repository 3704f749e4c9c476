import { draftOf, validateFields, type FieldSpec } from '../../../src/ui/declare/fields';
import { requiredColumns } from '../support/fixtures';

const spec = (kind: FieldSpec['kind'], extra: Partial<FieldSpec> = {}): FieldSpec => ({
  name: 'F',
  displayName: 'Field',
  kind,
  required: true,
  ...extra
});

describe('validateFields', () => {
  it.each([
    [spec('text'), '', 'Enter Field.'],
    [spec('choice', { choices: ['A'] }), '', 'Choose Field.'],
    [spec('choice', { choices: ['A'] }), 'B', 'Choose one of the values offered for Field.'],
    [spec('text', { maxLength: 3 }), 'abcd', 'Field can be at most 3 characters.'],
    [spec('date'), '2026-02-30', 'Enter Field as a date, such as 2026-03-31.'],
    [spec('date'), '31/03/2026', 'Enter Field as a date, such as 2026-03-31.'],
    [spec('number'), '12abc', 'Enter Field as a number, such as 42 or 3.5.'],
    [spec('number', { minimum: 0 }), '-1', 'Field must be at least 0.'],
    [spec('number', { maximum: 10 }), '11', 'Field must be at most 10.'],
    [spec('person'), 'Ana Ortiz', 'Enter Field as an email address, such as ana.ortiz@contoso.com.'],
    [spec('managedMetadata', { terms: [{ id: 't1', label: 'EMEA' }] }), 't9', 'Choose one of the terms offered for Field.'],
    [spec('managedMetadata'), '', 'Choose Field.']
  ])('%#: %j with %j says %s', (field, text, message) => {
    expect(validateFields([field], { F: text })).toEqual({ ok: false, errors: { F: message } });
  });

  it('turns valid text into typed values and skips empty optional fields', () => {
    expect(
      validateFields(requiredColumns, {
        ReferenceNumber: '  LEG-1 ',
        DocumentType: 'Contract',
        SignedOn: '2024-02-29',
        Value: '1 250.5',
        Owner: 'ana.ortiz@contoso.com',
        Region: 't-emea'
      })
    ).toEqual({
      ok: true,
      values: {
        ReferenceNumber: 'LEG-1',
        DocumentType: 'Contract',
        SignedOn: '2024-02-29',
        Value: 1250.5,
        Owner: { kind: 'person', email: 'ana.ortiz@contoso.com' },
        Region: { kind: 'term', termId: 't-emea', label: 'EMEA' }
      }
    });
    expect(validateFields([spec('text', { required: false })], {})).toEqual({ ok: true, values: {} });
  });

  it('starts each control from the current value', () => {
    expect(draftOf(spec('date'), '2026-01-02T00:00:00Z')).toBe('2026-01-02');
    expect(draftOf(spec('number'), 3)).toBe('3');
    expect(draftOf(spec('person'), { kind: 'person', email: 'a@b.co' })).toBe('a@b.co');
    expect(draftOf(spec('managedMetadata'), { kind: 'term', termId: 't', label: 'T' })).toBe('t');
    expect(draftOf(spec('text'), undefined)).toBe('');
  });
});
