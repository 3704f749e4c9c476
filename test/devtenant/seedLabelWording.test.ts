/* eslint-disable @typescript-eslint/no-explicit-any -- Graph JSON read as a client reads it. */
import { TestTenant } from './helpers';

// What an office worker reads under each demo label (its descriptionForUsers, shown in the task pane's label list):
// English number agreement, and words that match what the label does (a label that only deletes keeps nothing).
let t: TestTenant;
beforeAll(async () => {
  t = await TestTenant.start({ items: 20 });
});
afterAll(() => t.running.close());

it('describes each seeded label in words that agree with its period and what it does', async () => {
  const labels = (await t.call('admin', 'GET', '/v1.0/security/labels/retentionLabels')).json.value as any[];
  const descriptions = labels.map((l) => [l.displayName, l.behaviorDuringRetentionPeriod, l.descriptionForUsers] as const);
  expect(descriptions.filter(([, , d]) => /\b1 years\b/.test(d))).toEqual([]);
  // The demo has a one-year label that only deletes: it says so.
  const deleting = descriptions.filter(([, behavior]) => behavior === 'doNotRetain');
  expect(deleting.length).toBeGreaterThan(0);
  for (const [name, , d] of deleting)
    expect([name, d]).toEqual([name, expect.stringMatching(/^Deleted \d+ years? after it was (created|last modified|labelled)\.$/)]);
  expect(deleting.map(([, , d]) => d)).toContain('Deleted 1 year after it was created.');
  for (const [name, behavior, d] of descriptions.filter(([, b]) => b !== 'doNotRetain'))
    expect([name, behavior, d]).toEqual([name, behavior, expect.stringMatching(/^Keep for (ever|\d+ years?( after the event)?)\.$/)]);
});
