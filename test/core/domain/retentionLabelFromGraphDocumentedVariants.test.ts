import { readFileSync } from 'node:fs';
import path from 'node:path';
import { retentionLabelFromGraph } from '../../../src/core/domain/retentionLabelFromGraph';

const documented = (name: string): unknown =>
  (JSON.parse(readFileSync(path.join(__dirname, '../../devtenant/fixtures', `${name}.json`), 'utf8')) as { response: { body: unknown } })
    .response.body;

describe("retentionLabelFromGraph reads the shapes of Microsoft's own examples", () => {
  // https://learn.microsoft.com/graph/api/security-labelsroot-list-retentionlabel: the List example writes
  // `"days": "730"`, a string, where the resource page types retentionDurationInDays.days as Int32.
  it('reads the List example, whose days are the string "730", as 730 days, and notes the coercion', () => {
    const [label] = (documented('security-labelsroot-list-retentionlabel') as { value: unknown[] }).value;
    const read = retentionLabelFromGraph(label);
    expect(read).toMatchObject({ ok: true, label: { retention: { duration: { kind: 'days', days: 730 } } } });
    expect(read.ok && read.notes).toEqual(['retentionDuration.days was the string "730"; read as 730.']);
  });

  // https://learn.microsoft.com/graph/api/security-labelsroot-post-retentionlabel: the Create example answers
  // `"isInUse": "true"` and spells the stage's key `"reviewersEmailAddresses "` with a trailing space.
  it("reads the Create example's string isInUse and keeps the reviewer behind the padded key", () => {
    const read = retentionLabelFromGraph(documented('security-labelsroot-post-retentionlabel'));
    expect(read).toMatchObject({
      ok: true,
      label: { retention: { dispositionStages: [{ name: 'Stage1', reviewers: ['Admin@contoso.onmicrosoft.com'] }] } }
    });
    expect(read.ok && read.notes).toEqual([
      'The key "reviewersEmailAddresses " of dispositionReviewStages[0] has spaces around it; read as "reviewersEmailAddresses".',
      'isInUse was the string "true"; read as true.'
    ]);
  });

  // https://learn.microsoft.com/graph/api/security-retentionlabel-get: the Get example wraps the label in "value".
  it('reads the Get example, wrapped in "value", as the label inside', () => {
    const read = retentionLabelFromGraph(documented('security-retentionlabel-get'));
    expect(read).toMatchObject({
      ok: true,
      label: { id: '64a99fb4-07be-0481-8746-44c15c0eef1f', name: 'Retention Schedule 10004', retention: { action: 'relabel' } }
    });
    expect(read.ok && read.notes).toEqual(['The label came wrapped in "value" (as in the Get example); read the object inside.']);
  });

  it('adds no notes to a label that needed no change', () => {
    expect(retentionLabelFromGraph({ displayName: 'Plain', isInUse: false })).toStrictEqual({
      ok: true,
      label: { name: 'Plain', retention: null, descriptors: {} }
    });
  });
});

// https://learn.microsoft.com/graph/api/resources/security-retentionlabel: of a label's properties, only the
// retention settings (behaviour, action, trigger, duration, the label to apply) decide what happens to its items;
// the descriptions, isInUse, descriptors and ids are shown, not acted on.
describe('retentionLabelFromGraph keeps a label whose non-essential property has an unexpected form', () => {
  const retention = {
    displayName: 'Invoices',
    behaviorDuringRetentionPeriod: 'retain',
    actionAfterRetentionPeriod: 'delete',
    retentionTrigger: 'dateCreated',
    retentionDuration: { days: 365 }
  };

  it.each([
    ['isInUse', { isInUse: 'maybe' }],
    ['id', { id: 42 }],
    ['descriptionForUsers', { descriptionForUsers: { text: 'Kept for a year' } }],
    ['retentionEventType', { retentionEventType: 'Employee leaves' }],
    ['dispositionReviewStages', { dispositionReviewStages: 'Stage1' }]
  ])('keeps the label and says %s was ignored', (property, change) => {
    const read = retentionLabelFromGraph({ ...retention, ...change });
    expect(read).toMatchObject({ ok: true, label: { name: 'Invoices', retention: { duration: { kind: 'days', days: 365 } } } });
    expect(read.ok && read.notes?.map((note) => note.split(' ')[0])).toEqual([property]);
  });

  it('leaves out only the malformed descriptor', () => {
    const read = retentionLabelFromGraph({
      ...retention,
      descriptors: { department: { displayName: 'Finance' }, citation: { displayName: 7 } }
    });
    expect(read.ok && read.label.descriptors).toEqual({ department: 'Finance' });
  });

  it('ignores an unknown record behaviour on a label that does not mark records (it only applies to records)', () => {
    const read = retentionLabelFromGraph({ ...retention, defaultRecordBehavior: 'unknownFutureValue' });
    expect(read).toMatchObject({
      ok: true,
      notes: ['defaultRecordBehavior "unknownFutureValue" was ignored: it only applies to record labels.']
    });
  });

  it.each([
    [
      'a duration that is not a whole number',
      { retentionDuration: { days: '12.5' } },
      'retentionDuration.days: Expected number, received string'
    ],
    ['a name that is not text', { displayName: 42 }, 'displayName: Expected string, received number'],
    [
      'a behaviour that is not text',
      { behaviorDuringRetentionPeriod: true },
      'behaviorDuringRetentionPeriod: Expected string, received boolean'
    ],
    ['a label to apply that is not text', { labelToBeApplied: ['Archive'] }, 'labelToBeApplied: Expected string, received array'],
    [
      'the stages of a label that starts a review',
      { actionAfterRetentionPeriod: 'startDispositionReview', dispositionReviewStages: 'Stage1' },
      'dispositionReviewStages: Expected array, received string'
    ],
    [
      'the record behaviour of a record label',
      { behaviorDuringRetentionPeriod: 'retainAsRecord', defaultRecordBehavior: 1 },
      'defaultRecordBehavior: Expected string, received number'
    ]
  ])('still refuses %s, saying why', (_what, change, reason) => {
    expect(retentionLabelFromGraph({ ...retention, ...change })).toEqual({ ok: false, reasons: [reason] });
  });
});
