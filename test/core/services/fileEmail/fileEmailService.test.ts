// Filing an email through the service the Outlook pane receives, against the dev tenant: the libraries a library plan
// maps for email, the one chosen, the copy already filed, and the refusals made before anything is sent.
import type { Message } from '@microsoft/microsoft-graph-types';
import { listAll } from '../../../../src/core/graph/iteratePages';
import { emailMessageFromGraph } from '../../../../src/core/services/demo/readNewestMessage';
import { createFileEmailService, type FileEmailService } from '../../../../src/core/services/fileEmail/createFileEmailService';
import { createEmailLibrary } from '../../../../src/core/services/fileMessage';
import { libraryPlansList, type LibraryPlan } from '../../../../src/core/services/libraryPlan';
import { openRecordsSite } from '../../../../src/core/services/recordsSite';
import { emailPlan } from '../fileMessage/support';
import { logRequests } from '../support/requestLog';
import { startServicesTenant, type ServicesTenant } from '../support/servicesTenant';

jest.setTimeout(30_000);

let tenant: ServicesTenant;
let service: FileEmailService;
let plan: LibraryPlan;
let messages: Message[];

beforeAll(async () => {
  tenant = await startServicesTenant(40);
  const records = await tenant.library('/sites/records', 'Records');
  const admin = tenant.graph('admin');
  const library = await createEmailLibrary(admin, records.siteId, 'Filed Email');
  plan = await emailPlan(admin, records.siteId, library);
  await (await openRecordsSite(admin, records.siteUrl)).list(libraryPlansList).create(plan);
  const graph = tenant.graph('office-worker');
  service = createFileEmailService({
    graph,
    recordsSiteUrl: () => Promise.resolve(records.siteUrl),
    sharePoint: (siteUrl) => tenant.site('office-worker', new URL(siteUrl).pathname)
  });
  messages = await listAll<Message>(graph, {
    method: 'GET',
    url: '/me/messages?$top=10&$select=id,internetMessageId,conversationId,subject,from,toRecipients,receivedDateTime',
    action: 'read mail'
  });
});
afterAll(() => tenant.close());

const request = { retentionLabel: 'Email - 3 Years', fields: {}, lock: false };

describe('the file email service', () => {
  it('offers the library mapped for email beside the seeded one, files a message into it, and finds that copy when it is opened again', async () => {
    const message = emailMessageFromGraph(messages[0]);
    const context = await service.open(message, plan.libraryKey);
    // The seeded Email Archive has no plan: its own default label (set on the library in SharePoint) is offered.
    expect(context.libraries.map((l) => [l.name, l.defaultLabel])).toEqual([
      ['Email Archive', 'Email - 3 Years'],
      ['Filed Email', 'Email - 3 Years']
    ]);
    expect(context.library?.key).toBe(plan.libraryKey);
    expect(context.existingCopy).toBeUndefined();
    expect(context.labels.some((l) => l.name === 'Email - 3 Years')).toBe(true);
    expect(context.unfillableColumns).toEqual([]);

    const sending = jest.fn();
    const filed = await service.file(context, request, {}, { onSending: sending });
    expect(sending).toHaveBeenCalledTimes(1);
    expect(filed.status).toBe('filed');

    const reopened = await service.open(message, plan.libraryKey);
    expect(reopened.existingCopy).toEqual({ name: filed.item.name, webUrl: filed.item.webUrl });
    expect(await service.file(reopened, request)).toMatchObject({ status: 'alreadyFiled', item: { itemId: filed.item.itemId } });
  });

  it('preselects nothing for a library without a plan when its default label cannot be read, and still offers it', async () => {
    const message = emailMessageFromGraph(messages[0]);
    const records = await tenant.library('/sites/records', 'Records');
    const withoutSharePoint = createFileEmailService({
      graph: tenant.graph('office-worker'),
      recordsSiteUrl: () => Promise.resolve(records.siteUrl)
    });
    // SharePoint REST at a site that does not exist: the read fails, and filing goes on without a preselection.
    const failing = createFileEmailService({
      graph: tenant.graph('office-worker'),
      recordsSiteUrl: () => Promise.resolve(records.siteUrl),
      sharePoint: () => tenant.site('office-worker', '/sites/no-such-site')
    });
    for (const each of [withoutSharePoint, failing]) {
      const context = await each.open(message, plan.libraryKey);
      expect(context.libraries.map((l) => [l.name, l.defaultLabel])).toEqual([
        ['Email Archive', undefined],
        ['Filed Email', 'Email - 3 Years']
      ]);
    }
  });

  it('refuses to file with no library chosen, or with a required column it cannot fill, before any request', async () => {
    const context = await service.open(emailMessageFromGraph(messages[1]), plan.libraryKey);
    const log = logRequests(tenant.url);
    try {
      await expect(service.file({ ...context, library: null }, request)).rejects.toMatchObject({ status: 0, code: 'noEmailLibrary' });
      await expect(service.file({ ...context, unfillableColumns: ['Owner'] }, request)).rejects.toMatchObject({
        code: 'unfillableColumns',
        why: expect.stringContaining("'Owner'")
      });
      expect(log.requests).toEqual([]);
    } finally {
      log.stop();
    }
  });
});
