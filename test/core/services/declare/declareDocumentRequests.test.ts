// What declaring a document sends to the dev tenant: the lock only where the label lets the person choose, people
// and terms through SharePoint REST for the document's own site, and nothing at all for a declaration it refuses.
import { getRetentionLabel } from '../../../../src/core/graph/driveItems/getRetentionLabel';
import { getSiteByUrl } from '../../../../src/core/graph/sites/getSiteByUrl';
import type { SharePointSite } from '../../../../src/core/sharepoint/createSharePoint';
import { createDeclareService, type DeclareService } from '../../../../src/core/services/declare/createDeclareService';
import type { DeclareDeps } from '../../../../src/core/services/declare/DeclareDeps';
import type { DocumentContext } from '../../../../src/core/services/declare/DocumentContext';
import { logRequests, type LoggedRequest } from '../support/requestLog';
import { startServicesTenant, type Library, type ServicesTenant } from '../support/servicesTenant';

jest.setTimeout(30_000);

let tenant: ServicesTenant;
let matters: Library;
let colleague: string;
const termId = '0b7d4c1e-2f3a-4b5c-9d6e-7f8091a2b3c4';
const now = Date.UTC(2026, 0, 15, 9, 0, 0);

beforeAll(async () => {
  tenant = await startServicesTenant(20);
  const owner = tenant.graph('site-owner');
  const siteId = String((await getSiteByUrl(owner, `${tenant.url}/sites/legal`)).id);
  await owner.call({
    method: 'POST',
    url: `/sites/${encodeURIComponent(siteId)}/lists`,
    body: {
      displayName: 'Matter Records',
      columns: [
        { name: 'MatterOwner', displayName: 'Matter owner', personOrGroup: {}, required: true },
        { name: 'Region', displayName: 'Region', term: {}, required: true },
        { name: 'Reference', displayName: 'Reference', text: {}, required: true }
      ],
      list: { template: 'documentLibrary' }
    },
    action: 'create the library'
  });
  matters = await tenant.library('/sites/legal', 'Matter Records');
  const me = await owner.call<{ mail?: string; userPrincipalName: string }>({ method: 'GET', url: '/me', action: 'read me' });
  colleague = me.mail || me.userPrincipalName;
});
afterAll(() => tenant.close());

const sitesAsked: string[] = [];
function service(withSharePoint = false): DeclareService {
  const deps: DeclareDeps = { graph: tenant.graph('office-worker'), clock: () => now };
  if (withSharePoint)
    deps.sharePoint = (siteUrl: string): SharePointSite => {
      sitesAsked.push(siteUrl);
      return tenant.site('office-worker', new URL(siteUrl).pathname);
    };
  return createDeclareService(deps);
}

async function newDocument(name: string, declare = service()): Promise<DocumentContext> {
  const item = await tenant.upload(matters, name);
  const result = await declare.open(String(item.webUrl));
  if (!result.ok) throw new Error(result.notOpened.why);
  return result.context;
}

/** The Graph requests (each inner request of a `$batch`, with its body) that touch the retention label. */
function labelRequests(requests: readonly LoggedRequest[]): { method: string; body: unknown }[] {
  const out: { method: string; body: unknown }[] = [];
  for (const r of requests) {
    if (/\/\$batch$/.test(new URL(r.url).pathname)) {
      const batch = JSON.parse(r.body ?? '{}') as { requests: { method: string; url: string; body?: unknown }[] };
      for (const inner of batch.requests) if (/\/retentionLabel$/.test(inner.url)) out.push({ method: inner.method, body: inner.body });
    } else if (/\/retentionLabel$/.test(new URL(r.url).pathname))
      out.push({ method: r.method, body: r.body ? JSON.parse(r.body) : undefined });
  }
  return out;
}

const sendsLock = (requests: readonly LoggedRequest[]): boolean =>
  labelRequests(requests).some((r) => JSON.stringify(r.body ?? {}).includes('isRecordLocked'));

describe('the lock', () => {
  it('is never sent with a regulatory record label, whatever the person chose; the record is locked all the same', async () => {
    const declare = service();
    const context = await newDocument('Filing return.docx', declare);
    const log = logRequests(tenant.url);
    let asked: readonly string[] = [];
    try {
      const result = await declare.declare(
        context,
        { retentionLabel: 'Regulatory Filings - 10 Years', fields: { Reference: 'R-1' }, lock: false },
        { onSending: (steps) => (asked = steps) }
      );
      expect(asked).not.toContain('lock');
      expect(sendsLock(log.requests)).toBe(false);
      expect(labelRequests(log.requests)).toEqual([{ method: 'PATCH', body: { name: 'Regulatory Filings - 10 Years' } }]);
      expect(result.status.state).toMatchObject({ behavior: 'retainAsRegulatoryRecord', isLocked: true });
    } finally {
      log.stop();
    }
    expect(await getRetentionLabel(tenant.graph('office-worker'), context.document.ref)).toMatchObject({
      name: 'Regulatory Filings - 10 Years',
      retentionSettings: { isRecordLocked: true }
    });
  });

  it('is never sent with a label that does not make a record, even when the person ticked it', async () => {
    const declare = service();
    const context = await newDocument('Letter.docx', declare);
    const log = logRequests(tenant.url);
    try {
      const result = await declare.declare(context, {
        retentionLabel: 'General Correspondence - 2 Years',
        fields: { Reference: 'G-1' },
        lock: true
      });
      expect(result.asked).not.toContain('lock');
      expect(sendsLock(log.requests)).toBe(false);
      expect(result.status.state).toEqual({ behavior: 'retain', isLocked: false });
    } finally {
      log.stop();
    }
  });

  it("is sent as the person chose with a record label that takes the choice (this suite's control)", async () => {
    const declare = service();
    const context = await newDocument('Unlocked lease.docx', declare);
    const log = logRequests(tenant.url);
    try {
      const result = await declare.declare(context, {
        retentionLabel: 'Personnel Files - Unlocked Record',
        fields: { Reference: 'P-1' },
        lock: true
      });
      expect(result.asked).toContain('lock');
      expect(labelRequests(log.requests).map((r) => r.body)).toContainEqual({ retentionSettings: { isRecordLocked: true } });
    } finally {
      log.stop();
    }
  });
});

describe('people and terms', () => {
  it('are asked as the library requires them and written through SharePoint REST on the document site', async () => {
    const declare = service(true);
    const context = await newDocument('Matter 7 lease.docx', declare);
    expect(context.specs.map((s) => [s.name, s.kind])).toEqual([
      ['MatterOwner', 'person'],
      ['Region', 'managedMetadata'],
      ['Reference', 'text']
    ]);
    const log = logRequests(tenant.url);
    sitesAsked.length = 0;
    try {
      const result = await declare.declare(context, {
        retentionLabel: 'Health and Safety - 40 Years',
        fields: {
          Reference: 'M-7',
          MatterOwner: { kind: 'person', email: colleague, displayName: 'Sam Okafor' },
          Region: { kind: 'term', termId, label: 'EMEA' }
        },
        lock: true
      });
      expect(result.asked).toEqual(expect.arrayContaining(['fields', 'peopleAndTerms', 'retentionLabel']));
      expect(result.sent.status).toBe('declared');
      expect(sitesAsked).toEqual([`${tenant.url}/sites/legal`]);
      const sharePoint = log.requests.filter((r) => r.url.includes('/_api/'));
      expect(sharePoint.some((r) => r.method === 'POST' && /ValidateUpdateListItem/i.test(r.url))).toBe(true);
      expect(sharePoint.every((r) => new URL(r.url).pathname.startsWith('/sites/legal/_api/'))).toBe(true);
      // Graph is sent only the text column: a person or a term by name is SharePoint's to write.
      const graphFields = log.requests
        .flatMap((r) =>
          /\/\$batch$/.test(new URL(r.url).pathname)
            ? (JSON.parse(r.body!) as { requests: { url: string; body?: unknown }[] }).requests
            : []
        )
        .filter((r) => /\/fields$/.test(r.url))
        .map((r) => r.body);
      expect(graphFields).toEqual([{ Reference: 'M-7' }]);
    } finally {
      log.stop();
    }
    const item = await tenant.graph('office-worker').call<{ fields: Record<string, unknown> }>({
      method: 'GET',
      url: `/sites/${encodeURIComponent(matters.siteId)}/lists/${matters.listId}/items/${context.document.listItem!.id}?$expand=fields`,
      action: 'read the item'
    });
    expect(item.fields).toMatchObject({ Reference: 'M-7', MatterOwner: { Email: colleague }, Region: { Label: 'EMEA', TermGuid: termId } });
  });

  it('are refused with a clear error, and nothing is sent, when the surface has no SharePoint client', async () => {
    const declare = service(false);
    const context = await newDocument('Matter 8 lease.docx', declare);
    const log = logRequests(tenant.url);
    try {
      const declaring = declare.declare(context, {
        retentionLabel: 'Health and Safety - 40 Years',
        fields: { Reference: 'M-8', Region: { kind: 'term', termId, label: 'EMEA' } },
        lock: true
      });
      await expect(declaring).rejects.toMatchObject({ status: 0, code: 'sharePointNotAvailable' });
      const error = (await declaring.catch((e: unknown) => e)) as { what: string; whatToDo: string };
      expect(error.what.length).toBeGreaterThan(0);
      expect(error.whatToDo.length).toBeGreaterThan(0);
      expect(log.requests).toEqual([]);
    } finally {
      log.stop();
    }
    expect((await getRetentionLabel(tenant.graph('office-worker'), context.document.ref))?.name ?? null).toBeNull();
  });
});

describe('the classification', () => {
  it('shows the one applied, named as offered, then none once it is removed', async () => {
    const declare = service();
    const context = await newDocument('Board pack.docx', declare);
    const general = context.sensitivity!.options.find((o) => o.name === 'General');
    expect(general).toBeDefined();
    const labelled = await declare.declare(context, {
      retentionLabel: 'General Correspondence - 2 Years',
      sensitivityLabelId: general!.id,
      fields: { Reference: 'B-1' },
      lock: false
    });
    expect(labelled.sent.steps.find((s) => s.step === 'sensitivityLabel')?.status).toBe('done');
    expect(labelled.status.classification).toEqual({ id: general!.id, name: 'General' });

    const reopened = await declare.open(context.document.webUrl);
    if (!reopened.ok) throw new Error(reopened.notOpened.why);
    expect(reopened.context.status.classification).toEqual({ id: general!.id, name: 'General' });
    const removed = await declare.declare(reopened.context, {
      retentionLabel: 'General Correspondence - 2 Years',
      sensitivityLabelId: '',
      justification: 'Published on the website',
      fields: {},
      lock: false
    });
    expect(removed.status.classification).toBeNull();
    const again = await declare.open(context.document.webUrl);
    if (!again.ok) throw new Error(again.notOpened.why);
    expect(again.context.status.classification).toBeNull();
  });
});
