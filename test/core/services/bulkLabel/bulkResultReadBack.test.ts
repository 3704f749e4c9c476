import { getRetentionLabel } from '../../../../src/core/graph/driveItems/getRetentionLabel';
import { bulkLabel, type BulkLabelReport } from '../../../../src/core/services/bulkLabel';
import { createMemoryCheckpointStore } from '../../../../src/core/services/jobs';
import { libraryFileItems } from './support/libraryFileItems';
import { startServicesTenant, type Library, type ServicesTenant } from '../support/servicesTenant';

// Microsoft documents SetComplianceTagOnBulkItems as `public List<int> SetComplianceTagOnBulkItems(List<int> itemIds,
// string listUrl, string complianceTagValue)` ("CSOM methods for applying retention labels") and says nothing of
// what the returned ids are; CLI for Microsoft 365 and PnP PowerShell ignore them. The outside truth here is the
// label each item carries afterwards, read through Graph (`GET .../driveItem/retentionLabel`, another API than the
// one Custodian reads back with): whichever meaning the service gives the ids, the report must name exactly the
// items that do not carry the label, and say what it read to know it.

let tenant: ServicesTenant;
let records: Library;
let files: { id: number; name: string }[];
const gone = { id: 987_654, name: 'Gone.docx' };

beforeAll(async () => {
  tenant = await startServicesTenant(40);
  records = await tenant.library('/sites/records', 'Records');
  files = await libraryFileItems(tenant.graph('records-manager'), records);
}, 90_000);
afterAll(() => tenant.close());

/** The items that do not carry `label` afterwards, as Graph reports each file's label (the gone one included). */
async function notCarrying(label: string): Promise<string[]> {
  const graph = tenant.graph('records-manager');
  const out = [String(gone.id)];
  for (const f of files) {
    const file = await graph.call<{ id: string }>({
      method: 'GET',
      url: `/sites/${encodeURIComponent(records.siteId)}/lists/${records.listId}/items/${f.id}/driveItem`,
      action: 'open the file'
    });
    if ((await getRetentionLabel(graph, { driveId: records.driveId, itemId: file.id })).name !== label) out.push(String(f.id));
  }
  return out.sort();
}

/**
 * Runs `body` with SharePoint answering SetComplianceTagOnBulkItems with the other set of ids (those it labelled
 * instead of those it did not), as a service whose undocumented answer means the opposite would.
 */
async function withAnswerInverted<T>(body: () => Promise<T>): Promise<T> {
  const real = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const response = await real(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!/SetComplianceTagOnBulkItems/i.test(url) || !response.ok) return response;
    const sent = JSON.parse(String(init?.body)) as { itemIds: number[] };
    const answer = (await response.json()) as { value: number[] };
    const inverted = { ...answer, value: sent.itemIds.filter((id) => !answer.value.includes(id)) };
    return new Response(JSON.stringify(inverted), { status: response.status, headers: response.headers });
  };
  try {
    return await body();
  } finally {
    globalThis.fetch = real;
  }
}

const run = (jobId: string, label: string): Promise<BulkLabelReport> =>
  bulkLabel(
    {
      jobId,
      label,
      target: {
        kind: 'listItems',
        site: tenant.site('records-manager', '/sites/records'),
        listUrl: records.listUrl,
        items: [...files, gone]
      }
    },
    { graph: tenant.graph('records-manager'), checkpoints: createMemoryCheckpointStore(), now: Date.now }
  );

describe('what SetComplianceTagOnBulkItems answers, checked by reading the items back', () => {
  it.each([
    ['the ids it did not label', 'Tax Records - 6 Years', false, 'failures'],
    ['the ids it labelled', 'Financial Records - 7 Years', true, 'successes']
  ] as const)(
    'names exactly the items without the label when the answer is %s, and says what it read',
    async (_, label, inverted, meaning) => {
      const report = inverted ? await withAnswerInverted(() => run(`readback-${meaning}`, label)) : await run(`readback-${meaning}`, label);
      const truth = await notCarrying(label);
      // The regulatory record keeps its label, and the gone id is not labelled: there is something to find.
      expect(truth.length).toBeGreaterThanOrEqual(2);
      expect(truth.length).toBeLessThan(files.length);
      expect(report.failed.map((f) => f.id).sort()).toEqual(truth);
      expect(report.labelled.length).toBe(files.length + 1 - truth.length);
      expect(report.failed.find((f) => f.id === String(gone.id))?.reason).toMatch(/no longer exists/);
      const total = files.length + 1;
      expect(report.readBack).toMatchObject({ meaning, answered: inverted ? total - truth.length : truth.length });
      const { read, inferred, unverified } = report.readBack!;
      expect(read + inferred + unverified).toBe(total);
      expect(unverified).toBe(0);
      // A few items of each group are read, not the whole list: 2 of each group of each call of 100.
      expect(read).toBeLessThanOrEqual(4 * Math.ceil(total / 100));
      expect(inferred).toBeGreaterThan(0);
    }
  );
});
