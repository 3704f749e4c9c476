import { getRetentionLabel } from '../../../../src/core/graph/driveItems/getRetentionLabel';
import type { GraphGateway } from '../../../../src/core/graph/GraphGateway';
import { listAll } from '../../../../src/core/graph/iteratePages';
import { getMessage } from '../../../../src/core/graph/messages/getMessage';
import { createEmailLibrary, emailColumns, fileMessage } from '../../../../src/core/services/fileMessage';
import type { LibraryPlan } from '../../../../src/core/services/libraryPlan';
import { logRequests } from '../support/requestLog';
import { startServicesTenant, type ServicesTenant } from '../support/servicesTenant';
import { createMessageFromMime, emailPlan, listItemFields } from './support';

/**
 * Filing messages the seed does not have: made from MIME in the office worker's mailbox with Graph's
 * `POST /me/messages` (text/plain, base64), or delivered to it over 4 MB (`POST /devtenant/mail`, as SMTP would).
 */

let tenant: ServicesTenant;
let plan: LibraryPlan;
const officeWorker = 'ana.ortiz@custodiandev.onmicrosoft.com';

beforeAll(async () => {
  tenant = await startServicesTenant(20);
  const records = await tenant.library('/sites/records', 'Records');
  const graph = tenant.graph('office-worker');
  const library = await createEmailLibrary(graph, records.siteId, 'Filed mail with attachments');
  plan = await emailPlan(graph, records.siteId, library);
});
afterAll(() => tenant.close());

let counter = 0;
function mimeMessage(opts: { subject?: string; from?: string; to?: string; parts?: string[] } = {}): string {
  counter += 1;
  const parts = opts.parts ?? [];
  return [
    `From: ${opts.from ?? '"O\'Brien, Sean" <sean@obrien.example>'}`,
    ...(opts.to === '' ? [] : [`To: ${opts.to ?? 'Ana Ortiz <ana.ortiz@custodiandev.onmicrosoft.com>'}`]),
    `Subject: ${opts.subject ?? `Contract pack ${counter}`}`,
    'Date: Mon, 12 Jan 2026 08:30:00 +0000',
    `Message-ID: <pack-${counter}-${Date.now()}@obrien.example>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="=_outer"',
    '',
    '--=_outer',
    'Content-Type: multipart/alternative; boundary="=_inner"',
    '',
    '--=_inner',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Please find the contract attached.',
    '--=_inner',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<p>Please find the contract attached.</p>',
    '--=_inner--',
    ...parts.flatMap((p) => ['--=_outer', p]),
    '--=_outer--',
    ''
  ].join('\r\n');
}

const attachment = (headers: string[], body: string): string => [...headers, '', body].join('\r\n');

async function fileContent(graph: GraphGateway, driveId: string, itemId: string): Promise<Buffer> {
  const blob = await graph.call<Blob>({
    method: 'GET',
    url: `/drives/${encodeURIComponent(driveId)}/items/${itemId}/content`,
    responseType: 'blob',
    action: 'download'
  });
  return Buffer.from(await blob.arrayBuffer());
}

describe('fileMessage with attachments', () => {
  it('files each attachment as a record beside the .eml, with the message columns and label, decoding hostile names', async () => {
    const graph = tenant.graph('office-worker');
    const pdf = Buffer.from('%PDF-1.4\n% contract\n');
    const message = await createMessageFromMime(
      graph,
      mimeMessage({
        parts: [
          attachment(
            [
              'Content-Type: application/pdf; name="ignored.pdf"',
              'Content-Disposition: attachment;',
              " filename*=UTF-8''O%27Brien%20%3Cdraft%3E%20%2342%3F%20%F0%9F%9A%80.pdf",
              'Content-Transfer-Encoding: base64'
            ],
            pdf.toString('base64')
          ),
          attachment(
            [
              'Content-Type: text/plain; name="=?UTF-8?Q?r=C3=A9sum=C3=A9_..=2F..=2Fetc=2Fpasswd.txt?="',
              'Content-Transfer-Encoding: quoted-printable'
            ],
            'caf=C3=A9 =3D ok'
          ),
          attachment(['Content-Type: image/png; name="logo.png"', 'Content-Disposition: inline; filename="logo.png"'], 'PNG')
        ]
      })
    );
    expect(message.hasAttachments).toBe(true);

    const result = await fileMessage(graph, message.id!, plan, { includeAttachments: true });
    expect(result.status).toBe('filed');
    if (result.status !== 'filed') return;
    expect(result.steps.map((s) => [s.step, s.status])).toEqual([
      ['upload', 'done'],
      ['fields', 'done'],
      ['retentionLabel', 'done'],
      ['attachments', 'done'],
      ['category', 'done']
    ]);
    expect(result.attachments.map((a) => a.fileName)).toEqual([`O'Brien <draft> #42? 🚀.pdf`, 'résumé ../../etc/passwd.txt']);
    const stem = result.item.name.replace(/\.eml$/, '');
    expect(result.attachments.map((a) => a.item?.name)).toEqual([
      `${stem} - O'Brien _draft_ _42_ 🚀.pdf`,
      `${stem} - résumé .._.._etc_passwd.txt`
    ]);
    const [first, second] = result.attachments.map((a) => a.item!);
    expect(await fileContent(graph, first.driveId, first.itemId)).toEqual(pdf);
    expect((await fileContent(graph, second.driveId, second.itemId)).toString('utf8')).toBe('café = ok');
    for (const item of [first, second]) {
      expect((await getRetentionLabel(graph, item)).name).toBe('Email - 3 Years');
      expect(await listItemFields(graph, item.driveId, item.itemId)).toMatchObject({
        [emailColumns.internetMessageId]: message.internetMessageId,
        [emailColumns.from]: 'sean@obrien.example',
        [emailColumns.to]: officeWorker
      });
    }
  });

  it('adds the attachments of an email filed without them beside its first copy, and only once', async () => {
    const graph = tenant.graph('office-worker');
    const message = await createMessageFromMime(
      graph,
      mimeMessage({
        parts: [
          attachment(['Content-Type: text/plain; name="terms.txt"', 'Content-Disposition: attachment; filename="terms.txt"'], 'terms'),
          attachment(['Content-Type: text/plain; name="annex.txt"', 'Content-Disposition: attachment; filename="annex.txt"'], 'annex')
        ]
      })
    );
    const first = await fileMessage(graph, message.id!, plan);
    expect(first).toMatchObject({ status: 'filed', attachments: [] });
    if (first.status !== 'filed') return;
    const stem = first.item.name.replace(/\.eml$/, '');

    const later = await fileMessage(graph, message.id!, plan, { includeAttachments: true });
    expect(later).toMatchObject({ status: 'alreadyFiled', item: { itemId: first.item.itemId } });
    if (later.status !== 'alreadyFiled') return;
    expect(later.steps.find((s) => s.step === 'attachments')?.status).toBe('done');
    expect(later.steps.find((s) => s.step === 'upload')?.status).toBe('unchanged');
    expect(later.attachments.map((a) => [a.fileName, a.item?.name])).toEqual([
      ['terms.txt', `${stem} - terms.txt`],
      ['annex.txt', `${stem} - annex.txt`]
    ]);
    for (const a of later.attachments) {
      expect((await fileContent(graph, a.item!.driveId, a.item!.itemId)).toString('utf8')).toBe(a.fileName.replace('.txt', ''));
      expect((await getRetentionLabel(graph, a.item!)).name).toBe('Email - 3 Years');
      expect(await listItemFields(graph, a.item!.driveId, a.item!.itemId)).toMatchObject({
        [emailColumns.internetMessageId]: message.internetMessageId
      });
    }

    // A third time: everything is there already; nothing is renamed, described or labelled again.
    const log = logRequests(tenant.url);
    try {
      const again = await fileMessage(graph, message.id!, plan, { includeAttachments: true });
      expect(again).toMatchObject({ status: 'alreadyFiled' });
      if (again.status !== 'alreadyFiled') return;
      expect(again.attachments).toEqual([
        { fileName: 'terms.txt', alreadyFiled: true },
        { fileName: 'annex.txt', alreadyFiled: true }
      ]);
      expect(again.steps.find((s) => s.step === 'attachments')?.status).toBe('unchanged');
      expect(log.requests.filter((r) => r.url.includes('$batch'))).toEqual([]);
    } finally {
      log.stop();
    }
    const names = (
      await listAll<{ name: string }>(graph, {
        method: 'GET',
        url: `/drives/${encodeURIComponent(first.item.driveId)}/root/children?$top=200`,
        action: 'list'
      })
    )
      .map((i) => i.name)
      .filter((n) => n.startsWith(stem));
    expect(names.sort()).toEqual([first.item.name, `${stem} - annex.txt`, `${stem} - terms.txt`].sort());
  });

  it('files a message over 4 MB, and its attachment over 4 MB, through upload sessions', async () => {
    const graph = tenant.graph('office-worker');
    const big = Buffer.alloc(4 * 1024 * 1024 + 4096, 7);
    const mime = mimeMessage({
      parts: [
        attachment(
          [
            'Content-Type: application/octet-stream',
            'Content-Disposition: attachment; filename="scan.bin"',
            'Content-Transfer-Encoding: base64'
          ],
          big.toString('base64').replace(/(.{76})/g, '$1\r\n')
        )
      ]
    });
    const res = await fetch(`${tenant.url}/devtenant/mail?to=${encodeURIComponent(officeWorker)}`, {
      method: 'POST',
      headers: { 'content-type': 'message/rfc822' },
      body: mime
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };

    const log = logRequests(tenant.url);
    let result;
    try {
      result = await fileMessage(graph, id, plan, { includeAttachments: true });
    } finally {
      log.stop();
    }
    expect(result.status).toBe('filed');
    if (result.status !== 'filed') return;
    expect(log.requests.filter((r) => r.url.endsWith('/createUploadSession'))).toHaveLength(2);
    expect(log.requests.some((r) => r.method === 'PUT' && r.url.endsWith('/content'))).toBe(false);
    expect((await fileContent(graph, result.item.driveId, result.item.itemId)).length).toBe(Buffer.byteLength(mime));
    const scan = result.attachments[0].item!;
    expect(scan.name).toMatch(/ - scan\.bin$/);
    expect((await fileContent(graph, scan.driveId, scan.itemId)).equals(big)).toBe(true);
  }, 30_000); // two uploads over 4 MB each: seconds on a busy 2-core machine
});

describe('fileMessage, partly done', () => {
  it('files the message but reports the category as failed for a persona who can only read mail', async () => {
    // The records manager holds Mail.Read, not Mail.ReadWrite: the message is filed, the category is refused.
    const res = await fetch(`${tenant.url}/devtenant/mail?to=${encodeURIComponent('priya.raman@custodiandev.onmicrosoft.com')}`, {
      method: 'POST',
      body: mimeMessage()
    });
    const { id } = (await res.json()) as { id: string };
    const result = await fileMessage(tenant.graph('records-manager'), id, plan, { category: 'Records' });
    expect(result.status).toBe('partial');
    if (result.status !== 'partial') return;
    const category = result.steps.find((s) => s.step === 'category');
    expect(category).toMatchObject({ status: 'failed', error: { status: 403 } });
    expect(result.steps.filter((s) => s.status === 'done').map((s) => s.step)).toEqual(['upload', 'fields', 'retentionLabel']);
  });

  it('reports a retention label that does not exist as failed, the columns as done, and the result as partial', async () => {
    const graph = tenant.graph('office-worker');
    const message = await createMessageFromMime(graph, mimeMessage({ subject: 'x'.repeat(300), from: 'no-reply@vendor.example', to: '' }));
    const result = await fileMessage(graph, message.id!, plan, { retentionLabel: 'No Such Label', category: 'Archived' });
    expect(result.status).toBe('partial');
    if (result.status !== 'partial') return;
    expect(result.steps.map((s) => [s.step, s.status])).toEqual([
      ['upload', 'done'],
      ['fields', 'done'],
      ['retentionLabel', 'failed'],
      ['attachments', 'unchanged'],
      ['category', 'done']
    ]);
    expect(result.steps[2].error?.message).toBeTruthy();
    const fields = await listItemFields(graph, result.item.driveId, result.item.itemId);
    expect([...String(fields[emailColumns.subject])]).toHaveLength(255);
    expect(String(fields[emailColumns.subject]).endsWith('…')).toBe(true);
    expect(fields[emailColumns.from]).toBe('no-reply@vendor.example');
    expect(fields[emailColumns.to] ?? '').toBe('');
    expect((await getMessage(graph, message.id!)).categories).toEqual(['Archived']);
  });

  it('files without a label when the plan has none, and leaves a category already there alone', async () => {
    const graph = tenant.graph('office-worker');
    const message = await createMessageFromMime(graph, mimeMessage());
    await graph.call({ method: 'PATCH', url: `/me/messages/${message.id!}`, body: { categories: ['Filed by Custodian'] }, action: 'tag' });
    const result = await fileMessage(graph, message.id!, { ...plan, defaultRetentionLabel: undefined });
    expect(result.status).toBe('filed');
    if (result.status !== 'filed') return;
    expect(result.steps.map((s) => [s.step, s.status])).toEqual([
      ['upload', 'done'],
      ['fields', 'done'],
      ['retentionLabel', 'unchanged'],
      ['attachments', 'unchanged'],
      ['category', 'unchanged']
    ]);
    expect(result.attachments).toEqual([]);
  });

  it('makes one copy when the same message is filed twice at once', async () => {
    const graph = tenant.graph('office-worker');
    const message = await createMessageFromMime(graph, mimeMessage());
    const results = await Promise.all([fileMessage(graph, message.id!, plan), fileMessage(graph, message.id!, plan)]);
    expect(results.map((r) => r.status).sort()).toEqual(['alreadyFiled', 'filed']);
    const ids = results.map((r) => (r.status === 'refused' ? '' : r.item.itemId));
    expect(ids[0]).toBe(ids[1]);
  });
});
