// A site owner makes a library take email (the web part's "Take email"), against the dev tenant; the outside truth is
// what the Outlook pane then offers (emailLibraries, as the office worker reads it) and what the library has.
import type { GraphCall } from '../../../../src/core/graph/GraphCall';
import type { GraphGateway } from '../../../../src/core/graph/GraphGateway';
import { createListColumn } from '../../../../src/core/graph/lists/createListColumn';
import { getList } from '../../../../src/core/graph/lists/getList';
import { CustodianError } from '../../../../src/core/http/CustodianError';
import { getListComplianceTag } from '../../../../src/core/sharepoint/policyStore/getListComplianceTag';
import { emailLibraries } from '../../../../src/core/services/fileEmail/EmailLibrary';
import { emailColumnDefinitions } from '../../../../src/core/services/fileMessage';
import { createLibraryPlanService, createSiteScope, type LibraryPlanService } from '../../../../src/core/services/libraryPlan';
import { logRequests } from '../support/requestLog';
import { startServicesTenant, type Library, type ServicesTenant } from '../support/servicesTenant';

jest.setTimeout(30_000);

let tenant: ServicesTenant;
let audit: Library;

beforeEach(async () => {
  tenant = await startServicesTenant(30);
  audit = await tenant.library('/sites/finance', 'Audit Reports');
});
afterEach(() => tenant.close());

const service = (graph: GraphGateway = tenant.graph('site-owner')): LibraryPlanService =>
  createLibraryPlanService(
    createSiteScope({ graph, site: tenant.site('site-owner', '/sites/finance'), recordsSiteUrl: `${tenant.url}/sites/records` })
  );
const offeredInOutlook = async (): Promise<string[]> =>
  (await emailLibraries(tenant.graph('office-worker'), `${tenant.url}/sites/records`)).map((l) => l.name);
/** The gateway with its `call` replaced: what a test does to one request, the rest goes to the dev tenant. */
const withCall = (gateway: GraphGateway, call: GraphGateway['call']): GraphGateway =>
  Object.assign(Object.create(gateway) as GraphGateway, { call });
const columnNames = async (): Promise<string[]> =>
  ((await getList(tenant.graph('site-owner'), audit)).columns ?? []).map((c) => String(c.name));

describe('taking email in a library', () => {
  it('says which columns it will add, adds them, and Outlook then offers the library; a second run adds nothing', async () => {
    const before = (await service().loadLibraries()).libraries.find((l) => l.id === audit.listId)!;
    expect(before.email).toEqual({
      takesEmail: false,
      missingColumns: [
        { name: 'EmailFrom', displayName: 'From', kind: 'text' },
        { name: 'EmailTo', displayName: 'To', kind: 'text' },
        { name: 'EmailSent', displayName: 'Sent', kind: 'dateTime' },
        { name: 'EmailSubject', displayName: 'Subject', kind: 'text' },
        { name: 'InternetMessageId', displayName: 'Internet Message Id', kind: 'text' },
        { name: 'ConversationId', displayName: 'Conversation Id', kind: 'text' }
      ],
      columnsToIndex: []
    });
    const defaultBefore = await getListComplianceTag(tenant.site('site-owner', '/sites/finance'), audit.listUrl);
    expect(await offeredInOutlook()).toEqual(['Email Archive']);

    const done = await service().takeEmail(audit.listId);
    expect(done.addedColumns).toEqual(['From', 'To', 'Sent', 'Subject', 'Internet Message Id', 'Conversation Id']);
    expect(done.library.email).toEqual({ takesEmail: true, missingColumns: [], columnsToIndex: [] });
    expect(await columnNames()).toEqual(expect.arrayContaining(emailColumnDefinitions.map((c) => String(c.name))));
    expect(await offeredInOutlook()).toEqual(['Audit Reports', 'Email Archive']);
    // The library's default label is what it was.
    expect(await getListComplianceTag(tenant.site('site-owner', '/sites/finance'), audit.listUrl)).toEqual(defaultBefore);

    const log = logRequests(tenant.url);
    try {
      const again = await service().takeEmail(audit.listId);
      expect(again.addedColumns).toEqual([]);
      expect(log.requests.filter((r) => r.method === 'POST' && r.url.includes('/columns'))).toEqual([]);
    } finally {
      log.stop();
    }
    expect((await service().loadLibraries()).libraries.find((l) => l.id === audit.listId)!.email.takesEmail).toBe(true);
  });

  // Graph refuses a filter on a column that is not indexed, so filing could not find a message already filed: the
  // outside truth is the column as Graph then describes it (columnDefinition.indexed).
  it('indexes an internet message id column someone added without an index, and says so before', async () => {
    for (const column of emailColumnDefinitions)
      await createListColumn(tenant.graph('admin'), audit, { ...column, ...(column.indexed ? { indexed: false } : {}) });
    const before = (await service().loadLibraries()).libraries.find((l) => l.id === audit.listId)!;
    expect(before.email).toEqual({ takesEmail: false, missingColumns: [], columnsToIndex: ['InternetMessageId'] });
    const done = await service().takeEmail(audit.listId);
    expect(done.addedColumns).toEqual([]);
    expect(done.library.email).toEqual({ takesEmail: true, missingColumns: [], columnsToIndex: [] });
    const column = ((await getList(tenant.graph('site-owner'), audit)).columns ?? []).find((c) => c.name === 'InternetMessageId');
    expect(column?.indexed).toBe(true);
  });

  it('adds only the columns the library lacks, and carries on past one added by someone else meanwhile', async () => {
    await createListColumn(tenant.graph('admin'), audit, emailColumnDefinitions[0]);
    const owner = tenant.graph('site-owner');
    // Between the site owner's read and their first add, an administrator adds 'To' too: SharePoint answers 409.
    let raced = false;
    const racing = withCall(owner, async <T>(call: GraphCall<T>, options?: Parameters<GraphGateway['call']>[1]): Promise<T> => {
      if (call.method === 'POST' && call.url.endsWith('/columns') && !raced) {
        raced = true;
        await createListColumn(tenant.graph('admin'), audit, emailColumnDefinitions[1]);
      }
      return owner.call(call, options);
    });
    const done = await service(racing).takeEmail(audit.listId);
    expect(raced).toBe(true);
    expect(done.addedColumns).toEqual(['Sent', 'Subject', 'Internet Message Id', 'Conversation Id']);
    expect(done.library.email.takesEmail).toBe(true);
    const names = await columnNames();
    expect(names.filter((name) => name === 'EmailFrom' || name === 'EmailTo')).toEqual(['EmailFrom', 'EmailTo']);
  });

  it('stops at a refused column and leaves the library out of Outlook; run again, it adds the rest', async () => {
    const owner = tenant.graph('site-owner');
    let posts = 0;
    // SharePoint refuses the third column (a permission removed meanwhile); the real 403 comes from the pipeline.
    const refusing = withCall(owner, <T>(call: GraphCall<T>, options?: Parameters<GraphGateway['call']>[1]): Promise<T> => {
      if (call.method === 'POST' && call.url.endsWith('/columns') && ++posts === 3)
        return Promise.reject(
          new CustodianError({
            status: 403,
            code: 'accessDenied',
            serviceMessage: 'Access denied.',
            source: 'graph',
            what: "Custodian couldn't add the column.",
            why: 'You no longer have permission to change the library.',
            whatToDo: 'Ask the site owner.'
          })
        );
      return owner.call(call, options);
    });
    await expect(service(refusing).takeEmail(audit.listId)).rejects.toMatchObject({ status: 403 });
    expect(await offeredInOutlook()).toEqual(['Email Archive']);
    const after = (await service().loadLibraries()).libraries.find((l) => l.id === audit.listId)!;
    expect(after.email.missingColumns.map((c) => c.displayName)).toEqual(['Sent', 'Subject', 'Internet Message Id', 'Conversation Id']);
    expect((await service().takeEmail(audit.listId)).addedColumns).toEqual(['Sent', 'Subject', 'Internet Message Id', 'Conversation Id']);
    expect(await offeredInOutlook()).toEqual(['Audit Reports', 'Email Archive']);
  });

  it('finds the seeded Email Archive already taking email on a new tenant', async () => {
    const records = createLibraryPlanService(
      createSiteScope({
        graph: tenant.graph('site-owner'),
        site: tenant.site('site-owner', '/sites/records'),
        recordsSiteUrl: `${tenant.url}/sites/records`
      })
    );
    const libraries = (await records.loadLibraries()).libraries;
    expect(libraries.map((l) => [l.name, l.email.takesEmail])).toEqual([
      ['Email Archive', true],
      ['Records', false]
    ]);
  });
});
