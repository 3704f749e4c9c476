/* eslint-disable @typescript-eslint/no-explicit-any -- tests read Graph JSON as a client would, loosely. */
import { expectGraphError, TestTenant } from './helpers';

let t: TestTenant;
beforeAll(async () => {
  t = await TestTenant.start({ seed: 5 });
});
afterAll(() => t.close());

const mime = [
  'From: =?utf-8?B?2KPYrdmF2K8=?= <ahmad@contoso.example>',
  'To: "Vance, Adele" <adele@contoso.example>, bob@contoso.example',
  'Subject: =?UTF-8?Q?Caf=C3=A9_minutes?=',
  'Date: Tue, 03 Feb 2026 10:15:00 +0000',
  'Message-ID: <minutes-42@contoso.example>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'See attached.',
  '--b1',
  'Content-Type: text/plain; name="notes.txt"',
  'Content-Disposition: attachment; filename="notes.txt"',
  '',
  'notes',
  '--b1--',
  ''
].join('\r\n');

describe('POST /me/messages (MIME)', () => {
  test('creates a draft from base64 MIME, maps its headers, and returns the MIME as given from $value', async () => {
    const res = await t.call('office-worker', 'POST', '/v1.0/me/messages', Buffer.from(mime).toString('base64'), {
      'content-type': 'text/plain'
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      subject: 'Café minutes',
      isDraft: true,
      hasAttachments: true,
      internetMessageId: '<minutes-42@contoso.example>',
      sentDateTime: '2026-02-03T10:15:00Z',
      from: { emailAddress: { name: 'أحمد', address: 'ahmad@contoso.example' } },
      toRecipients: [
        { emailAddress: { name: 'Vance, Adele', address: 'adele@contoso.example' } },
        { emailAddress: { name: 'bob@contoso.example', address: 'bob@contoso.example' } }
      ],
      categories: []
    });
    expect(res.json['@odata.context']).toMatch(/\/messages\/\$entity$/);
    expect(res.json['@devtenant.mime']).toBeUndefined();
    const got = await t.get('office-worker', `/v1.0/me/messages/${res.json.id}`);
    expect(got.json).toMatchObject({ id: res.json.id, subject: 'Café minutes' });
    const value = await t.get('office-worker', `/v1.0/me/messages/${res.json.id}/$value`);
    expect(value.status).toBe(200);
    expect(value.text).toBe(mime);
  });

  test('gives a message without a Message-ID one of its own', async () => {
    const res = await t.call('office-worker', 'POST', '/v1.0/me/messages', Buffer.from('Subject: hi\r\n\r\nbody').toString('base64'), {
      'content-type': 'text/plain'
    });
    expect(res.status).toBe(201);
    expect(res.json.internetMessageId).toMatch(/^<[0-9A-F]{32}@.+>$/);
    expect(res.json.hasAttachments).toBe(false);
  });

  test('refuses malformed base64, JSON, a persona without Mail.ReadWrite and bodies over 4 MB', async () => {
    const bad = await t.call('office-worker', 'POST', '/v1.0/me/messages', 'not base64!', { 'content-type': 'text/plain' });
    expectGraphError(bad, 400, 'ErrorMimeContentInvalidBase64String');
    expect(bad.json.error.message).toBe('Invalid base64 string for MIME content.');
    expect((await t.call('office-worker', 'POST', '/v1.0/me/messages', { subject: 'x' })).status).toBe(501);
    const readOnly = await t.call('records-manager', 'POST', '/v1.0/me/messages', Buffer.from(mime).toString('base64'), {
      'content-type': 'text/plain'
    });
    expectGraphError(readOnly, 403, 'accessDenied');
    const big = await t.call('office-worker', 'POST', '/v1.0/me/messages', 'QUFB'.repeat(1024 * 1024 + 1), {
      'content-type': 'text/plain'
    });
    expect(big.status).toBe(413);
  });
});

describe('POST /devtenant/mail (inbound delivery)', () => {
  test('delivers raw MIME over 4 MB to a mailbox, where Graph lists and serves it', async () => {
    const big = `${mime.replace('notes', 'x'.repeat(5 * 1024 * 1024))}`;
    const res = await fetch(`${t.url}/devtenant/mail?to=${encodeURIComponent('ana.ortiz@custodiandev.onmicrosoft.com')}`, {
      method: 'POST',
      headers: { 'content-type': 'message/rfc822' },
      body: big
    });
    const delivered = (await res.json()) as any;
    expect(res.status).toBe(201);
    expect(delivered).toMatchObject({ isDraft: false, parentFolderId: 'inbox', subject: 'Café minutes' });
    const value = await t.get('office-worker', `/v1.0/me/messages/${delivered.id}/$value`);
    expect(value.text.length).toBe(big.length);
  });

  test('refuses an unknown mailbox and an empty body', async () => {
    expect((await fetch(`${t.url}/devtenant/mail?to=nobody@example.com`, { method: 'POST', body: mime })).status).toBe(400);
    expect((await fetch(`${t.url}/devtenant/mail?to=ana.ortiz@custodiandev.onmicrosoft.com`, { method: 'POST' })).status).toBe(400);
  });
});
