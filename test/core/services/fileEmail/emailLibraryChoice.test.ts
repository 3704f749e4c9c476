// Which records libraries the Outlook pane offers for email, against the dev tenant: those a library plan maps, and the
// records site's own libraries, that can take a message (the email columns and a drive, still there); nothing created.
import type { Message } from '@microsoft/microsoft-graph-types';
import { listAll } from '../../../../src/core/graph/iteratePages';
import { emailMessageFromGraph } from '../../../../src/core/services/demo/readNewestMessage';
import { createFileEmailService, type FileEmailService } from '../../../../src/core/services/fileEmail/createFileEmailService';
import { findFiledCopy } from '../../../../src/core/services/fileEmail/findFiledCopy';
import { createEmailLibrary } from '../../../../src/core/services/fileMessage';
import { libraryKeyOf, libraryPlansList, type LibraryPlan } from '../../../../src/core/services/libraryPlan';
import { openRecordsSite } from '../../../../src/core/services/recordsSite';
import { emailPlan } from '../fileMessage/support';
import { logRequests } from '../support/requestLog';
import { startServicesTenant, type Library, type ServicesTenant } from '../support/servicesTenant';

jest.setTimeout(30_000);

let tenant: ServicesTenant;
let records: Library;
let service: FileEmailService;
let messages: Message[];
let correspondence: LibraryPlan;
let archive: LibraryPlan;

beforeEach(async () => {
  tenant = await startServicesTenant(20);
  records = await tenant.library('/sites/records', 'Records');
  const graph = tenant.graph('office-worker');
  service = createFileEmailService({ graph, recordsSiteUrl: () => Promise.resolve(records.siteUrl) });
  messages = await listAll<Message>(graph, {
    method: 'GET',
    url: '/me/messages?$top=5&$select=id,internetMessageId,conversationId,subject,from,toRecipients,receivedDateTime',
    action: 'read mail'
  });
});
afterEach(() => tenant.close());

const message = (n = 0): ReturnType<typeof emailMessageFromGraph> => emailMessageFromGraph(messages[n]);

/**
 * The plans on the records site that a records manager saved: two email libraries, and three that cannot take a
 * message (no email columns, a library that is gone, no drive). Each test that needs them makes them itself.
 */
async function savePlans(): Promise<void> {
  const admin = tenant.graph('admin');
  const plans = (await openRecordsSite(admin, records.siteUrl)).list(libraryPlansList);
  correspondence = await emailPlan(admin, records.siteId, await createEmailLibrary(admin, records.siteId, 'Correspondence'));
  archive = await emailPlan(admin, records.siteId, await createEmailLibrary(admin, records.siteId, 'Archive Mail'));
  const contracts = await tenant.library('/sites/legal', 'Contracts');
  const noEmailColumns: LibraryPlan = {
    libraryKey: libraryKeyOf(contracts),
    siteId: contracts.siteId,
    listId: contracts.listId,
    driveId: contracts.driveId,
    libraryName: 'Contracts',
    requiredColumns: [],
    updatedAt: '2026-01-15T09:00:00Z'
  };
  const gone: LibraryPlan = {
    ...correspondence,
    listId: '9f1b2c3d-0000-4000-8000-00000000dead',
    libraryKey: libraryKeyOf({ siteId: records.siteId, listId: '9f1b2c3d-0000-4000-8000-00000000dead' }),
    libraryName: 'Deleted Mail'
  };
  const noDrive = await emailPlan(admin, records.siteId, await createEmailLibrary(admin, records.siteId, 'Mail Without Drive'));
  for (const plan of [correspondence, archive, noEmailColumns, gone, { ...noDrive, driveId: '' }]) await plans.create(plan);
}

describe('the libraries offered for email', () => {
  it("are, before any library plan exists, the records site's own libraries that have the email columns; opening creates nothing", async () => {
    const log = logRequests(tenant.url);
    try {
      const context = await service.open(message(), undefined);
      // The seeded Email Archive has the email columns; the Records library beside it has not.
      expect(context.libraries.map((l) => l.name)).toEqual(['Email Archive']);
      // The only one is chosen; without a plan it asks nothing and preselects no label.
      expect(context.library?.name).toBe('Email Archive');
      expect(context.library?.defaultLabel).toBeUndefined();
      expect(context.library?.plan).toMatchObject({ siteId: records.siteId, requiredColumns: [] });
      expect(context.unfillableColumns).toEqual([]);
      expect(log.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    } finally {
      log.stop();
    }
  });

  it('file a message into the seeded Email Archive with no plan, as a new tenant offers it', async () => {
    const context = await service.open(message(2), undefined);
    const filed = await service.file(
      context,
      { retentionLabel: 'Email - 3 Years', fields: {}, lock: false },
      { includeAttachments: false }
    );
    expect(filed.status).toBe('filed');
    expect((await service.open(message(2), undefined)).existingCopy).toEqual({ name: filed.item.name, webUrl: filed.item.webUrl });
  });

  it('leave out a plan whose library lacks the email columns, has no drive, or is gone; sorted by name', async () => {
    await savePlans();
    const context = await service.open(message(), undefined);
    expect(context.libraries.map((l) => l.name)).toEqual(['Archive Mail', 'Correspondence', 'Email Archive']);
    expect(context.libraries.slice(0, 2).map((l) => l.key)).toEqual([archive.libraryKey, correspondence.libraryKey]);
    // Several libraries and no remembered choice: the person chooses; nothing is refused yet.
    expect(context.library).toBeNull();
    expect(context.existingCopy).toBeUndefined();
    expect(context.unfillableColumns).toEqual([]);
  });

  it('choose the remembered library, and ignore a remembered one that is no longer offered', async () => {
    await savePlans();
    const remembered = await service.open(message(), correspondence.libraryKey);
    expect(remembered.library?.key).toBe(correspondence.libraryKey);
    expect(remembered.library?.defaultLabel).toBe('Email - 3 Years');
    const stale = await service.open(message(), libraryKeyOf({ siteId: records.siteId, listId: '9f1b2c3d-0000-4000-8000-00000000dead' }));
    expect(stale.library).toBeNull();
  });

  it('file into the chosen library, and find that copy there (not in the other) when it is opened again', async () => {
    await savePlans();
    const context = await service.open(message(1), archive.libraryKey);
    const filed = await service.file(context, { retentionLabel: 'Email - 3 Years', fields: {}, lock: false }, { includeAttachments: true });
    expect(filed.status).toBe('filed');
    const again = await service.open(message(1), archive.libraryKey);
    expect(again.existingCopy).toEqual({ name: filed.item.name, webUrl: filed.item.webUrl });
    // The same message is not filed in the other library.
    expect((await service.open(message(1), correspondence.libraryKey)).existingCopy).toBeUndefined();
  });
});

describe('the copy already filed', () => {
  it('is not looked for, and no request is sent, for a message without an internet message id', async () => {
    await savePlans();
    const log = logRequests(tenant.url);
    try {
      expect(await findFiledCopy(tenant.graph('office-worker'), archive, '')).toBeUndefined();
      expect(log.requests).toEqual([]);
    } finally {
      log.stop();
    }
  });
});
