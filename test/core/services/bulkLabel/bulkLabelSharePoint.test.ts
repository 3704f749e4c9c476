import { createDevTenantTokenProvider } from '../../../../src/core/auth/createDevTenantTokenProvider';
import { getRetentionLabel } from '../../../../src/core/graph/driveItems/getRetentionLabel';
import { createGraphGateway } from '../../../../src/core/graph/createGraphGateway';
import { defaultBackoff } from '../../../../src/core/http/backoffDelay';
import { bulkLabel } from '../../../../src/core/services/bulkLabel';
import { createMemoryCheckpointStore } from '../../../../src/core/services/jobs';
import { createSharePoint } from '../../../../src/core/sharepoint/createSharePoint';
import { fakeTiming } from '../../support/fakeTiming';
import { libraryFileItems } from './support/libraryFileItems';
import { startServicesTenant, type Library, type ServicesTenant } from '../support/servicesTenant';

let tenant: ServicesTenant;
let records: Library;
let files: { id: number; name: string }[];

beforeAll(async () => {
  tenant = await startServicesTenant(40);
  records = await tenant.library('/sites/records', 'Records');
  files = await libraryFileItems(tenant.graph('records-manager'), records);
});
afterAll(() => tenant.close());

const regulatoryName = 'Regulatory Return Q4 2019 - SEC.pdf';

/** The label Graph reports on a list item's file. */
async function labelOf(id: number): Promise<string | undefined> {
  const graph = tenant.graph('records-manager');
  const file = await graph.call<{ id: string }>({
    method: 'GET',
    url: `/sites/${encodeURIComponent(records.siteId)}/lists/${records.listId}/items/${id}/driveItem`,
    action: 'open the file'
  });
  return (await getRetentionLabel(graph, { driveId: records.driveId, itemId: file.id })).name ?? undefined;
}

describe('bulkLabel of list items through SetComplianceTagOnBulkItems', () => {
  it('labels a library, and answers back the regulatory record and an id that is gone as not labelled', async () => {
    const graph = tenant.graph('records-manager');
    const regulatory = files.find((f) => f.name === regulatoryName)!;
    expect(regulatory).toBeDefined();
    const items = [...files, { id: 987_654, name: 'Gone.docx' }];
    const report = await bulkLabel(
      {
        jobId: 'records-relabel',
        label: 'Tax Records - 6 Years',
        target: { kind: 'listItems', site: tenant.site('records-manager', '/sites/records'), listUrl: records.listUrl, items }
      },
      { graph, checkpoints: createMemoryCheckpointStore(), now: Date.now }
    );
    expect(report.status).toBe('completed');
    const failed = new Map(report.failed.map((f) => [f.id, f]));
    for (const id of [String(regulatory.id), '987654']) {
      expect(failed.get(id)).toMatchObject({ code: 'notLabelled', reason: expect.stringContaining('Tax Records - 6 Years') });
    }
    expect(report.labelled.length + report.failed.length).toBe(items.length);
    expect(report.labelled.length).toBeGreaterThan(0);
    expect(await labelOf(regulatory.id)).toBe('Regulatory Filings - 10 Years');
    expect(await labelOf(Number(report.labelled[0]))).toBe('Tax Records - 6 Years');
  });

  it('names every item of a call SharePoint refused as a whole, with its reason', async () => {
    const report = await bulkLabel(
      {
        jobId: 'no-such-label',
        label: 'No Such Label',
        target: {
          kind: 'listItems',
          site: tenant.site('records-manager', '/sites/records'),
          listUrl: records.listUrl,
          items: files.slice(0, 3)
        }
      },
      { graph: tenant.graph('records-manager'), checkpoints: createMemoryCheckpointStore(), now: Date.now }
    );
    expect(report.status).toBe('completed');
    expect(report.labelled).toEqual([]);
    expect(report.failed.map((f) => f.id)).toEqual(files.slice(0, 3).map((f) => String(f.id)));
    for (const f of report.failed) expect(f).toMatchObject({ status: expect.any(Number), reason: expect.stringMatching(/\S/) });
    expect(report.failed[0].status).toBeGreaterThanOrEqual(400);
  });

  it('tries a call the service keeps refusing as busy again, waiting longer each pass, then reports its items', async () => {
    const timing = fakeTiming();
    const tokens = createDevTenantTokenProvider({ url: tenant.url, persona: 'records-manager' });
    const retry = { ...defaultBackoff, maxRetries: 0 };
    const graph = createGraphGateway({ baseUrl: tenant.url, tokens, timing, retry, governor: { initialRate: 500 } });
    const site = createSharePoint(`${tenant.url}/sites/records`, { tokens, timing, retry, governor: graph.governor });
    await tenant.control('PUT', '/faults', { faults: '503:1' });
    let report;
    try {
      report = await bulkLabel(
        {
          jobId: 'busy',
          label: 'Tax Records - 6 Years',
          target: { kind: 'listItems', site, listUrl: records.listUrl, items: files.slice(0, 2) }
        },
        { graph, checkpoints: createMemoryCheckpointStore(), now: timing.now, transientPasses: 2 }
      );
    } finally {
      await tenant.control('PUT', '/faults', { faults: '' });
    }
    expect(report.failed.map((f) => [f.id, f.status])).toEqual(files.slice(0, 2).map((f) => [String(f.id), 503]));
    expect(timing.sleeps.filter((ms) => ms === 1000 || ms === 2000)).toEqual(expect.arrayContaining([1000, 2000]));
  });
});
