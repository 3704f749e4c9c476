import type { GraphGateway } from '../../../../src/core/graph/GraphGateway';
import { createRecordsSiteCheckpointStore, type JobCheckpoint } from '../../../../src/core/services/jobs';
import { openRecordsSite, type RecordsSite } from '../../../../src/core/services/recordsSite/RecordsSite';
import { startTestTenant, type TestTenant } from '../../support/devTenant';

// A job's progress kept in the records site's lists, as a browser keeps it: what a records manager resuming a job
// relies on is that every failure comes back whole enough to read (SharePoint's text columns hold 255 characters),
// and that two runners of one job never both advance it, while a runner that saves the same progress twice (its
// first answer lost) is not taken for a rival.

let tenant: TestTenant;
let graph: GraphGateway;
let site: RecordsSite;

beforeAll(async () => {
  tenant = await startTestTenant(20);
  graph = tenant.graph('records-manager');
  site = await openRecordsSite(graph, 'https://custodiandev.sharepoint.com/sites/records');
});
afterAll(() => tenant.close());

const checkpoint = (jobId: string, doneThrough: number): JobCheckpoint => ({
  jobId,
  kind: 'bulkLabel:driveItems',
  fingerprint: 'a'.repeat(64),
  total: 100,
  chunkSize: 20,
  doneThrough,
  doneAhead: [],
  failures: [],
  status: 'running',
  updatedAt: '2034-01-01T00:00:00.000Z'
});

it('keeps a failure reason longer than a text column as its first 254 characters and an ellipsis, never splitting an emoji', async () => {
  const store = createRecordsSiteCheckpointStore(site);
  const long = `${'🚀'.repeat(200)} and the rest of a very long reason ${'x'.repeat(100)}`;
  const short = 'Refused: a regulatory record.';
  const failures = [
    { id: 'a', chunk: 0, code: 'accessDenied', status: 403, reason: long },
    { id: 'b', chunk: 0, code: 'regulatoryRecord', status: 403, reason: short },
    { id: 'c', chunk: 0, code: 'x', status: 400, reason: 'y'.repeat(255) }
  ];
  await store.save({ ...checkpoint('long reasons', 1), failures }, failures);
  const loaded = await createRecordsSiteCheckpointStore(site).load('long reasons');
  const byId = new Map(loaded!.failures.map((f) => [f.id, f.reason]));
  expect([...byId.get('a')!]).toHaveLength(255);
  expect(byId.get('a')).toBe(`${'🚀'.repeat(200)} and the rest of a very long reason ${'x'.repeat(18)}…`);
  expect(byId.get('b')).toBe(short);
  expect(byId.get('c')).toBe('y'.repeat(255));
});

it('refuses a second runner that advances the same job, and keeps the first runner’s progress', async () => {
  const first = createRecordsSiteCheckpointStore(site);
  const second = createRecordsSiteCheckpointStore(site);
  await first.save(checkpoint('two runners', 0), []);
  expect(await second.load('two runners')).toMatchObject({ doneThrough: 0 });
  await first.save(checkpoint('two runners', 2), []);
  await expect(second.save(checkpoint('two runners', 1), [])).rejects.toMatchObject({ code: 'entryChanged' });
  expect(await createRecordsSiteCheckpointStore(site).load('two runners')).toMatchObject({ doneThrough: 2 });
});

it('takes a save that meets exactly the progress it carries (its first answer was lost) as done', async () => {
  const first = createRecordsSiteCheckpointStore(site);
  const replay = createRecordsSiteCheckpointStore(site);
  await first.save(checkpoint('lost answer', 0), []);
  await replay.load('lost answer');
  // SharePoint gives the time back to the second: a save at 12:00:00.250 meets 12:00:00 and is still its own.
  await first.save({ ...checkpoint('lost answer', 3), updatedAt: '2034-01-01T12:00:00.250Z' }, []);
  await expect(replay.save({ ...checkpoint('lost answer', 3), updatedAt: '2034-01-01T12:00:00.250Z' }, [])).resolves.toBeUndefined();
  // And it goes on from there with the version it met.
  await expect(replay.save(checkpoint('lost answer', 4), [])).resolves.toBeUndefined();
  expect(await createRecordsSiteCheckpointStore(site).load('lost answer')).toMatchObject({ doneThrough: 4 });
});

it('still refuses a runner whose save differs only in time from what another saved', async () => {
  const first = createRecordsSiteCheckpointStore(site);
  const second = createRecordsSiteCheckpointStore(site);
  await first.save(checkpoint('same progress, other time', 0), []);
  await second.load('same progress, other time');
  await first.save({ ...checkpoint('same progress, other time', 3), updatedAt: '2034-01-01T12:00:00Z' }, []);
  await expect(second.save({ ...checkpoint('same progress, other time', 3), updatedAt: '2034-01-01T12:00:01Z' }, [])).rejects.toMatchObject(
    {
      code: 'entryChanged'
    }
  );
});
