import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getRetentionLabel } from '../../../../src/core/graph/driveItems/getRetentionLabel';
import { CustodianError } from '../../../../src/core/http/CustodianError';
import { bulkLabel, type BulkLabelProgress, type BulkLabelReport } from '../../../../src/core/services/bulkLabel';
import { createMemoryCheckpointStore, createRecordsSiteCheckpointStore } from '../../../../src/core/services/jobs';
import { recordsSiteById } from '../../../../src/core/services/recordsSite';
import { createFileCheckpointStore } from '../../../../src/node/jobs/createFileCheckpointStore';
import { driveFiles } from '../support/driveFiles';
import { logRequests } from '../support/requestLog';
import { startServicesTenant, type Library, type ServicesTenant } from '../support/servicesTenant';

let tenant: ServicesTenant;
let dir: string;
beforeAll(async () => {
  tenant = await startServicesTenant(600);
  dir = mkdtempSync(path.join(tmpdir(), 'custodian-jobs-'));
});
afterAll(async () => {
  await tenant.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The outcome per item, for comparing runs: labelled, or the failure code. */
function outcomes(report: BulkLabelReport): Map<string, string> {
  const out = new Map<string, string>();
  for (const id of report.labelled) out.set(id, 'labelled');
  for (const f of report.failed) out.set(f.id, f.code);
  return out;
}

function expectEachNamedOnce(report: BulkLabelReport, ids: readonly string[]): void {
  const named = [...report.labelled, ...report.failed.map((f) => f.id), ...report.notDone];
  expect(named).toHaveLength(new Set(ids).size);
  expect(new Set(named)).toEqual(new Set(ids));
  for (const f of report.failed) expect(f.reason).toMatch(/\S/);
}

async function libraries(...names: [string, string][]): Promise<Library[]> {
  return Promise.all(names.map(([site, title]) => tenant.library(site, title)));
}

describe('bulkLabel through Graph', () => {
  it('labels every item or reports why, each once; resumes a finished job without a request', async () => {
    const graph = tenant.graph('records-manager');
    const libs = await libraries(['/sites/records', 'Records'], ['/sites/projects', 'Documents']);
    const items = (await Promise.all(libs.map((l) => driveFiles(graph, l.driveId)))).flat();
    items.push({ driveId: libs[0].driveId, itemId: 'NO-SUCH-ITEM', name: "Gone 'x' #1.docx" });
    const checkpoints = createRecordsSiteCheckpointStore(recordsSiteById(graph, libs[0].siteId));
    const progress: BulkLabelProgress[] = [];
    const job = {
      jobId: `label records & projects 'now' #1`,
      label: 'Health and Safety - 40 Years',
      target: { kind: 'driveItems' as const, items }
    };
    const report = await bulkLabel(job, {
      graph,
      checkpoints,
      now: Date.now,
      onProgress: (p) => progress.push(p),
      checkpointIntervalMs: 50
    });
    expect(report.status).toBe('completed');
    expectEachNamedOnce(
      report,
      items.map((i) => i.itemId)
    );
    expect(report.notDone).toEqual([]);
    const byCode = new Map(report.failed.map((f) => [f.code, f]));
    expect(byCode.get('regulatoryRecord')?.reason).toMatch(/A regulatory record cannot be relabelled, not even by an administrator\.$/);
    expect(report.failed.find((f) => f.id === 'NO-SUCH-ITEM')).toMatchObject({ status: 404, name: "Gone 'x' #1.docx" });
    const hostile = items.find((i) => i.name.includes('🚀'))!;
    expect(report.labelled).toContain(hostile.itemId);
    expect((await getRetentionLabel(graph, hostile)).name).toBe('Health and Safety - 40 Years');
    expect(progress.at(-1)).toMatchObject({ total: items.length, done: items.length, failed: report.failed.length });
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));

    const log = logRequests(tenant.url);
    try {
      const again = await bulkLabel(job, {
        graph,
        checkpoints: createRecordsSiteCheckpointStore(recordsSiteById(graph, libs[0].siteId)),
        now: Date.now
      });
      expect(outcomes(again)).toEqual(outcomes(report));
      expect(again.resumed).toBe(true);
      expect(log.requests.filter((r) => r.url.includes('retentionLabel') || r.inner.length)).toEqual([]);
    } finally {
      log.stop();
    }
  }, 30_000); // labels every file of two libraries, then resumes: seconds on a busy 2-core machine

  it('refuses to resume a checkpoint that belongs to other items', async () => {
    const graph = tenant.graph('records-manager');
    const checkpoints = createMemoryCheckpointStore();
    const [lib] = await libraries(['/sites/hr', 'Documents']);
    const items = await driveFiles(graph, lib.driveId);
    await bulkLabel(
      { jobId: 'j', label: 'General Correspondence - 2 Years', target: { kind: 'driveItems', items: items.slice(0, 3) } },
      { graph, checkpoints, now: Date.now }
    );
    const e = await bulkLabel(
      { jobId: 'j', label: 'General Correspondence - 2 Years', target: { kind: 'driveItems', items: items.slice(0, 4) } },
      { graph, checkpoints, now: Date.now }
    ).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CustodianError);
    expect(e).toMatchObject({ code: 'jobChanged' });
  });
});

describe('bulkLabel through SetComplianceTagOnBulkItems', () => {
  it('labels list items 100 ids a call and names the ids the service refused', async () => {
    const graph = tenant.graph('site-owner');
    const [lib] = await libraries(['/sites/finance', 'Invoices']);
    const ids = (await driveFiles(graph, lib.driveId)).map((_, i) => i + 1);
    const items = [...ids, 999_999].map((id) => ({ id, name: `item ${id}` }));
    const log = logRequests(tenant.url);
    let report: BulkLabelReport;
    try {
      report = await bulkLabel(
        {
          jobId: 'invoices',
          label: 'Financial Records - 7 Years',
          target: { kind: 'listItems', site: tenant.site('site-owner', '/sites/finance'), listUrl: lib.listUrl, items }
        },
        { graph, checkpoints: createFileCheckpointStore(dir), now: Date.now }
      );
    } finally {
      log.stop();
    }
    expect(report.status).toBe('completed');
    expectEachNamedOnce(
      report,
      items.map((i) => String(i.id))
    );
    expect(report.failed).toEqual([expect.objectContaining({ id: '999999', code: 'notLabelled', name: 'item 999999' })]);
    expect(log.requests.filter((r) => r.url.includes('SetComplianceTagOnBulkItems'))).toHaveLength(Math.ceil(items.length / 100));
  });
});

describe('bulkLabel under faults', () => {
  const faults = '429:0.05,503:0.02,reset:0.01';

  it('ends every item labelled or reported once, and a run cancelled halfway then resumed ends the same', async () => {
    const graph = tenant.graph('records-manager');
    // Every library but the two the first test relabelled: about 500 items, each chunk of 20 meeting faults.
    const libs = await libraries(
      ['/', 'Documents'],
      ['/sites/hr', 'Documents'],
      ['/sites/hr', 'Personnel Files'],
      ['/sites/finance', 'Documents'],
      ['/sites/finance', 'Invoices'],
      ['/sites/finance', 'Audit Reports'],
      ['/sites/legal', 'Documents'],
      ['/sites/legal', 'Contracts'],
      ['/sites/records', 'Email Archive'],
      ['/sites/marketing', 'Brand Assets']
    );
    const items = (await Promise.all(libs.map((l) => driveFiles(graph, l.driveId)))).flat();
    expect(items.length).toBeGreaterThan(450);
    const site = recordsSiteById(graph, libs[0].siteId);
    await tenant.control('PUT', '/faults', { faults });
    try {
      const job = (jobId: string) => ({ jobId, label: 'Tax Records - 6 Years', target: { kind: 'driveItems' as const, items } });
      const whole = await bulkLabel(job('whole'), { graph, checkpoints: createFileCheckpointStore(dir), now: Date.now });
      expect(whole.status).toBe('completed');
      expectEachNamedOnce(
        whole,
        items.map((i) => i.itemId)
      );
      expect(whole.notDone).toEqual([]);

      const controller = new AbortController();
      const checkpoints = createRecordsSiteCheckpointStore(site);
      const first = await bulkLabel(job('halves'), {
        graph,
        checkpoints,
        now: Date.now,
        signal: controller.signal,
        checkpointIntervalMs: 0,
        onProgress: (p) => {
          if (p.done >= p.total / 2) controller.abort();
        }
      });
      expect(first.status).toBe('cancelled');
      expect(first.notDone.length).toBeGreaterThan(0);
      expectEachNamedOnce(
        first,
        items.map((i) => i.itemId)
      );
      const resumed = await bulkLabel(job('halves'), { graph, checkpoints: createRecordsSiteCheckpointStore(site), now: Date.now });
      expect(resumed).toMatchObject({ status: 'completed', resumed: true, notDone: [] });
      expect(outcomes(resumed)).toEqual(outcomes(whole));
    } finally {
      await tenant.control('PUT', '/faults', { faults: '' });
    }
  }, 60_000);
});
