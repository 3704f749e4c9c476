// Library columns as Microsoft documents them (columnDefinition and its facets: textColumn, choiceColumn,
// dateTimeColumn, numberColumn, personOrGroupColumn, termColumn, booleanColumn, calculatedColumn, lookupColumn),
// read into the metadata form; and the values a list item's fields hold, read back into it.
import type { ColumnDefinition } from '@microsoft/microsoft-graph-types';
import { fieldSpecFromColumn, fieldValueFromItem } from '../../../../src/core/services/declare/fieldSpecFromColumn';
import type { FieldSpec } from '../../../../src/core/services/declare/FieldSpec';
import { graphFieldValues } from '../../../../src/core/services/declare/graphFieldValue';

/** The properties every columnDefinition carries (list-list-columns' example response). */
const column = (props: ColumnDefinition): ColumnDefinition => ({
  columnGroup: 'Custom Columns',
  enforceUniqueValues: false,
  hidden: false,
  indexed: false,
  readOnly: false,
  required: false,
  ...props
});

describe('a library column as a form field', () => {
  it("takes a text column's maximum length (textColumn: maxLength 300) and its description", () => {
    const spec = fieldSpecFromColumn(
      column({
        name: 'CaseSummary',
        displayName: 'Case summary',
        description: 'One line on what the case is about',
        required: true,
        text: { allowMultipleLines: true, appendChangesToExistingText: false, linesForEditing: 6, maxLength: 300, textType: 'plain' }
      })
    );
    expect(spec).toEqual({
      name: 'CaseSummary',
      displayName: 'Case summary',
      description: 'One line on what the case is about',
      required: true,
      kind: 'text',
      maxLength: 300
    });
  });

  it('offers the choices of a choice column (choiceColumn: red, blue, green)', () => {
    const spec = fieldSpecFromColumn(
      column({
        name: 'Colour',
        displayName: 'Colour',
        choice: { allowTextEntry: false, choices: ['red', 'blue', 'green'], displayAs: 'dropDownMenu' }
      })
    );
    expect(spec).toMatchObject({ kind: 'choice', choices: ['red', 'blue', 'green'], required: false });
  });

  it('reads a date-only column (dateTimeColumn: format dateOnly) and a date and time one as a date', () => {
    expect(
      fieldSpecFromColumn(column({ name: 'Expiry', displayName: 'Expiry', dateTime: { displayAs: 'default', format: 'dateOnly' } }))
    ).toMatchObject({ kind: 'date', displayName: 'Expiry' });
    expect(
      fieldSpecFromColumn(column({ name: 'Signed', displayName: 'Signed', dateTime: { displayAs: 'friendly', format: 'dateTime' } }))
    ).toMatchObject({ kind: 'date' });
  });

  it("keeps a number column's bounds, including a minimum of 0, and none when it sets none", () => {
    expect(
      fieldSpecFromColumn(
        column({ name: 'Copies', displayName: 'Copies', number: { decimalPlaces: 'none', displayAs: 'number', minimum: 0, maximum: 10 } })
      )
    ).toMatchObject({ kind: 'number', minimum: 0, maximum: 10 });
    const open = fieldSpecFromColumn(
      column({ name: 'Amount', displayName: 'Amount', number: { decimalPlaces: 'automatic', displayAs: 'number' } })
    );
    expect(open).toMatchObject({ kind: 'number' });
    expect(open).not.toHaveProperty('minimum');
    expect(open).not.toHaveProperty('maximum');
  });

  it('reads a person column and a managed metadata column, with no terms when they were not read', () => {
    expect(
      fieldSpecFromColumn(
        column({
          name: 'Owner',
          displayName: 'Owner',
          personOrGroup: { allowMultipleSelection: false, chooseFromType: 'peopleOnly', displayAs: 'nameWithPresence' }
        })
      )
    ).toMatchObject({ kind: 'person' });
    const term = fieldSpecFromColumn(
      column({ name: 'Region', displayName: 'Region', term: { allowMultipleValues: false, showFullyQualifiedName: false } })
    );
    expect(term).toMatchObject({ kind: 'managedMetadata' });
    expect(term).not.toHaveProperty('terms');
  });

  it('names a column by its internal name when it has no display name', () => {
    expect(fieldSpecFromColumn({ name: 'MatterNo', text: {} })).toMatchObject({ name: 'MatterNo', displayName: 'MatterNo' });
  });

  it('leaves out the columns no one fills in: yes/no, calculated, lookup, read-only and hidden ones', () => {
    expect(fieldSpecFromColumn(column({ name: 'Reviewed', displayName: 'Reviewed', boolean: {} }))).toBeUndefined();
    expect(
      fieldSpecFromColumn(
        column({
          name: 'DueIn',
          displayName: 'Due in',
          calculated: { format: 'dateOnly', formula: '=[Created]+30', outputType: 'dateTime' }
        })
      )
    ).toBeUndefined();
    expect(
      fieldSpecFromColumn(
        column({ name: 'Matter', displayName: 'Matter', lookup: { allowMultipleValues: false, columnName: 'Title', listId: 'abc' } })
      )
    ).toBeUndefined();
    expect(
      fieldSpecFromColumn(column({ name: 'ComplianceAssetId', displayName: 'Compliance Asset Id', readOnly: true, text: {} }))
    ).toBeUndefined();
    expect(fieldSpecFromColumn(column({ name: '_ComplianceTag', displayName: 'Retention label', hidden: true, text: {} }))).toBeUndefined();
  });
});

describe("a list item's value as the form shows it", () => {
  const spec = (kind: FieldSpec['kind']): FieldSpec => ({ name: 'X', displayName: 'X', kind, required: true });

  it('reads a number, or text that holds one, and nothing for text that is not a number', () => {
    expect(fieldValueFromItem(spec('number'), 12.5)).toBe(12.5);
    expect(fieldValueFromItem(spec('number'), '42')).toBe(42);
    expect(fieldValueFromItem(spec('number'), 'n/a')).toBeUndefined();
  });

  it('reads text, a choice and a date as text, and an empty or absent value as no value', () => {
    expect(fieldValueFromItem(spec('text'), 'L-42')).toBe('L-42');
    expect(fieldValueFromItem(spec('choice'), 'Legal')).toBe('Legal');
    expect(fieldValueFromItem(spec('date'), '2026-03-31T00:00:00Z')).toMatch(/^2026-03-31/);
    expect(fieldValueFromItem(spec('text'), 7)).toBe('7');
    for (const empty of [null, undefined, '']) expect(fieldValueFromItem(spec('text'), empty)).toBeUndefined();
  });

  it('does not read people and terms back (Graph gives only their lookup ids)', () => {
    expect(fieldValueFromItem(spec('person'), '12')).toBeUndefined();
    expect(fieldValueFromItem(spec('managedMetadata'), { Label: 'EMEA', TermGuid: 't', WssId: 3 })).toBeUndefined();
  });
});

describe('the values sent for each column', () => {
  it('sends a date as midnight UTC of that day, everything else as given, and a column it does not know as text', () => {
    const specs: FieldSpec[] = [
      { name: 'Expiry', displayName: 'Expiry', kind: 'date', required: true },
      { name: 'Copies', displayName: 'Copies', kind: 'number', required: false },
      { name: 'Owner', displayName: 'Owner', kind: 'person', required: false }
    ];
    expect(
      graphFieldValues(specs, {
        Expiry: '2026-03-31',
        Copies: 3,
        Owner: { kind: 'person', email: 'ana.ortiz@contoso.com', displayName: 'Ana Ortiz' },
        Unlisted: '2026-03-31'
      })
    ).toEqual({
      Expiry: '2026-03-31T00:00:00Z',
      Copies: 3,
      Owner: { kind: 'person', email: 'ana.ortiz@contoso.com' },
      Unlisted: '2026-03-31'
    });
  });
});
