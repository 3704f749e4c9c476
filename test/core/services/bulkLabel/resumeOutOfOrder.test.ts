// Chunks of a bulk-label job run several at once, so a later chunk may finish before an earlier one; the checkpoint
// records it (`doneAhead`). A run resumed from such a checkpoint must not label that chunk's items again: each
// relabel is a request against the tenant's throttling budget and a new "label applied" in the item's history.
import { bulkLabel } from '../../../../src/core/services/bulkLabel';
import { createMemoryCheckpointStore } from '../../../../src/core/services/jobs';
import { driveFiles } from '../support/driveFiles';
import { logRequests } from '../support/requestLog';
import { startServicesTenant, type ServicesTenant } from '../support/servicesTenant';

let tenant: ServicesTenant;
beforeAll(async () => {
  tenant = await startServicesTenant(300);
});
afterAll(() => tenant.close());

/** The drive item ids a request log shows labelled (`PATCH .../items/{id}/retentionLabel`, inside `$batch`es too). */
function labelledIds(requests: { method: string; url: string; inner: { method: string; url: string }[] }[]): string[] {
  const all = requests.flatMap((r) => (r.inner.length ? r.inner : [r]));
  return all
    .filter((r) => r.method === 'PATCH' && /\/retentionLabel$/.test(r.url.split('?')[0]))
    .map((r) => decodeURIComponent(/\/items\/([^/]+)\/retentionLabel/.exec(r.url)![1]));
}

describe('bulkLabel resumed from a checkpoint where chunk 3 finished before chunk 2', () => {
  it('sends only the chunks not done (2 and 4), never chunk 3 again, and reports every item once', async () => {
    const graph = tenant.graph('records-manager');
    const libraries = await Promise.all(
      [
        ['/sites/finance', 'Invoices'],
        ['/sites/finance', 'Documents'],
        ['/sites/legal', 'Contracts'],
        ['/sites/hr', 'Documents']
      ].map(([site, title]) => tenant.library(site, title))
    );
    const files = (await Promise.all(libraries.map((l) => driveFiles(graph, l.driveId)))).flat();
    expect(files.length).toBeGreaterThanOrEqual(100);
    const items = files.slice(0, 100); // five chunks of 20 (Graph's $batch)
    const chunkIds = (c: number): string[] => items.slice(c * 20, (c + 1) * 20).map((i) => i.itemId);
    const checkpoints = createMemoryCheckpointStore();
    const job = { jobId: 'out of order', label: 'Tax Records - 6 Years', target: { kind: 'driveItems' as const, items } };

    // A first run saves the job's checkpoint; it is then set back to a run killed with chunks 0, 1 and 3 done.
    await bulkLabel(job, { graph, checkpoints, now: Date.now });
    const saved = (await checkpoints.load(job.jobId))!;
    await checkpoints.save(
      {
        ...saved,
        doneThrough: 2,
        doneAhead: [3],
        status: 'running',
        failures: saved.failures.filter((f) => f.chunk !== 2 && f.chunk !== 4)
      },
      []
    );

    const log = logRequests(tenant.url);
    let resumed;
    try {
      // Two chunks at once (the window's least when allowed two): chunks 2 and 3 would start together, so a resume
      // that does not read `doneAhead` sends chunk 3 before chunk 2's completion could move the low-water mark past it.
      resumed = await bulkLabel(job, { graph, checkpoints, now: Date.now, maxConcurrency: 2 });
    } finally {
      log.stop();
    }
    const sent = labelledIds(log.requests);
    expect(sent.filter((id) => chunkIds(3).includes(id))).toEqual([]);
    expect(new Set(sent)).toEqual(new Set([...chunkIds(2), ...chunkIds(4)]));
    expect(resumed).toMatchObject({ status: 'completed', resumed: true, notDone: [] });
    const named = [...resumed.labelled, ...resumed.failed.map((f) => f.id)];
    expect(named.sort()).toEqual(items.map((i) => i.itemId).sort());
  }, 60_000);
});
