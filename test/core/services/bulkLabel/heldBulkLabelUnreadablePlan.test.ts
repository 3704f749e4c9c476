// A site owner applies a library's default label to the files already in it while the file plan cannot be read
// (a 403 where the app was consented without RecordsManagement.Read.All, a dropped connection). Custodian cannot
// tell whether the label deletes, so it is checked as one that may: a held file stops the run before any file is
// labelled. The label here retains for two years before deleting, which is allowed on held files when the file
// plan says so: the last test shows that, so only the unreadable file plan makes the difference.
import type { ListItem } from '@microsoft/microsoft-graph-types';
import { devTenantClock } from '../../../../src/core/graph/devtenant/devTenantClock';
import { uploadSmallFile } from '../../../../src/core/graph/driveItems/uploadSmallFile';
import { listAll } from '../../../../src/core/graph/iteratePages';
import { listListItemsCall } from '../../../../src/core/graph/listItems/listListItems';
import { createList } from '../../../../src/core/graph/lists/createList';
import { getListDrive } from '../../../../src/core/graph/lists/getListDrive';
import { getSiteByUrl } from '../../../../src/core/graph/sites/getSiteByUrl';
import { createBulkLabelService } from '../../../../src/core/services/bulkLabel';
import { createHoldRegister } from '../../../../src/core/services/holds/holdRegister';
import { createSiteScope } from '../../../../src/core/services/libraryPlan';
import { openRecordsSite } from '../../../../src/core/services/recordsSite/RecordsSite';
import { setListComplianceTag } from '../../../../src/core/sharepoint/policyStore/setListComplianceTag';
import { startDevTenantWithFaults, type DevTenantWithFaults, type Fault } from '../holds/support/devTenantWithFaults';

jest.setTimeout(60_000);

const label = 'General Correspondence - 2 Years';
let tenant: DevTenantWithFaults;
let siteId: string;
let library: { id: string; listUrl: string };
/** Every request for the file plan (`GET /security/labels/retentionLabels`) the run sent. */
let filePlanReads: number;

async function labels(): Promise<string[]> {
  const items = await listAll<ListItem>(
    tenant.graph('admin'),
    listListItemsCall({ siteId, listId: library.id }, { fields: ['ContentType', '_ComplianceTag'], top: 999 })
  );
  return items.map((i) => String((i.fields as Record<string, unknown>)._ComplianceTag ?? ''));
}

/** The file plan answered by `fault`, every other request by the dev tenant. */
function filePlanAnswers(fault: Fault | undefined): void {
  tenant.fault = ({ method, path }) => {
    if (method !== 'GET' || !path.endsWith('/security/labels/retentionLabels')) return undefined;
    filePlanReads++;
    return fault;
  };
}

const applyDefault = () =>
  createBulkLabelService(
    createSiteScope({
      graph: tenant.graph('site-owner'),
      site: tenant.site('site-owner', '/sites/finance'),
      recordsSiteUrl: `${tenant.url}/sites/records`
    })
  ).applyDefaultToExistingItems({ libraryId: library.id });

beforeEach(async () => {
  tenant = await startDevTenantWithFaults(60);
  filePlanReads = 0;
  const owner = tenant.graph('site-owner');
  siteId = String((await getSiteByUrl(owner, `${tenant.url}/sites/finance`)).id);
  const list = await createList(owner, siteId, { displayName: 'Correspondence', template: 'documentLibrary' });
  const drive = await getListDrive(owner, { siteId, listId: String(list.id) });
  for (const name of ['a.txt', 'b.txt', 'c.txt']) await uploadSmallFile(owner, String(drive.id), '', name, new Blob(['x']));
  library = { id: String(list.id), listUrl: decodeURI(String(list.webUrl)) };
  await setListComplianceTag(tenant.site('admin', '/sites/finance'), library.listUrl, { complianceTagValue: label });
  // The records manager holds the Finance site in Custodian's own register.
  const manager = tenant.graph('records-manager');
  const register = createHoldRegister(await openRecordsSite(manager, `${tenant.url}/sites/records`));
  const now = await devTenantClock(manager).now();
  const { hold } = await register.create({ name: 'Finance audit 2026', reason: 'Auditors on site', by: 'priya', now });
  await register.add({ holdId: hold.holdId, sites: [siteId], by: 'priya', justification: 'The whole site', now });
});
afterEach(async () => {
  await tenant?.close();
});

describe('bulk labelling held files while the file plan cannot be read', () => {
  it.each([
    [
      'a 403, as Graph answers without RecordsManagement.Read.All',
      { status: 403, body: { error: { code: 'Forbidden', message: 'Access denied.' } } }
    ],
    ['a dropped connection', { drop: true as const }]
  ])('%s: refused naming the hold and what to do, and nothing is labelled', async (_what, fault: Fault) => {
    filePlanAnswers(fault);
    await expect(applyDefault()).rejects.toMatchObject({
      code: 'onHold',
      status: 423,
      what: `Custodian didn't label the items of Correspondence with "${label}".`,
      why: expect.stringContaining('Finance audit 2026'),
      whatToDo: expect.stringMatching(/release the hold/)
    });
    expect(filePlanReads).toBeGreaterThan(0);
    tenant.fault = () => undefined;
    expect(await labels()).toEqual(['', '', '']);
  });

  it('with the file plan readable, the same label (it retains two years first) is applied to the held files', async () => {
    filePlanAnswers(undefined);
    await expect(applyDefault()).resolves.toMatchObject({ status: 'completed', labelled: 3 });
    expect(filePlanReads).toBeGreaterThan(0);
    expect(await labels()).toEqual([label, label, label]);
  });
});
