import type { GraphGateway } from '../../../../src/core/graph/GraphGateway';
import { devTenantClock } from '../../../../src/core/graph/devtenant/devTenantClock';
import { createDispositionService, type DispositionService } from '../../../../src/core/services/disposition/createDispositionService';
import type { QueueItem } from '../../../../src/core/services/disposition/DispositionQueue';
import { createHoldsService, type HoldsService } from '../../../../src/core/services/holds/createHoldsService';
import { recordsManagerWorkspace } from '../support/recordsManagerWorkspace';
import { startTestTenant, type TestTenant } from '../../support/devTenant';

// What each kind of decision leaves in the proof register (the record an auditor reads) and what each refusal says,
// on the dev tenant with every seeded schedule of up to 40 years ended. Each test takes an item of its own.

jest.setTimeout(60_000);

let tenant: TestTenant;
let graph: GraphGateway;
let disposition: DispositionService;
let holds: HoldsService;
let queue: QueueItem[];
const used = new Set<string>();

beforeAll(async () => {
  tenant = await startTestTenant(300);
  graph = tenant.graph('records-manager');
  const clock = devTenantClock(graph);
  await clock.advance(41 * 365);
  const workspace = recordsManagerWorkspace(graph);
  disposition = createDispositionService(workspace);
  holds = createHoldsService(workspace);
  queue = (await disposition.loadQueue()).items;
});
afterAll(() => tenant.close());

/** An item no other test of this file has taken, of a label that is not a record (so relabelling is allowed). */
function freshItem(labelName = 'Invoices - 7 Years'): QueueItem {
  const item = queue.find((i) => !used.has(i.key) && i.holds.length === 0 && i.labelName === labelName)!;
  used.add(item.key);
  return item;
}

async function lastEntryFor(key: string) {
  const { entries } = await disposition.register();
  return entries.filter((e) => e.subject === key).at(-1);
}

describe('what a decision leaves in the proof register', () => {
  it('an extension: the date it runs to, the label, the stage, who and why', async () => {
    const item = freshItem();
    const until = new Date(Date.parse((await disposition.loadQueue()).now) + 400 * 86_400_000).toISOString().slice(0, 10);
    const [outcome] = await disposition.decide({ keys: [item.key], decision: { kind: 'extend', until, justification: 'Audit pending' } });
    expect(outcome).toMatchObject({ ok: true, outcome: 'extended' });
    expect(await lastEntryFor(item.key)).toMatchObject({
      action: 'extend',
      stage: 1,
      by: 'priya.raman@custodiandev.onmicrosoft.com',
      justification: 'Audit pending',
      outcome: 'extended',
      detail: { label: 'Invoices - 7 Years', until: expect.stringMatching(new RegExp(`^${until}`)) }
    });
    // Extended, it leaves the queue until the date.
    expect((await disposition.loadQueue()).items.some((i) => i.key === item.key)).toBe(false);
  });

  it('a relabel: the label it had and the label it gets, and the item leaves the queue', async () => {
    const item = freshItem();
    const [outcome] = await disposition.decide({
      keys: [item.key],
      decision: { kind: 'relabel', labelName: 'Tax Records - 6 Years', justification: 'Tax evidence' }
    });
    expect(outcome).toMatchObject({ ok: true, outcome: 'relabelled' });
    const entry = await lastEntryFor(item.key);
    expect(entry).toMatchObject({
      action: 'relabel',
      outcome: 'relabelled',
      detail: { label: 'Invoices - 7 Years', relabelTo: 'Tax Records - 6 Years' }
    });
    expect(entry?.detail).not.toHaveProperty('until');
    expect((await disposition.loadQueue()).items.some((i) => i.key === item.key)).toBe(false);
  });

  it('an added reviewer: who was added, and the stage now lists them', async () => {
    const item = freshItem();
    const reviewer = 'ana.ortiz@custodiandev.onmicrosoft.com';
    const [outcome] = await disposition.decide({
      keys: [item.key],
      decision: { kind: 'addReviewer', reviewer, justification: 'Knows the supplier' }
    });
    expect(outcome).toMatchObject({ ok: true, outcome: 'reviewerAdded' });
    expect(await lastEntryFor(item.key)).toMatchObject({ action: 'addReviewer', outcome: 'reviewerAdded', detail: { reviewer } });
    const after = (await disposition.loadQueue()).items.find((i) => i.key === item.key)!;
    expect(after.stages[after.currentStage - 1].reviewers).toContain(reviewer);
    expect(after.stages[after.currentStage - 1].reviewers.filter((r) => r === reviewer)).toHaveLength(1);
    expect((await disposition.register()).verification).toMatchObject({ ok: true });
  });
});

describe('what a refused decision says', () => {
  it('no justification: the decision is refused before anything is written, saying to write why', async () => {
    const item = freshItem();
    const before = (await disposition.register()).entries.length;
    const [refused] = await disposition.decide({ keys: [item.key], decision: { kind: 'approve', justification: '  ' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'justificationRequired', status: 403 } });
    expect(!refused.ok && refused.error).toMatchObject({
      what: `Custodian did not record your decision on '${item.name}'.`,
      whatToDo: 'Write why you decide this; it is kept as proof.'
    });
    expect((await disposition.register()).entries).toHaveLength(before);
  });

  it('a relabel to a label that is not in the file plan is refused, saying to check the decision', async () => {
    const item = freshItem();
    const [refused] = await disposition.decide({
      keys: [item.key],
      decision: { kind: 'relabel', labelName: 'No Such Label', justification: 'x' }
    });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toMatchObject({ status: 403, whatToDo: 'Check the decision, or ask a reviewer of this stage.' });
  });

  it('an item that is not waiting for review is refused, saying to refresh the queue', async () => {
    const [refused] = await disposition.decide({ keys: ['site|list|999999'], decision: { kind: 'approve', justification: 'x' } });
    expect(!refused.ok && refused.error).toMatchObject({
      code: 'notInQueue',
      status: 404,
      what: 'Custodian did not record the decision.',
      whatToDo: 'Refresh the queue.'
    });
  });

  it('a decision on an item another decision took out of the queue is refused, saying to refresh the queue', async () => {
    const item = freshItem();
    await disposition.decide({
      keys: [item.key],
      decision: { kind: 'relabel', labelName: 'Tax Records - 6 Years', justification: 'First' }
    });
    // The queue this person still sees is stale: they approve the item the other decision took away.
    const [second] = await disposition.decide({ keys: [item.key], decision: { kind: 'approve', justification: 'Second' } });
    expect(!second.ok && second.error).toMatchObject({ code: 'notInQueue', status: 404, whatToDo: 'Refresh the queue.' });
  });

  it('a held item: 423 Locked, naming the hold, and saying to release it or to extend or relabel instead', async () => {
    const item = freshItem();
    const hold = await holds.create({ name: 'Supplier dispute', reason: 'Claim 42' });
    await holds.add({ holdId: hold.holdId, items: [item.key], justification: 'In scope' });
    const [refused] = await disposition.decide({ keys: [item.key], decision: { kind: 'approve', justification: 'Past its schedule' } });
    expect(!refused.ok && refused.error).toMatchObject({
      code: 'onHold',
      status: 423,
      what: `Custodian did not record your decision on '${item.name}'.`,
      whatToDo: 'Ask the hold owner to release the hold, or extend or relabel the item instead.'
    });
    expect(!refused.ok && (refused.error as Error & { why: string }).why).toContain('Supplier dispute');
  });

  it('relabelling a regulatory record is refused before anything is written, saying Purview disposes of it', async () => {
    const item = freshItem('Regulatory Filings - 10 Years');
    const before = (await disposition.register()).entries.length;
    const [refused] = await disposition.decide({
      keys: [item.key],
      decision: { kind: 'relabel', labelName: 'Tax Records - 6 Years', justification: 'x' }
    });
    expect(!refused.ok && refused.error).toMatchObject({
      code: 'regulatoryRecord',
      status: 403,
      what: `Custodian did not relabel '${item.name}'.`,
      whatToDo: 'Purview disposes of such records itself; review the item in the Purview portal.'
    });
    expect((await disposition.register()).entries).toHaveLength(before);
  });

  it('of two approvals of one item at once, one is recorded; the other is told who decided and where the review is now', async () => {
    const item = freshItem();
    const [a, b] = await Promise.all([
      disposition.decide({ keys: [item.key], decision: { kind: 'approve', justification: 'A' } }),
      disposition.decide({ keys: [item.key], decision: { kind: 'approve', justification: 'B' } })
    ]);
    const outcomes = [a[0], b[0]];
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    const lost = outcomes.find((o) => !o.ok);
    expect(lost && !lost.ok && lost.error).toMatchObject({ code: 'reviewConflict', status: 409, what: 'Your decision was not recorded.' });
    expect(lost && !lost.ok && (lost.error as Error & { why: string }).why).toMatch(
      /^priya\.raman@custodiandev\.onmicrosoft\.com made a decision \(approve, stage 1\) on '.+' at .+, just before yours\. The review is now waiting for review at stage 2\.$/
    );
  });
});

describe('what the queue and an item’s details show', () => {
  it('lists the sites by name and the file plan’s labels, and an item’s history holds its own decisions only', async () => {
    const snapshot = await disposition.loadQueue();
    const names = snapshot.sites.map((site) => site.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(names).toEqual(expect.arrayContaining(['Finance & Accounting', 'Legal']));
    expect(snapshot.labels.find((l) => l.name === 'Invoices - 7 Years')).toMatchObject({
      action: 'startDispositionReview',
      isRecord: false
    });
    const decided = freshItem();
    const untouched = freshItem();
    await disposition.decide({ keys: [decided.key], decision: { kind: 'approve', justification: 'Stage 1' } });
    // The tab reloads the queue after a decision, then shows the item from it.
    await disposition.loadQueue();
    const details = await disposition.item({ key: decided.key });
    expect(details).toMatchObject({ key: decided.key, name: decided.name, labelName: 'Invoices - 7 Years', queued: { currentStage: 2 } });
    expect(details?.history.map((h) => [h.subject, h.action, h.stage])).toEqual([[decided.key, 'approve', 1]]);
    expect((await disposition.item({ key: untouched.key }))?.history).toEqual([]);
    expect(await disposition.item({ key: 'site|list|999999' })).toBeUndefined();
  });
});
