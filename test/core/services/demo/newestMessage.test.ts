// Demo mode's email: the newest message in the persona's mailbox, read from the dev tenant as Outlook read mode would
// give it, its attachments listed from its MIME; and an empty mailbox said plainly, with what to do.
import { createGraphGateway } from '../../../../src/core/graph/createGraphGateway';
import { CustodianError } from '../../../../src/core/http/CustodianError';
import { emailMessageFromGraph, readNewestMessage } from '../../../../src/core/services/demo/readNewestMessage';
import { logRequests } from '../support/requestLog';
import { startLoopbackPeer, staticTokens, type LoopbackPeer } from '../../support/loopbackPeer';
import { startTestTenant, type TestTenant } from '../../support/devTenant';

jest.setTimeout(30_000);

let tenant: TestTenant;
beforeAll(async () => {
  tenant = await startTestTenant(10);
});
afterAll(() => tenant.close());

const recordsManager = 'priya.raman@custodiandev.onmicrosoft.com';

async function personaToken(persona: string): Promise<string> {
  const answer = (await (await fetch(`${tenant.url}/devtenant/token?persona=${persona}`)).json()) as { access_token: string };
  return answer.access_token;
}

function deliver(into: TestTenant, to: string, mime: string): Promise<Response> {
  return fetch(`${into.url}/devtenant/mail?to=${encodeURIComponent(to)}`, {
    method: 'POST',
    headers: { 'content-type': 'message/rfc822' },
    body: mime
  });
}

describe('the newest email of the demo persona', () => {
  it('is the seeded message received last, with no attachments and without reading its MIME', async () => {
    // The records manager's mailbox, whose newest seeded message has no attachments (the delivery below has a tenant
    // of its own, so that the order the tests run in does not matter).
    const graph = tenant.graph('records-manager');
    const page = await graph.call<{ value: { id: string; subject: string; receivedDateTime: string; hasAttachments: boolean }[] }>({
      method: 'GET',
      url: '/me/messages?$top=100&$select=id,subject,receivedDateTime,hasAttachments',
      action: 'read mail'
    });
    const newest = [...page.value].sort((a, b) => b.receivedDateTime.localeCompare(a.receivedDateTime))[0];
    const log = logRequests(tenant.url);
    try {
      const message = await readNewestMessage(graph);
      expect(message).toMatchObject({ kind: 'message', restId: newest.id, subject: newest.subject, attachments: [] });
      expect(message.from?.address).toMatch(/@custodiandev\.onmicrosoft\.com$/);
      expect(message.internetMessageId).toMatch(/^<.+@.+>$/);
      expect(log.requests.some((r) => r.url.includes('/$value'))).toBe(false);
    } finally {
      log.stop();
    }
  });

  it("is, for the office worker, an email with two attachments to file beside it, listed from Graph's MIME", async () => {
    const graph = tenant.graph('office-worker');
    const message = await readNewestMessage(graph);
    expect(message.attachments.map((a) => [a.name, a.contentType.split(';')[0]])).toEqual([
      ['Signed agreement.pdf', 'application/pdf'],
      ['Schedule A - prices.csv', 'text/csv']
    ]);
    // RFC 2046 as written, read by hand rather than by the parser above: one multipart/mixed with two attachment parts.
    const raw = await (
      await fetch(`${tenant.url}/v1.0/me/messages/${encodeURIComponent(message.restId)}/$value`, {
        headers: { Authorization: `Bearer ${await personaToken('office-worker')}` }
      })
    ).text();
    expect(raw).toMatch(/^Content-Type: multipart\/mixed; boundary="[^"]+"$/m);
    expect(raw.match(/^Content-Disposition: attachment; filename="[^"]+"$/gm)).toEqual([
      'Content-Disposition: attachment; filename="Signed agreement.pdf"',
      'Content-Disposition: attachment; filename="Schedule A - prices.csv"'
    ]);
  });

  it('lists the attachments of a message delivered with them, from its MIME, in the order they were sent', async () => {
    const pdf = '%PDF-1.4\n% signed contract\n';
    const csv = 'ref,amount\r\nA-1,100\r\n';
    const mime = [
      'From: "O\'Brien, Sean" <sean@obrien.example>',
      `To: Priya Raman <${recordsManager}>`,
      'Subject: Signed contract and schedule',
      'Date: Mon, 12 Jan 2026 08:30:00 +0000',
      `Message-ID: <demo-${Date.now()}@obrien.example>`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="=_outer"',
      '',
      '--=_outer',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Both attached.',
      '--=_outer',
      'Content-Type: application/pdf; name="Contract.pdf"',
      'Content-Disposition: attachment; filename="Contract.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from(pdf).toString('base64'),
      '--=_outer',
      'Content-Type: text/csv; name="Schedule A.csv"',
      'Content-Disposition: attachment; filename="Schedule A.csv"',
      '',
      csv,
      '--=_outer--',
      ''
    ].join('\r\n');
    const own = await startTestTenant(10);
    try {
      const delivered = await deliver(own, recordsManager, mime);
      expect(delivered.status).toBe(201);

      const message = await readNewestMessage(own.graph('records-manager'), new AbortController().signal);
      expect(message.subject).toBe('Signed contract and schedule');
      expect(message.from).toEqual({ name: "O'Brien, Sean", address: 'sean@obrien.example' });
      expect(message.attachments.map((a) => [a.name, a.contentType.split(';')[0], a.isInline, a.attachmentType])).toEqual([
        ['Contract.pdf', 'application/pdf', false, 'file'],
        ['Schedule A.csv', 'text/csv', false, 'file']
      ]);
      expect(message.attachments[0].size).toBe(Buffer.byteLength(pdf));
      expect(new Set(message.attachments.map((a) => a.id)).size).toBe(2);
    } finally {
      await own.close();
    }
  });
});

describe('an empty mailbox', () => {
  let peer: LoopbackPeer;
  beforeAll(async () => {
    peer = await startLoopbackPeer();
  });
  afterAll(() => peer.close());

  it('is the demoMailboxEmpty error, saying what to do, after one request', async () => {
    // Graph's answer for a mailbox with no messages (user-list-messages): an empty collection.
    peer.queue({ body: { '@odata.context': "https://graph.microsoft.com/v1.0/$metadata#users('me')/messages", value: [] } });
    const graph = createGraphGateway({ baseUrl: peer.url, tokens: staticTokens() });
    const error = await readNewestMessage(graph).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CustodianError);
    expect(error).toMatchObject({ status: 0, code: 'demoMailboxEmpty', source: 'client' });
    expect((error as CustodianError).what).toMatch(/no email/i);
    expect((error as CustodianError).whatToDo).toMatch(/persona|reset/i);
    expect(peer.seen.map((r) => [r.method, new URL(r.url, peer.url).pathname])).toEqual([['GET', '/v1.0/me/messages']]);
  });
});

describe('a draft as Graph gives it (message resource: from and the recipients may be absent)', () => {
  it('has no sender, skips recipients with no address or name, and keeps what it has', () => {
    const message = emailMessageFromGraph({
      id: 'AAMkDraft',
      subject: null,
      from: null,
      toRecipients: [{ emailAddress: { name: 'Legal team' } }, { emailAddress: null }, { emailAddress: { address: '', name: '' } }]
    });
    expect(message).toEqual({
      kind: 'message',
      restId: 'AAMkDraft',
      internetMessageId: '',
      subject: '',
      from: undefined,
      to: [{ name: 'Legal team', address: '' }],
      attachments: []
    });
  });
});
