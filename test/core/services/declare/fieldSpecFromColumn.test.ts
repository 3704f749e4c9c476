import { fieldSpecFromColumn } from '../../../../src/core/services/declare/fieldSpecFromColumn';

describe('fieldSpecFromColumn', () => {
  it('reads each kind of library column the form fills', () => {
    expect(fieldSpecFromColumn({ name: 'Ref', displayName: 'Reference', required: true, text: { maxLength: 255 } })).toEqual({
      name: 'Ref',
      displayName: 'Reference',
      required: true,
      kind: 'text',
      maxLength: 255
    });
    expect(fieldSpecFromColumn({ name: 'T', choice: { choices: ['A', 'B'] } })).toMatchObject({
      kind: 'choice',
      choices: ['A', 'B'],
      required: false
    });
    expect(fieldSpecFromColumn({ name: 'D', dateTime: {} })).toMatchObject({ kind: 'date' });
    expect(fieldSpecFromColumn({ name: 'N', number: { minimum: 0, maximum: 9 } })).toMatchObject({
      kind: 'number',
      minimum: 0,
      maximum: 9
    });
    expect(fieldSpecFromColumn({ name: 'P', personOrGroup: {} })).toMatchObject({ kind: 'person' });
    expect(fieldSpecFromColumn({ name: 'M', term: {} }, [{ id: 't', label: 'T' }])).toMatchObject({
      kind: 'managedMetadata',
      terms: [{ id: 't', label: 'T' }]
    });
  });

  it('leaves out hidden, read-only and unsupported columns', () => {
    expect(fieldSpecFromColumn({ name: 'H', hidden: true, text: {} })).toBeUndefined();
    expect(fieldSpecFromColumn({ name: 'R', readOnly: true, text: {} })).toBeUndefined();
    expect(fieldSpecFromColumn({ name: 'L', lookup: {} })).toBeUndefined();
    expect(fieldSpecFromColumn({ text: {} })).toBeUndefined();
  });
});
