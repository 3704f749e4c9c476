import type { GraphGateway } from '../../../../src/core/graph/GraphGateway';
import { bulkLabel, type BulkLabelProgress } from '../../../../src/core/services/bulkLabel';
import { createMemoryCheckpointStore, type CheckpointStore } from '../../../../src/core/services/jobs';
import type { DevTenantWithFaults } from '../holds/support/devTenantWithFaults';
import { busyFor, refusedSave, startInvoicesWithFaults } from './support/busyInvoices';
import { refusal } from '../support/refusal';

// A bulk labelling run as the person who started it sees it: the report, the progress, and what happens when the
// job is given the same file twice, is cancelled just as it ends, is resumed with other items, or cannot keep its
// progress. The labels are written by the dev tenant; only the checkpoint store is a test's own, to refuse a save.

jest.setTimeout(60_000);

let tenant: DevTenantWithFaults;
let graph: GraphGateway;
let items: { driveId: string; itemId: string; name: string }[];
const label = 'Tax Records - 6 Years';

beforeAll(async () => {
  ({ tenant, graph, items } = await startInvoicesWithFaults());
  expect(items.length).toBeGreaterThan(30);
});
afterAll(() => tenant.close());
afterEach(() => {
  tenant.fault = () => undefined;
});

it('labels a file given twice once, and names it once in the report and the progress', async () => {
  const some = items.slice(0, 5);
  const progress: BulkLabelProgress[] = [];
  const report = await bulkLabel(
    { jobId: 'twice', label, target: { kind: 'driveItems', items: [...some, some[2], some[0]] } },
    { graph, checkpoints: createMemoryCheckpointStore(), now: graph.timing.now, onProgress: (p) => progress.push(p) }
  );
  expect(report).toMatchObject({ status: 'completed', total: 5, failed: [], notDone: [] });
  expect(report.labelled).toEqual(some.map((i) => i.itemId));
  expect(progress.at(-1)).toMatchObject({ total: 5, done: 5, labelled: 5, failed: 0 });
});

it('counts failures apart from labelled items in its progress', async () => {
  const gone = { ...items[0], itemId: 'NO-SUCH-ITEM', name: 'Gone.docx' };
  const progress: BulkLabelProgress[] = [];
  await bulkLabel(
    { jobId: 'progress', label, target: { kind: 'driveItems', items: [gone, ...items.slice(1, 4)] } },
    { graph, checkpoints: createMemoryCheckpointStore(), now: graph.timing.now, onProgress: (p) => progress.push(p) }
  );
  expect(progress[0]).toMatchObject({ total: 4, done: 0, labelled: 0, failed: 0 });
  expect(progress.at(-1)).toMatchObject({ total: 4, done: 4, labelled: 3, failed: 1 });
});

it('is completed, not cancelled, when it is cancelled after its last chunk was done', async () => {
  const controller = new AbortController();
  const report = await bulkLabel(
    { jobId: 'cancelled at the end', label, target: { kind: 'driveItems', items: items.slice(0, 30) } },
    {
      graph,
      checkpoints: createMemoryCheckpointStore(),
      now: graph.timing.now,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done === p.total) controller.abort();
      }
    }
  );
  expect(report).toMatchObject({ status: 'completed', notDone: [] });
  expect(report.labelled).toHaveLength(30);
});

it('refuses to resume a job with as many items but other ones, saying to start a new job', async () => {
  const checkpoints = createMemoryCheckpointStore();
  const job = (from: number) => ({
    jobId: 'same size',
    label,
    target: { kind: 'driveItems' as const, items: items.slice(from, from + 3) }
  });
  await bulkLabel(job(0), { graph, checkpoints, now: graph.timing.now });
  const refused = await refusal(() => bulkLabel(job(3), { graph, checkpoints, now: graph.timing.now }));
  expect(refused).toMatchObject({ code: 'jobChanged' });
  expect(refused.what).toContain("'same size'");
  expect(refused.why).toMatch(/different label or a different set of items/);
  expect(refused.whatToDo).toMatch(/new job/);
});

it('retries items the service is busy with three more times when the job does not say how many', async () => {
  // One pass's worth of busy answers (the $batch's own retries included), measured with no pass left.
  const onePass = busyFor(tenant);
  await bulkLabel(
    { jobId: 'measure', label, target: { kind: 'driveItems', items: items.slice(0, 2) } },
    { graph, checkpoints: createMemoryCheckpointStore(), now: graph.timing.now, transientPasses: 0 }
  );
  const perPass = onePass.sends();
  const busy = busyFor(tenant, 3 * perPass);
  const report = await bulkLabel(
    { jobId: 'default passes', label, target: { kind: 'driveItems', items: items.slice(0, 2) } },
    { graph, checkpoints: createMemoryCheckpointStore(), now: graph.timing.now }
  );
  expect(report).toMatchObject({ failed: [], notDone: [] });
  expect(busy.sends()).toBe(3 * perPass + 1);
});

it('stops starting chunks when its progress cannot be saved, and says why', async () => {
  const memory = createMemoryCheckpointStore();
  const saves: string[] = [];
  const checkpoints: CheckpointStore = {
    load: (id) => memory.load(id),
    save: (checkpoint, added) => {
      saves.push(checkpoint.status);
      return saves.length === 1 ? Promise.reject(refusedSave) : memory.save(checkpoint, added);
    }
  };
  const batches = busyFor(tenant, 0).sends;
  const e = await bulkLabel(
    { jobId: 'cannot save', label, target: { kind: 'driveItems', items: items.slice(0, 30) } },
    { graph, checkpoints, now: graph.timing.now, checkpointIntervalMs: 0, maxConcurrency: 1 }
  ).catch((x: unknown) => x);
  expect(e).toBe(refusedSave);
  // The first chunk was labelled, its save refused: no second chunk was started.
  expect(batches()).toBe(1);
  // What was done is still saved, as running, for a later resume.
  expect(saves).toEqual(['running', 'running']);
  expect(await memory.load('cannot save')).toMatchObject({ status: 'running', doneThrough: 1 });
});
