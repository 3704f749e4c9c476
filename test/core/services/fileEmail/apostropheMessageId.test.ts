// RFC 5322 allows an apostrophe in a Message-ID (`<o'brien.123@example.com>`): Custodian looks the filed copy up by
// it in an OData filter, so the id must be quoted there. Against the dev tenant: the message is made from MIME in the
// office worker's mailbox (Graph's POST /me/messages), filed once, found when opened again, and never filed twice.
import { listAll } from '../../../../src/core/graph/iteratePages';
import { emailMessageFromGraph } from '../../../../src/core/services/demo/readNewestMessage';
import { createFileEmailService, type FileEmailService } from '../../../../src/core/services/fileEmail/createFileEmailService';
import { createEmailLibrary } from '../../../../src/core/services/fileMessage';
import { libraryPlansList, type LibraryPlan } from '../../../../src/core/services/libraryPlan';
import { openRecordsSite } from '../../../../src/core/services/recordsSite';
import { createMessageFromMime, emailPlan } from '../fileMessage/support';
import { startServicesTenant, type ServicesTenant } from '../support/servicesTenant';

jest.setTimeout(30_000);

let tenant: ServicesTenant;
let service: FileEmailService;
let plan: LibraryPlan;

beforeAll(async () => {
  tenant = await startServicesTenant(20);
  const records = await tenant.library('/sites/records', 'Records');
  const admin = tenant.graph('admin');
  const library = await createEmailLibrary(admin, records.siteId, 'Filed Email');
  plan = await emailPlan(admin, records.siteId, library);
  await (await openRecordsSite(admin, records.siteUrl)).list(libraryPlansList).create(plan);
  service = createFileEmailService({ graph: tenant.graph('office-worker'), recordsSiteUrl: () => Promise.resolve(records.siteUrl) });
});
afterAll(() => tenant.close());

const messageId = "<o'brien.123@example.com>";
const mime = [
  'From: "Sean O\'Brien" <sean@obrien.example>',
  'To: Ana Ortiz <ana.ortiz@custodiandev.onmicrosoft.com>',
  "Subject: O'Brien contract renewal",
  'Date: Mon, 12 Jan 2026 08:30:00 +0000',
  `Message-ID: ${messageId}`,
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'The renewed contract is agreed.',
  ''
].join('\r\n');

/** The library's files, as a person browsing it would see them. */
async function filesInLibrary(): Promise<string[]> {
  const items = await listAll<{ name?: string; file?: unknown }>(tenant.graph('admin'), {
    method: 'GET',
    url: `/drives/${encodeURIComponent(plan.driveId)}/root/children`,
    action: 'list the library'
  });
  return items.filter((i) => i.file).map((i) => String(i.name));
}

describe('filing an email whose Message-ID contains an apostrophe', () => {
  it('files it once, finds that copy when the message is opened again, and does not file a second copy', async () => {
    const created = await createMessageFromMime(tenant.graph('office-worker'), mime);
    expect(created.internetMessageId).toBe(messageId);
    const message = emailMessageFromGraph(created);
    const request = { retentionLabel: 'Email - 3 Years', fields: {}, lock: false };

    const context = await service.open(message, plan.libraryKey);
    expect(context.existingCopy).toBeUndefined();
    const filed = await service.file(context, request);
    expect(filed.status).toBe('filed');

    const reopened = await service.open(message, plan.libraryKey);
    expect(reopened.existingCopy).toEqual({ name: filed.item.name, webUrl: filed.item.webUrl });
    expect(await service.file(reopened, request)).toMatchObject({ status: 'alreadyFiled', item: { itemId: filed.item.itemId } });
    expect((await filesInLibrary()).filter((n) => n.endsWith('.eml'))).toEqual([filed.item.name]);
  });
});
