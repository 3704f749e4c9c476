import type { Message } from '@microsoft/microsoft-graph-types';
import { getRetentionLabel } from '../../../../src/core/graph/driveItems/getRetentionLabel';
import { listAll } from '../../../../src/core/graph/iteratePages';
import { getMessage } from '../../../../src/core/graph/messages/getMessage';
import { createEmailLibrary, emailColumns, fileMessage } from '../../../../src/core/services/fileMessage';
import type { LibraryPlan } from '../../../../src/core/services/libraryPlan';
import { logRequests } from '../support/requestLog';
import { startServicesTenant, type Library, type ServicesTenant } from '../support/servicesTenant';
import { emailPlan } from './support';

let tenant: ServicesTenant;
let records: Library;
let plan: LibraryPlan;
let messages: Message[];

beforeAll(async () => {
  tenant = await startServicesTenant(40);
  records = await tenant.library('/sites/records', 'Records');
  const graph = tenant.graph('office-worker');
  const library = await createEmailLibrary(graph, records.siteId, `Filed mail O'Brien & Sons + 🚀 تقرير`);
  plan = await emailPlan(graph, records.siteId, library);
  messages = await listAll<Message>(graph, { method: 'GET', url: '/me/messages?$top=50', action: 'read mail' });
});
afterAll(() => tenant.close());

describe('fileMessage', () => {
  it('files a message as .eml with its columns, label and a category, and returns the first copy when filed again', async () => {
    const graph = tenant.graph('office-worker');
    const rtl = messages.find((m) => /[\u0600-\u06ff]/.test(m.subject ?? '')) ?? messages[0];
    // Two messages without attachments (the office worker's newest has two, filed in a test of their own).
    for (const message of [rtl, messages.find((m) => m !== rtl && m.hasAttachments !== true)!]) {
      const result = await fileMessage(graph, message.id!, plan, { includeAttachments: true });
      expect(result.status).toBe('filed');
      if (result.status !== 'filed') return;
      expect(result.item.name).toMatch(/ \[[0-9a-f]{8}\]\.eml$/);
      expect(result.steps.map((s) => [s.step, s.status])).toEqual([
        ['upload', 'done'],
        ['fields', 'done'],
        ['retentionLabel', 'done'],
        ['attachments', 'unchanged'],
        ['category', 'done']
      ]);
      expect((await getRetentionLabel(graph, result.item)).name).toBe('Email - 3 Years');
      const item = await graph.call<{ listItem: { fields: Record<string, unknown> } }>({
        method: 'GET',
        url: `/drives/${encodeURIComponent(result.item.driveId)}/items/${result.item.itemId}?$expand=listItem($expand=fields)`,
        action: 'read'
      });
      expect(item.listItem.fields).toMatchObject({
        [emailColumns.internetMessageId]: message.internetMessageId,
        [emailColumns.conversationId]: message.conversationId,
        [emailColumns.subject]: message.subject,
        [emailColumns.from]: message.from?.emailAddress?.address
      });
      expect((await getMessage(graph, message.id!)).categories).toContain('Filed by Custodian');

      const log = logRequests(tenant.url);
      try {
        const again = await fileMessage(graph, message.id!, plan);
        expect(again).toMatchObject({ status: 'alreadyFiled', item: { itemId: result.item.itemId } });
        if (again.status === 'alreadyFiled') expect(again.steps.find((s) => s.step === 'category')?.status).toBe('unchanged');
        expect(log.requests.filter((r) => r.method === 'PUT' || r.url.includes('/$value'))).toEqual([]);
      } finally {
        log.stop();
      }
    }
  });

  it('refuses a library that has no columns for email, before writing anything', async () => {
    // The Records library beside the seeded Email Archive: documents, without the email columns.
    const records = await tenant.library('/sites/records', 'Records');
    const log = logRequests(tenant.url);
    try {
      const result = await fileMessage(tenant.graph('office-worker'), messages[3].id!, {
        ...plan,
        listId: records.listId,
        driveId: records.driveId,
        libraryName: 'Records'
      });
      expect(result).toMatchObject({ status: 'refused', error: { code: 'libraryNotForEmail' } });
      if (result.status === 'refused') expect(result.error.why).toContain(`'${emailColumns.internetMessageId}'`);
      expect(log.requests.every((r) => r.method === 'GET')).toBe(true);
    } finally {
      log.stop();
    }
  });
});
