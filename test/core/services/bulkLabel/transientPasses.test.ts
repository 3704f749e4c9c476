import type { GraphGateway } from '../../../../src/core/graph/GraphGateway';
import { bulkLabel } from '../../../../src/core/services/bulkLabel';
import { createMemoryCheckpointStore } from '../../../../src/core/services/jobs';
import type { DevTenantWithFaults } from '../holds/support/devTenantWithFaults';
import { busyFor, startInvoicesWithFaults } from './support/busyInvoices';
import type { FakeTiming } from '../../support/fakeTiming';

// A chunk of 20 files labelled in one Graph $batch while the service keeps answering 503 inside the batch (SharePoint
// does this under load, after the batch's own retries): the items are sent again, after a pause, up to the number of
// passes the job allows, and only then reported failed; a cancellation before they are sent again ends the run with
// them not done. The 503s are the real answer's inner responses rewritten; the labels are the dev tenant's.

jest.setTimeout(60_000);

let tenant: DevTenantWithFaults;
let graph: GraphGateway;
let items: { driveId: string; itemId: string; name: string }[];
const label = 'Tax Records - 6 Years';

beforeAll(async () => {
  ({ tenant, graph, items } = await startInvoicesWithFaults());
  items = items.slice(0, 20);
  expect(items).toHaveLength(20);
});
afterAll(() => tenant.close());
afterEach(() => {
  tenant.fault = () => undefined;
});

const run = (jobId: string, transientPasses: number, signal?: AbortSignal) =>
  bulkLabel(
    { jobId, label, target: { kind: 'driveItems', items } },
    {
      graph,
      checkpoints: createMemoryCheckpointStore(),
      now: graph.timing.now,
      transientPasses,
      maxConcurrency: 1,
      ...(signal ? { signal } : {})
    }
  );

it('with no pass left, reports every item of a chunk the service kept refusing as busy, with its reason', async () => {
  const busy = busyFor(tenant);
  const report = await run('no passes', 0);
  expect(report).toMatchObject({ status: 'completed', labelled: [], notDone: [] });
  expect(report.failed).toHaveLength(20);
  expect(report.failed.every((f) => f.status === 503 && f.code === 'serviceNotAvailable' && /\S/.test(f.reason))).toBe(true);
  expect(busy.sends()).toBeGreaterThan(0);
});

it('sends the items again after a pause, and labels them all once the service answers', async () => {
  const onePass = busyFor(tenant);
  await run('measure one pass', 0);
  const sendsPerPass = onePass.sends();

  const timing = graph.timing as FakeTiming;
  const sleepsBefore = timing.sleeps.length;
  const busy = busyFor(tenant, sendsPerPass);
  const report = await run('second pass', 1);
  expect(report).toMatchObject({ status: 'completed', failed: [], notDone: [] });
  expect(report.labelled).toHaveLength(20);
  expect(busy.sends()).toBe(sendsPerPass + 1);
  // The pause before the second pass: a second, after the batch's own retries.
  expect(timing.sleeps.slice(sleepsBefore)).toContain(1000);
});

it('gives up after the passes the job allows, each pass sending the batch again', async () => {
  const onePass = busyFor(tenant);
  await run('measure', 0);
  const sendsPerPass = onePass.sends();
  const timing = graph.timing as FakeTiming;
  const sleepsBefore = timing.sleeps.length;
  const busy = busyFor(tenant);
  const report = await run('three passes', 2);
  expect(report.failed).toHaveLength(20);
  expect(busy.sends()).toBe(3 * sendsPerPass);
  // Longer each time: a second, then two.
  const pauses = timing.sleeps.slice(sleepsBefore).filter((ms) => ms === 1000 || ms === 2000);
  expect(pauses).toEqual([1000, 2000]);
});

it('never sends again an item the service refused for good (a file deleted meanwhile)', async () => {
  const sends = busyFor(tenant, 0);
  const gone = { ...items[0], itemId: 'NO-SUCH-ITEM', name: "Gone 'x' #1.docx" };
  const report = await bulkLabel(
    { jobId: 'one gone', label, target: { kind: 'driveItems', items: [gone, ...items.slice(1, 5)] } },
    { graph, checkpoints: createMemoryCheckpointStore(), now: graph.timing.now, transientPasses: 3 }
  );
  expect(report.failed).toEqual([expect.objectContaining({ id: 'NO-SUCH-ITEM', status: 404 })]);
  expect(report.labelled).toHaveLength(4);
  expect(sends.sends()).toBe(1);
});

it('ends with the items not done when the run is cancelled before they are sent again', async () => {
  const onePass = busyFor(tenant);
  await run('measure again', 0);
  const sendsPerPass = onePass.sends();
  const controller = new AbortController();
  // Cancelled while the first pass's last batch is on its way: the answer comes back to a cancelled run.
  busyFor(tenant, undefined, (n) => {
    if (n === sendsPerPass) controller.abort();
  });
  const report = await run('cancelled', 3, controller.signal);
  expect(report).toMatchObject({ status: 'cancelled', labelled: [], failed: [] });
  expect(report.notDone).toHaveLength(20);
});
