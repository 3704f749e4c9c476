import { messageSpecs } from '../../../../src/core/services/fileEmail/messageSpecs';

describe('the columns asked when filing', () => {
  const columns = [
    { name: 'EmailSubject', text: {}, required: true },
    { name: 'Title', text: {}, required: true },
    { name: 'MatterNumber', displayName: 'Matter number', text: {} },
    { name: 'Region', displayName: 'Region', choice: { choices: ['EMEA', 'Americas'] }, required: true },
    { name: 'Owner', displayName: 'Owner', personOrGroup: {} },
    { name: 'Notes', displayName: 'Notes', text: {} }
  ];

  it('asks for what the library or its plan requires beside the email columns, and names what no form can fill', () => {
    const { specs, unfillable } = messageSpecs(columns, ['MatterNumber', 'EmailFrom', 'Owner', 'Gone']);
    expect(specs.map((s) => [s.name, s.kind, s.required])).toEqual([
      ['Region', 'choice', true],
      ['MatterNumber', 'text', true]
    ]);
    expect(unfillable).toEqual(['Owner', 'Gone']);
  });

  it('asks for nothing when only the email columns are required', () => {
    expect(messageSpecs(columns.slice(0, 2), ['EmailSubject'])).toEqual({ specs: [], unfillable: [] });
  });
});
