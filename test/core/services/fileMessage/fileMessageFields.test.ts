import type { Message } from '@microsoft/microsoft-graph-types';
import type { GraphGateway } from '../../../../src/core/graph/GraphGateway';
import { createList } from '../../../../src/core/graph/lists/createList';
import { emailColumns, fileMessage } from '../../../../src/core/services/fileMessage';
import type { LibraryPlan } from '../../../../src/core/services/libraryPlan';
import { logRequests } from '../support/requestLog';
import { startServicesTenant, type ServicesTenant } from '../support/servicesTenant';
import { createMessageFromMime, emailPlan, listItemFields } from './support';

/** Filing into a library whose plan requires columns beside the email ones: `fields` fills them in the same request. */

let tenant: ServicesTenant;
let plan: LibraryPlan;
let counter = 0;

beforeAll(async () => {
  tenant = await startServicesTenant(20);
  const records = await tenant.library('/sites/records', 'Records');
  const graph = tenant.graph('office-worker');
  const library = await createList(graph, records.siteId, {
    displayName: 'Matter email',
    template: 'documentLibrary',
    columns: [
      { name: emailColumns.from, text: {} },
      { name: emailColumns.to, text: {} },
      { name: emailColumns.sent, dateTime: {} },
      { name: emailColumns.subject, text: {} },
      { name: emailColumns.internetMessageId, text: {}, indexed: true },
      { name: emailColumns.conversationId, text: {} },
      { name: 'MatterNumber', text: {}, required: true },
      { name: 'Region', choice: { choices: ['EMEA', 'Americas'] }, required: true }
    ]
  });
  plan = await emailPlan(graph, records.siteId, library, ['MatterNumber', 'Region']);
});
afterAll(() => tenant.close());

/** A message made from MIME in the office worker's mailbox (`POST /me/messages`, base64), with one attachment. */
async function newMessage(graph: GraphGateway): Promise<Message> {
  counter += 1;
  const mime = [
    'From: "O\'Brien, Sean" <sean@obrien.example>',
    'To: Ana Ortiz <ana.ortiz@custodiandev.onmicrosoft.com>',
    `Subject: Matter ${counter}`,
    'Date: Mon, 12 Jan 2026 08:30:00 +0000',
    `Message-ID: <matter-${counter}-${Date.now()}@obrien.example>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="=_outer"',
    '',
    '--=_outer',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'The matter file.',
    '--=_outer',
    'Content-Type: text/plain; name="notes.txt"',
    'Content-Disposition: attachment; filename="notes.txt"',
    '',
    'notes',
    '--=_outer--',
    ''
  ].join('\r\n');
  return createMessageFromMime(graph, mime);
}

describe('fileMessage with other columns', () => {
  it('writes the other columns with the email ones, in the same batch, on the .eml and its attachments', async () => {
    const graph = tenant.graph('office-worker');
    const message = await newMessage(graph);
    const log = logRequests(tenant.url);
    let result;
    try {
      result = await fileMessage(graph, message.id!, plan, {
        includeAttachments: true,
        fields: { MatterNumber: "M-42 O'Brien", Region: 'EMEA' }
      });
    } finally {
      log.stop();
    }
    expect(result.status).toBe('filed');
    if (result.status !== 'filed') return;
    expect(result.attachments).toHaveLength(1);
    for (const item of [result.item, result.attachments[0].item!]) {
      expect(await listItemFields(graph, item.driveId, item.itemId)).toMatchObject({
        MatterNumber: "M-42 O'Brien",
        Region: 'EMEA',
        [emailColumns.subject]: message.subject,
        [emailColumns.internetMessageId]: message.internetMessageId
      });
    }
    // One PATCH of the fields per filed file (the .eml, the attachment), each inside a `$batch`: no separate request.
    const patches = log.requests.flatMap((r) => r.inner).filter((r) => r.method === 'PATCH' && r.url.includes('/fields'));
    expect(patches).toHaveLength(2);
    expect(log.requests.filter((r) => r.method === 'PATCH' && r.url.includes('/fields'))).toEqual([]);
    // In the form Microsoft documents ("Update listItem": PATCH /sites/{site-id}/lists/{list-id}/items/{item-id}/fields),
    // not through the driveItem's listItem, which no Graph page documents for writing.
    for (const patch of patches) expect(patch.url).toMatch(/^\/sites\/[^/]+\/lists\/[^/]+\/items\/\d+\/fields$/);
  });

  // Outside truth: Graph answers a filter on a column that is not indexed with 400 "Field '...' cannot be referenced in
  // filter or orderby as it is not indexed" (microsoftgraph/microsoft-graph-docs#2279), which the dev tenant answers too.
  it('refuses to file into a library set up by hand without the index, saying who can fix it, and uploads nothing', async () => {
    const graph = tenant.graph('office-worker');
    const records = await tenant.library('/sites/records', 'Records');
    const library = await createList(graph, records.siteId, {
      displayName: 'Unindexed email',
      template: 'documentLibrary',
      columns: Object.values(emailColumns).map((name) => ({ name, text: {} }))
    });
    const unindexed = await emailPlan(graph, records.siteId, library);
    const message = await newMessage(graph);
    const error = await fileMessage(graph, message.id!, unindexed).then(
      () => undefined,
      (e: unknown) => e
    );
    expect(error).toMatchObject({ code: 'emailColumnNotIndexed', whatToDo: expect.stringContaining('Take email') });
    const files = await graph.call<{ value: unknown[] }>({
      method: 'GET',
      url: `/drives/${unindexed.driveId}/root/children`,
      action: 'list'
    });
    expect(files.value).toEqual([]);
  });

  it.each([
    ['an unknown column', { NoSuchColumn: 'x' }, 'unknownField', "has no column 'NoSuchColumn'"],
    ['a column SharePoint keeps', { ComplianceAssetId: 'x' }, 'readOnlyField', 'read-only'],
    ['an email column', { [emailColumns.subject]: 'forged' }, 'emailColumnField', 'from the message itself']
  ])('refuses %s before sending anything', async (_what, fields, code, why) => {
    const graph = tenant.graph('office-worker');
    const message = await newMessage(graph);
    const log = logRequests(tenant.url);
    try {
      const result = await fileMessage(graph, message.id!, plan, { fields: { MatterNumber: 'M-1', ...fields } });
      expect(result).toMatchObject({ status: 'refused', error: { code } });
      if (result.status !== 'refused') return;
      expect(result.error.why).toContain(why);
      expect(result.error.what).toContain('Nothing was sent');
      expect(result.error.whatToDo).toBeTruthy();
      expect(log.requests.every((r) => r.method === 'GET')).toBe(true);
    } finally {
      log.stop();
    }
  });
});
