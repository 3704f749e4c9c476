import { getRetentionLabel } from '../../../../src/core/graph/driveItems/getRetentionLabel';
import type { GraphGateway } from '../../../../src/core/graph/GraphGateway';
import { devTenantClock } from '../../../../src/core/graph/devtenant/devTenantClock';
import { createDispositionService, type DispositionService } from '../../../../src/core/services/disposition/createDispositionService';
import type { QueueItem } from '../../../../src/core/services/disposition/DispositionQueue';
import { startDevTenantWithFaults, type DevTenantWithFaults } from '../holds/support/devTenantWithFaults';
import { recordsManagerWorkspace } from '../support/recordsManagerWorkspace';

// A final approval whose deletion fails, on the dev tenant with the failure injected where SharePoint would answer
// it (a 403 on the DELETE, then on the request that undoes the decision). The attack this guards against is losing
// an item: approved for disposal, not deleted, and gone from every list. What must hold: the item is still there
// with its label, the queue shows it as an interrupted disposal once the disposal cannot still be running, and
// approving it again finishes it with one proof entry; while it may still be running, a second approval is refused.

jest.setTimeout(60_000);

let tenant: DevTenantWithFaults;
let graph: GraphGateway;
let disposition: DispositionService;
const denied = { status: 403, body: { error: { code: 'accessDenied', message: 'Access denied.' } } };

beforeAll(async () => {
  tenant = await startDevTenantWithFaults(300);
  graph = tenant.graph('records-manager');
  const clock = devTenantClock(graph);
  // Every seeded schedule up to 40 years has ended.
  await clock.advance(41 * 365);
  disposition = createDispositionService(recordsManagerWorkspace(graph));
});
afterAll(() => tenant.close());
afterEach(() => {
  tenant.fault = () => undefined;
});

/** Approves `item` at every stage before its last, so that the next approval disposes of it. */
async function toLastStage(item: QueueItem): Promise<QueueItem> {
  let current = item;
  while (current.currentStage < current.stages.length) {
    const [outcome] = await disposition.decide({
      keys: [current.key],
      decision: { kind: 'approve', justification: `Stage ${current.currentStage}` }
    });
    expect(outcome).toMatchObject({ ok: true, outcome: 'nextStage' });
    current = (await disposition.loadQueue()).items.find((i) => i.key === current.key)!;
  }
  return current;
}

/** The list item as Graph gives it now, with its label; undefined when it is gone. */
async function listItem(key: string): Promise<{ label?: string } | undefined> {
  const [siteId, listId, itemId] = key.split('|');
  try {
    const item = await graph.call<{ fields: Record<string, unknown> }>({
      method: 'GET',
      url: `/sites/${encodeURIComponent(siteId)}/lists/${listId}/items/${itemId}?$expand=fields($select=_ComplianceTag)`,
      action: 'read the item'
    });
    return { label: String(item.fields._ComplianceTag ?? '') };
  } catch (e) {
    if ((e as { status?: number }).status === 404) return undefined;
    throw e;
  }
}

/** A record waiting for review (label 'Health and Safety - 40 Years', a record label), locked or not as Graph says. */
async function recordInQueue(locked: boolean): Promise<QueueItem> {
  const { items } = await disposition.loadQueue();
  for (const item of items.filter((i) => i.labelName === 'Health and Safety - 40 Years' && i.holds.length === 0)) {
    const [siteId, listId, itemId] = item.key.split('|');
    const file = await graph.call<{ id: string; parentReference: { driveId: string } }>({
      method: 'GET',
      url: `/sites/${encodeURIComponent(siteId)}/lists/${listId}/items/${itemId}/driveItem`,
      action: 'read the file'
    });
    const label = await getRetentionLabel(graph, { driveId: file.parentReference.driveId, itemId: file.id });
    if (label.retentionSettings?.isRecordLocked === locked) return item;
  }
  throw new Error(`No ${locked ? 'locked' : 'unlocked'} record waits for review in the seed.`);
}

async function moveClock(minutes: number): Promise<void> {
  await graph.call({ method: 'POST', url: `${graph.baseOrigin}/devtenant/clock`, body: { minutes }, action: 'move the clock' });
}

describe('the disposal of a locked record', () => {
  it('removes its label first (a labelled record cannot be deleted), then deletes it, with one proof entry', async () => {
    const record = await toLastStage(await recordInQueue(true));
    const [, , itemId] = record.key.split('|');
    const writes: string[] = [];
    tenant.fault = ({ method, path }) => {
      if (method === 'DELETE')
        writes.push(path.endsWith(`/items/${itemId}`) ? 'delete the item' : path.endsWith('/retentionLabel') ? 'remove the label' : path);
      return undefined;
    };
    const registerBefore = (await disposition.register()).entries.length;
    const [done] = await disposition.decide({ keys: [record.key], decision: { kind: 'approve', justification: 'Past its schedule' } });
    expect(done).toMatchObject({ ok: true, outcome: 'disposed' });
    expect(writes).toEqual(['remove the label', 'delete the item']);
    expect(await listItem(record.key)).toBeUndefined();
    const register = await disposition.register();
    expect(register.verification).toMatchObject({ ok: true });
    expect(
      register.entries
        .slice(registerBefore)
        .filter((e) => e.subject === record.key)
        .map((e) => [e.action, e.outcome])
    ).toEqual([['approve', 'disposed']]);
  });
});

describe('a disposal whose deletion fails', () => {
  it('keeps a record and its label when the deletion fails and the decision is undone', async () => {
    // A locked record of a record label of the seeded file plan whose items end in a review (retainAsRecord, 40 years).
    const record = await toLastStage(await recordInQueue(true));
    const [, , itemId] = record.key.split('|');
    let deletions = 0;
    tenant.fault = ({ method, path }) => {
      if (method !== 'DELETE' || !path.endsWith(`/items/${itemId}`)) return undefined;
      deletions += 1;
      return denied;
    };

    const [failed] = await disposition.decide({ keys: [record.key], decision: { kind: 'approve', justification: 'Past its schedule' } });
    expect(failed).toMatchObject({ ok: false, error: { status: 403, code: 'accessDenied' } });
    expect(deletions).toBe(1);
    // The reviewer is told which item could not be deleted.
    expect((failed as { error: { what: string } }).error.what).toContain(record.name);
    // The label removed so that the record could be deleted is back on it, and it waits where it was.
    expect(await listItem(record.key)).toEqual({ label: record.labelName });
    const again = (await disposition.loadQueue()).items.find((i) => i.key === record.key);
    expect(again).toMatchObject({ currentStage: record.currentStage, status: 'pendingReview' });
    expect(again).not.toHaveProperty('interruptedDisposal');
  });

  it('refuses to dispose of an unlocked record before anything is written, saying to lock it first', async () => {
    const record = await toLastStage(await recordInQueue(false));
    const writes: string[] = [];
    tenant.fault = ({ method, path }) => {
      if (method !== 'GET') writes.push(`${method} ${path}`);
      return undefined;
    };
    const [refused] = await disposition.decide({ keys: [record.key], decision: { kind: 'approve', justification: 'Past its schedule' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unlockedRecordLabelFixed', status: 409 } });
    expect(!refused.ok && (refused.error as Error & { whatToDo?: string }).whatToDo).toMatch(/^Lock the record/);
    expect(writes).toEqual([]);
    expect(await listItem(record.key)).toEqual({ label: record.labelName });
    expect((await disposition.loadQueue()).items.find((i) => i.key === record.key)).toMatchObject({ currentStage: record.currentStage });
  });

  it('shows an item whose decision could not be undone as an interrupted disposal, and approving it again finishes it', async () => {
    const { items, labels } = await disposition.loadQueue();
    const notRecords = new Set(labels.filter((l) => !l.isRecord).map((l) => l.name));
    const item = await toLastStage(items.find((i) => notRecords.has(i.labelName) && i.holds.length === 0 && i.stages.length > 1)!);
    const [, listId, itemId] = item.key.split('|');
    const registerBefore = (await disposition.register()).entries.length;
    // The deletion is refused, and so is the write that would undo the decision: the state stays 'disposing'.
    let stateWrites = 0;
    tenant.fault = ({ method, path }) => {
      if (method === 'DELETE' && path.endsWith(`/items/${itemId}`)) return denied;
      if (
        method === 'PATCH' &&
        path.includes('/lists/') &&
        path.endsWith('/fields') &&
        !path.includes(`/lists/${listId}/items/${itemId}/`)
      ) {
        stateWrites += 1;
        // The first write saves the decision; the second would undo it.
        return stateWrites > 1 ? denied : undefined;
      }
      return undefined;
    };
    const [failed] = await disposition.decide({ keys: [item.key], decision: { kind: 'approve', justification: 'Past its schedule' } });
    expect(failed).toMatchObject({ ok: false, error: { status: 403 } });
    expect(stateWrites).toBe(2);
    tenant.fault = () => undefined;
    expect(await listItem(item.key)).toBeDefined();

    // Just after, the disposal might still be running elsewhere: not offered, and a second approval is refused.
    expect((await disposition.loadQueue()).items.some((i) => i.key === item.key)).toBe(false);
    // Eleven minutes on, it cannot still be running: the item is back, at its last stage, marked interrupted.
    await moveClock(11);
    const interrupted = (await disposition.loadQueue()).items.find((i) => i.key === item.key);
    expect(interrupted).toMatchObject({ currentStage: item.stages.length, status: 'pendingReview', interruptedDisposal: true });

    const [finished] = await disposition.decide({ keys: [item.key], decision: { kind: 'approve', justification: 'Finish the disposal' } });
    expect(finished).toMatchObject({ ok: true, outcome: 'disposed' });
    expect(await listItem(item.key)).toBeUndefined();
    const register = await disposition.register();
    expect(register.verification).toMatchObject({ ok: true });
    // One entry for the disposal: the approval that failed left none.
    expect(
      register.entries
        .slice(registerBefore)
        .filter((e) => e.subject === item.key)
        .map((e) => [e.action, e.outcome])
    ).toEqual([['approve', 'disposed']]);
  });

  it('refuses a second approval while a disposal may still be running', async () => {
    const { items, labels } = await disposition.loadQueue();
    const notRecords = new Set(labels.filter((l) => !l.isRecord).map((l) => l.name));
    // An item with more than one stage, so that its final decision changes its state row (which the fault refuses to
    // undo) rather than creating one. The item's own fields are told apart by list id: a state row may share its id.
    const item = await toLastStage(items.filter((i) => notRecords.has(i.labelName) && i.holds.length === 0 && i.stages.length > 1).at(-1)!);
    const [, listId, itemId] = item.key.split('|');
    let stateWrites = 0;
    tenant.fault = ({ method, path }) => {
      if (method === 'DELETE' && path.endsWith(`/items/${itemId}`)) return denied;
      if (method === 'PATCH' && path.endsWith('/fields') && !path.includes(`/lists/${listId}/items/${itemId}/`))
        return ++stateWrites > 1 ? denied : undefined;
      return undefined;
    };
    await disposition.decide({ keys: [item.key], decision: { kind: 'approve', justification: 'First' } });
    tenant.fault = () => undefined;
    const [second] = await disposition.decide({ keys: [item.key], decision: { kind: 'approve', justification: 'Second' } });
    expect(second).toMatchObject({ ok: false });
    expect(!second.ok && (second.error as Error & { why?: string }).why).toMatch(/The item is being disposed of\./);
    expect(await listItem(item.key)).toBeDefined();
  });
});

describe('a decision the records site refuses to save', () => {
  it('is reported as the refusal it is, not as another reviewer deciding first; the review and the register stay as they were', async () => {
    const { items, labels } = await disposition.loadQueue();
    const notRecords = new Set(labels.filter((l) => !l.isRecord).map((l) => l.name));
    const item = items.filter((i) => notRecords.has(i.labelName) && i.holds.length === 0 && i.stages.length > 1)[0];
    const [first] = await disposition.decide({ keys: [item.key], decision: { kind: 'approve', justification: 'Stage 1' } });
    expect(first).toMatchObject({ ok: true, outcome: 'nextStage' });
    const registerBefore = (await disposition.register()).entries.length;
    // The reviewer lost write access to the records site's review list: SharePoint answers the state row's update 403.
    const [, listId] = item.key.split('|');
    tenant.fault = ({ method, path }) =>
      method === 'PATCH' && path.endsWith('/fields') && !path.includes(`/lists/${listId}/`) ? denied : undefined;

    const [refused] = await disposition.decide({ keys: [item.key], decision: { kind: 'approve', justification: 'Stage 2' } });
    expect(refused).toMatchObject({ ok: false, error: { status: 403, code: 'accessDenied' } });
    tenant.fault = () => undefined;
    expect((await disposition.loadQueue()).items.find((i) => i.key === item.key)).toMatchObject({
      currentStage: 2,
      status: 'pendingReview'
    });
    expect((await disposition.register()).entries).toHaveLength(registerBefore);
    expect(await listItem(item.key)).toBeDefined();
  });
});

describe('a queue opened while the reviewer cannot be read', () => {
  it('fails with the refusal, and opening it again reads the reviewer again; decisions then name them', async () => {
    const fresh = createDispositionService(recordsManagerWorkspace(graph));
    tenant.fault = ({ method, path }) => (method === 'GET' && path.endsWith('/me') ? denied : undefined);
    await expect(fresh.loadQueue()).rejects.toMatchObject({ status: 403 });

    tenant.fault = () => undefined;
    const { items, labels } = await fresh.loadQueue();
    const notRecords = new Set(labels.filter((l) => !l.isRecord).map((l) => l.name));
    const item = items.filter((i) => notRecords.has(i.labelName) && i.holds.length === 0 && i.stages.length > 1).at(-2)!;
    const [decided] = await fresh.decide({ keys: [item.key], decision: { kind: 'approve', justification: 'Stage 1' } });
    expect(decided).toMatchObject({ ok: true, outcome: 'nextStage' });
    expect((await fresh.register()).entries.at(-1)).toMatchObject({ subject: item.key, by: 'priya.raman@custodiandev.onmicrosoft.com' });
  });
});
