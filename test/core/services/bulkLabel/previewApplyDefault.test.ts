// What "Apply to existing items" says before it writes, against the dev tenant. The outside truth is the library's
// items as Graph lists them and Purview's rule for a label counting from creation: an item created more than the
// label's days ago is past its period the moment it is labelled.
import type { ListItem } from '@microsoft/microsoft-graph-types';
import { listAll } from '../../../../src/core/graph/iteratePages';
import { listListItemsCall } from '../../../../src/core/graph/listItems/listListItems';
import { listRetentionLabels } from '../../../../src/core/graph/retentionLabels/listRetentionLabels';
import { createBulkLabelService } from '../../../../src/core/services/bulkLabel';
import { createSiteScope } from '../../../../src/core/services/libraryPlan';
import { logRequests } from '../support/requestLog';
import { startServicesTenant, type Library, type ServicesTenant } from '../support/servicesTenant';

jest.setTimeout(30_000);

let tenant: ServicesTenant;
let invoices: Library;

beforeAll(async () => {
  tenant = await startServicesTenant(300);
  invoices = await tenant.library('/sites/finance', 'Invoices');
});
afterAll(() => tenant.close());

const service = (now = Date.now()): ReturnType<typeof createBulkLabelService> =>
  createBulkLabelService(
    createSiteScope({
      graph: tenant.graph('site-owner'),
      site: tenant.site('site-owner', '/sites/finance'),
      recordsSiteUrl: `${tenant.url}/sites/records`,
      now: () => now
    })
  );

describe('the impact of applying a library default', () => {
  it('counts the files to label, those already past the label period, and those keeping their own label; writes nothing', async () => {
    const items = await listAll<ListItem>(tenant.graph('admin'), { ...listListItemsCall(invoices), action: 'read the invoices' });
    const files = items.map((i) => i.fields as Record<string, unknown>).filter((f) => f.ContentType !== 'Folder');
    const label = (await listRetentionLabels(tenant.graph('admin'))).find((l) => l.displayName === 'Invoices - 7 Years')!;
    expect(label.retentionTrigger).toBe('dateCreated');
    const days = (label.retentionDuration as { days: number }).days;
    const now = Date.now();
    const unlabelled = files.filter((f) => !f._ComplianceTag);
    const pastPeriod = unlabelled.filter((f) => Date.parse(String(f.Created)) + days * 86_400_000 <= now);
    // The seed has files of every age, so both kinds are there.
    expect(pastPeriod.length).toBeGreaterThan(0);
    expect(pastPeriod.length).toBeLessThan(unlabelled.length);

    const log = logRequests(tenant.url);
    try {
      const preview = await service(now).previewApplyDefault({ libraryId: invoices.listId });
      expect(preview).toMatchObject({
        libraryName: 'Invoices',
        label: 'Invoices - 7 Years',
        toLabel: unlabelled.length,
        alreadyLabelled: files.filter((f) => f._ComplianceTag === 'Invoices - 7 Years').length,
        keepOwnLabel: files.filter((f) => f._ComplianceTag && f._ComplianceTag !== 'Invoices - 7 Years').length,
        dueAtOnce: { count: pastPeriod.length, action: 'startDispositionReview' }
      });
      expect(preview.dueAtOnce.names.length).toBe(Math.min(5, pastPeriod.length));
      expect(pastPeriod.map((f) => f.FileLeafRef)).toEqual(expect.arrayContaining(preview.dueAtOnce.names));
      expect(log.requests.filter((r) => r.method !== 'GET' && !r.url.includes('GetListComplianceTag'))).toEqual([]);
    } finally {
      log.stop();
    }
  });

  it('says when the library has no default label, before anything is written', async () => {
    const audit = await tenant.library('/sites/finance', 'Audit Reports');
    await expect(service().previewApplyDefault({ libraryId: audit.listId })).rejects.toMatchObject({
      code: 'noDefaultLabel',
      what: "Custodian can't label the items of Audit Reports.",
      why: 'The library has no default retention label.',
      whatToDo: "Set the library's default label in its plan first."
    });
  });
});
