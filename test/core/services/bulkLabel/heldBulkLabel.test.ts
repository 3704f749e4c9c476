// A site owner applies a library's delete-only default label ("Delete After 1 Year", doNotRetain) to the files
// already in it. Purview would delete them; it knows nothing of Custodian's holds. A held file must stop the run
// before any file is labelled.
import type { ListItem } from '@microsoft/microsoft-graph-types';
import { setRetentionLabel } from '../../../../src/core/graph/driveItems/setRetentionLabel';
import { uploadSmallFile } from '../../../../src/core/graph/driveItems/uploadSmallFile';
import { listAll } from '../../../../src/core/graph/iteratePages';
import { listListItemsCall } from '../../../../src/core/graph/listItems/listListItems';
import { createList } from '../../../../src/core/graph/lists/createList';
import { getListDrive } from '../../../../src/core/graph/lists/getListDrive';
import { getSiteByUrl } from '../../../../src/core/graph/sites/getSiteByUrl';
import { createBulkLabelService } from '../../../../src/core/services/bulkLabel';
import { createHoldRegister } from '../../../../src/core/services/holds/holdRegister';
import { readFilePlan } from '../../../../src/core/services/filePlan/readFilePlan';
import { createSiteScope, setLibraryPlan } from '../../../../src/core/services/libraryPlan';
import { getListComplianceTag } from '../../../../src/core/sharepoint/policyStore/getListComplianceTag';
import { openRecordsSite } from '../../../../src/core/services/recordsSite/RecordsSite';
import { setListComplianceTag } from '../../../../src/core/sharepoint/policyStore/setListComplianceTag';
import { startTestTenant, type TestTenant } from '../../support/devTenant';

jest.setTimeout(60_000);

let tenant: TestTenant;
let siteId: string;
let library: { id: string; listUrl: string };

async function labels(): Promise<string[]> {
  const items = await listAll<ListItem>(
    tenant.graph('admin'),
    listListItemsCall({ siteId, listId: library.id }, { fields: ['ContentType', '_ComplianceTag'], top: 999 })
  );
  return items.map((i) => String((i.fields as Record<string, unknown>)._ComplianceTag ?? ''));
}

beforeEach(async () => {
  tenant = await startTestTenant(60);
  const owner = tenant.graph('site-owner');
  siteId = String((await getSiteByUrl(owner, `${tenant.url}/sites/finance`)).id);
  const list = await createList(owner, siteId, { displayName: 'Drafts To Expire', template: 'documentLibrary' });
  const drive = await getListDrive(owner, { siteId, listId: String(list.id) });
  for (const name of ['a.txt', 'b.txt', 'c.txt']) await uploadSmallFile(owner, String(drive.id), '', name, new Blob(['x']));
  library = { id: String(list.id), listUrl: decodeURI(String(list.webUrl)) };
  await setListComplianceTag(tenant.site('admin', '/sites/finance'), library.listUrl, { complianceTagValue: 'Delete After 1 Year' });
  // The records manager holds the Finance site in Custodian's own register.
  const register = createHoldRegister(await openRecordsSite(tenant.graph('records-manager'), `${tenant.url}/sites/records`));
  const now = new Date().toISOString();
  const { hold } = await register.create({ name: 'Finance audit 2026', reason: 'Auditors on site', by: 'priya', now });
  await register.add({ holdId: hold.holdId, sites: [siteId], by: 'priya', justification: 'The whole site', now });
});
afterEach(async () => {
  await tenant?.close();
});

describe('bulk labelling refuses a delete-only default on held files', () => {
  it('names the hold and what to do, and labels nothing', async () => {
    const scope = createSiteScope({
      graph: tenant.graph('site-owner'),
      site: tenant.site('site-owner', '/sites/finance'),
      recordsSiteUrl: `${tenant.url}/sites/records`
    });
    await expect(createBulkLabelService(scope).applyDefaultToExistingItems({ libraryId: library.id })).rejects.toMatchObject({
      code: 'onHold',
      status: 423,
      why: expect.stringContaining('Finance audit 2026'),
      whatToDo: expect.stringMatching(/release/)
    });
    expect(await labels()).toEqual(['', '', '']);
  });

  it('goes ahead on a held library whose files all keep labels of their own: no held file would change', async () => {
    const owner = tenant.graph('site-owner');
    const drive = await getListDrive(owner, { siteId, listId: library.id });
    const files = await owner.call<{ value: { id: string }[] }>({
      method: 'GET',
      url: `/drives/${encodeURIComponent(String(drive.id))}/root/children`,
      action: 'list the files'
    });
    for (const f of files.value)
      await setRetentionLabel(owner, { driveId: String(drive.id), itemId: f.id }, 'General Correspondence - 2 Years');
    const scope = createSiteScope({
      graph: owner,
      site: tenant.site('site-owner', '/sites/finance'),
      recordsSiteUrl: `${tenant.url}/sites/records`
    });
    const outcome = await createBulkLabelService(scope).applyDefaultToExistingItems({ libraryId: library.id });
    expect(outcome).toMatchObject({ status: 'completed', total: 0, labelled: 0, failed: [] });
    expect(await labels()).toEqual([
      'General Correspondence - 2 Years',
      'General Correspondence - 2 Years',
      'General Correspondence - 2 Years'
    ]);
  });

  it("saving a plan that asks SharePoint to label the existing files with it is refused the same way, the library's default kept", async () => {
    const scope = createSiteScope({
      graph: tenant.graph('site-owner'),
      site: tenant.site('site-owner', '/sites/finance'),
      recordsSiteUrl: `${tenant.url}/sites/records`
    });
    // The library without a default: a refused plan must not set one.
    await setListComplianceTag(tenant.site('admin', '/sites/finance'), library.listUrl, { complianceTagValue: '' });
    const before = (await getListComplianceTag(tenant.site('admin', '/sites/finance'), library.listUrl))?.TagName;
    expect(before ?? '').toBe('');
    await expect(
      setLibraryPlan(
        {
          graph: scope.graph,
          site: scope.site,
          recordsSite: await scope.recordsSite(),
          filePlan: (await readFilePlan(scope.graph)).labels,
          sensitivityLabels: [],
          now: Date.now()
        },
        { siteId, listId: library.id },
        { defaultRetentionLabel: 'Delete After 1 Year', defaultSensitivityLabelId: null, requiredColumns: [], applyToExistingItems: true }
      )
    ).rejects.toMatchObject({ code: 'onHold', why: expect.stringContaining('Finance audit 2026') });
    expect((await getListComplianceTag(tenant.site('admin', '/sites/finance'), library.listUrl))?.TagName).toBe(before);
    expect(await labels()).toEqual(['', '', '']);
  });
});
