import fs from 'node:fs';
import path from 'node:path';
import { conformanceDiff, expectedBody, shapeDiff, type Fixture } from './shape';

/**
 * The helper the conformance tests rely on to say "the dev tenant answers in Microsoft's documented shape".
 * Each answer below is built by hand from the documented example (the fixtures copied from the Graph reference
 * pages) and then broken in one way a real answer could be: if the helper stayed silent, a dev tenant answering
 * in that broken shape would pass the conformance tests.
 */
const fixture = (name: string): Fixture => JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', `${name}.json`), 'utf8')) as Fixture;

// driveItem: setRetentionLabel, the example response (an itemRetentionLabel), with other values.
const setLabel = fixture('driveitem-setretentionlabel');
const labelAnswer = () => ({
  name: 'Invoices - 7 Years',
  retentionSettings: {
    behaviorDuringRetentionPeriod: 'retainAsRecord',
    isDeleteAllowed: false,
    isRecordLocked: true,
    isMetadataUpdateAllowed: false,
    isContentUpdateAllowed: false,
    isLabelUpdateAllowed: false
  },
  isLabelAppliedExplicitly: true,
  labelAppliedDateTime: '2031-04-02T08:00:00Z',
  labelAppliedBy: { user: { id: 'a8c1d6f0-0000-4000-8000-000000000001', displayName: 'Priya Raman' } }
});

// security: list retentionLabels, the example response (a collection in `value`).
const listLabels = fixture('security-labelsroot-list-retentionlabel');
const example = expectedBody(listLabels) as { value: Record<string, unknown>[] };
// The page's erratum: `days` is a number (the resource page), though the example shows a string.
const listedLabel = () => ({
  ...structuredClone(example.value[0]),
  id: 'other-id',
  displayName: 'Contracts - 10 Years',
  retentionDuration: { '@odata.type': 'microsoft.graph.security.retentionDurationInDays', days: 3650 }
});

/** The paths the helper reports, without its wording. */
const paths = (diff: string[]): string[] => diff.map((d) => d.split(':')[0]);

describe('shapeDiff: comparing an answer with a documented example', () => {
  it('reports nothing for an answer of the same shape with other values, in strict mode too', () => {
    expect(conformanceDiff(setLabel, labelAnswer())).toEqual([]);
    expect(shapeDiff(expectedBody(setLabel), labelAnswer(), { strict: true })).toEqual([]);
    expect(conformanceDiff(listLabels, { value: [listedLabel(), listedLabel()] })).toEqual([]);
  });

  it('reports a missing property, at any depth, by its path', () => {
    const { isLabelAppliedExplicitly: _dropped, ...top } = labelAnswer();
    expect(paths(conformanceDiff(setLabel, top))).toEqual(['isLabelAppliedExplicitly']);

    const deep = labelAnswer();
    delete (deep.labelAppliedBy.user as Partial<typeof deep.labelAppliedBy.user>).displayName;
    const diff = conformanceDiff(setLabel, deep);
    expect(paths(diff)).toEqual(['labelAppliedBy.user.displayName']);
    expect(diff[0]).toMatch(/missing/);
  });

  it('reports a wrong JSON type, including null where the example has a value and an array element gone wrong', () => {
    const wrong = { ...labelAnswer(), isLabelAppliedExplicitly: 'true' };
    const diff = conformanceDiff(setLabel, wrong);
    expect(paths(diff)).toEqual(['isLabelAppliedExplicitly']);
    expect(diff[0]).toMatch(/string/);
    expect(diff[0]).toMatch(/boolean/);

    expect(paths(conformanceDiff(setLabel, { ...labelAnswer(), labelAppliedBy: null }))).toEqual(['labelAppliedBy']);

    const badElement = { ...listedLabel(), isInUse: 1 };
    expect(paths(conformanceDiff(listLabels, { value: [listedLabel(), badElement] }))).toEqual(['value[].isInUse']);
  });

  it('reports a wrapped value: { value: [...] } where the example is a bare object, and the reverse', () => {
    expect(conformanceDiff(setLabel, { value: [labelAnswer()] })).not.toEqual([]);
    expect(paths(conformanceDiff(setLabel, { value: [labelAnswer()] }))).toContain('name');
    expect(conformanceDiff(setLabel, { value: labelAnswer() })).not.toEqual([]);

    // The collection answered bare (one label, or an array of labels) instead of in `value`.
    expect(paths(conformanceDiff(listLabels, listedLabel()))).toContain('value');
    expect(paths(conformanceDiff(listLabels, [listedLabel()]))).toEqual(['(root)']);
    // `value` holding one label instead of an array of them.
    expect(paths(conformanceDiff(listLabels, { value: listedLabel() }))).toEqual(['value']);
  });

  it("applies a page's unwrap erratum: the bare object conforms, the wrapped example no longer does", () => {
    const extract = fixture('driveitem-extractsensitivitylabels');
    const labels = [{ sensitivityLabelId: 'l-1', assignmentMethod: 'privileged', tenantId: 't-1' }];
    expect(conformanceDiff(extract, { labels })).toEqual([]);
    expect(conformanceDiff(extract, { value: { labels } })).not.toEqual([]);
  });

  it('reports an extra level of nesting, for an object and for a value', () => {
    const nestedObject = { ...labelAnswer(), labelAppliedBy: { user: { user: labelAnswer().labelAppliedBy.user } } };
    expect(paths(conformanceDiff(setLabel, nestedObject)).sort()).toEqual(['labelAppliedBy.user.displayName', 'labelAppliedBy.user.id']);

    const nestedValue = { ...labelAnswer(), name: { value: 'Invoices - 7 Years' } };
    const diff = conformanceDiff(setLabel, nestedValue);
    expect(paths(diff)).toEqual(['name']);
    expect(diff[0]).toMatch(/object/);

    expect(conformanceDiff(setLabel, { retentionLabel: labelAnswer() })).not.toEqual([]);
  });

  it('reports a property the example does not have only when the example is complete (strict)', () => {
    const extra = { ...labelAnswer(), retentionLabelId: 'x' };
    // The setRetentionLabel page marks its example as shortened: other properties may appear.
    expect(conformanceDiff(setLabel, extra)).toEqual([]);
    expect(paths(conformanceDiff({ ...setLabel, truncated: false }, extra))).toEqual(['retentionLabelId']);
  });
});
