// Opening a document for declaration against the dev tenant: the columns asked (the library's own required ones and
// those its library plan adds), the values the document already holds, and what still opens when a part of the
// tenant cannot be read (the records site, the sensitivity labels).
import type { ColumnDefinition, ListItem } from '@microsoft/microsoft-graph-types';
import { createDeclareService, type DeclareService } from '../../../../src/core/services/declare/createDeclareService';
import type { DocumentContext } from '../../../../src/core/services/declare/DocumentContext';
import { libraryKeyOf, libraryPlansList } from '../../../../src/core/services/libraryPlan';
import { openRecordsSite } from '../../../../src/core/services/recordsSite';
import { logRequests } from '../support/requestLog';
import { startServicesTenant, type Library, type ServicesTenant } from '../support/servicesTenant';

jest.setTimeout(30_000);

let tenant: ServicesTenant;
let contracts: Library;
let records: Library;
let docUrl: string;

beforeEach(async () => {
  tenant = await startServicesTenant(40);
  contracts = await tenant.library('/sites/legal', 'Contracts');
  records = await tenant.library('/sites/records', 'Records');
  const item = await tenant.upload(contracts, 'Supplier agreement 2026.docx');
  docUrl = String(item.webUrl);
  // The site owner files it as a person would in the library: a reference and a document type.
  const types = await columnsOf(contracts);
  const documentType = types.find((c) => c.name === 'DocumentType')?.choice?.choices?.[0];
  await tenant.graph('site-owner').call({
    method: 'PATCH',
    url: `/drives/${encodeURIComponent(contracts.driveId)}/items/${String(item.id)}/listItem/fields`,
    body: { ReferenceNumber: 'SUP-2026-017', DocumentType: documentType },
    action: 'fill the columns'
  });
});
afterEach(() => tenant.close());

async function columnsOf(library: Library): Promise<ColumnDefinition[]> {
  const page = await tenant.graph('site-owner').call<{ value: ColumnDefinition[] }>({
    method: 'GET',
    url: `/sites/${encodeURIComponent(library.siteId)}/lists/${library.listId}/columns`,
    action: 'read the columns'
  });
  return page.value;
}

function service(recordsSiteUrl?: () => Promise<string>): DeclareService {
  return createDeclareService({ graph: tenant.graph('office-worker'), ...(recordsSiteUrl ? { recordsSiteUrl } : {}) });
}

async function opened(declare: DeclareService, url = docUrl): Promise<DocumentContext> {
  const result = await declare.open(url);
  if (!result.ok) throw new Error(`${url} did not open: ${result.notOpened.why}`);
  return result.context;
}

/**
 * Answers one Graph route with an error, as a tenant that refuses it would; every other request reaches the dev
 * tenant unchanged.
 */
function refuse(route: RegExp, status: number, code: string): { stop(): void; hits: () => number } {
  const original = globalThis.fetch;
  let hits = 0;
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
    if (url.startsWith(tenant.url) && route.test(url)) {
      hits++;
      return new Response(JSON.stringify({ error: { code, message: 'Access denied.', innerError: { 'request-id': 'test' } } }), {
        status,
        headers: { 'content-type': 'application/json' }
      });
    }
    return original(input, init);
  }) as typeof fetch;
  return { stop: () => void (globalThis.fetch = original), hits: () => hits };
}

describe('a document that cannot be opened', () => {
  it('says a document never saved is not in SharePoint or OneDrive, and what to do, without a request', async () => {
    const log = logRequests(tenant.url);
    try {
      const result = await service().open(undefined);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.notOpened.reason).toBe('notSaved');
      expect(result.notOpened.what).toMatch(/SharePoint|OneDrive/);
      expect(result.notOpened.whatToDo).toMatch(/[Ss]ave/);
      expect(log.requests).toEqual([]);
    } finally {
      log.stop();
    }
  });
});

describe('the columns asked when declaring', () => {
  it('asks only what the library requires while no library plan exists, and creates nothing on the records site', async () => {
    const log = logRequests(tenant.url);
    try {
      const context = await opened(service(() => Promise.resolve(records.siteUrl)));
      const required = (await columnsOf(contracts)).filter((c) => c.required && c.name !== 'FileLeafRef').map((c) => c.name);
      expect(context.specs.map((s) => s.name)).toEqual(required);
      expect(log.requests.filter((r) => r.method !== 'GET' && !/\$batch$/.test(r.url))).toEqual([]);
    } finally {
      log.stop();
    }
  });

  it("adds the columns the library's plan requires to the library's own, with the values the document holds", async () => {
    const admin = tenant.graph('admin');
    const ref = { siteId: contracts.siteId, listId: contracts.listId };
    await (await openRecordsSite(admin, records.siteUrl)).list(libraryPlansList).create({
      libraryKey: libraryKeyOf(ref),
      ...ref,
      driveId: contracts.driveId,
      libraryName: 'Contracts',
      requiredColumns: ['ReferenceNumber', 'DocumentType', 'FileLeafRef'],
      updatedAt: '2026-01-15T09:00:00Z'
    });
    const context = await opened(service(() => Promise.resolve(records.siteUrl)));
    const columns = await columnsOf(contracts);
    const documentType = columns.find((c) => c.name === 'DocumentType')!;
    // The file name is the document's own: never asked, even when a plan lists it.
    expect(context.specs.map((s) => s.name).sort()).toEqual(['DocumentType', 'ReferenceNumber']);
    expect(context.specs.find((s) => s.name === 'DocumentType')).toMatchObject({
      kind: 'choice',
      displayName: documentType.displayName,
      choices: documentType.choice!.choices
    });
    // Required because the plan requires them, though the library leaves both optional: the pane refuses to declare without.
    expect(context.specs.find((s) => s.name === 'ReferenceNumber')).toMatchObject({ kind: 'text', maxLength: 255, required: true });
    expect(context.specs.find((s) => s.name === 'DocumentType')).toMatchObject({ required: true });
    const item = await tenant.graph('office-worker').call<ListItem>({
      method: 'GET',
      url: `/sites/${encodeURIComponent(contracts.siteId)}/lists/${contracts.listId}/items/${context.document.listItem!.id}?$expand=fields`,
      action: 'read the item'
    });
    const fields = item.fields as Record<string, unknown>;
    expect(context.values).toEqual({ ReferenceNumber: 'SUP-2026-017', DocumentType: fields.DocumentType });
    expect(context.columnsSource).toBe('the Contracts library');

    // Without the records site, only the library's own are asked.
    expect((await opened(service())).specs.map((s) => s.name)).not.toContain('ReferenceNumber');
  });

  it("leaves the library's own columns when the records site cannot be read", async () => {
    for (const recordsSiteUrl of [
      () => Promise.resolve(`${tenant.url}/sites/no-such-records-site`),
      () => Promise.reject(new Error('The records site is not configured.'))
    ]) {
      const context = await opened(service(recordsSiteUrl));
      expect(context.specs.map((s) => s.name)).not.toContain('ReferenceNumber');
      expect(context.status.itemName).toBe('Supplier agreement 2026.docx');
    }
  });
});

describe('a tenant whose sensitivity labels cannot be read', () => {
  it('still opens the document, with its file plan and status, and offers no classification', async () => {
    const withLabels = await opened(service());
    expect(withLabels.sensitivity?.options.length).toBeGreaterThan(0);
    const refused = refuse(/\/sensitivityLabels(\?|$)/, 403, 'accessDenied');
    try {
      const context = await opened(service());
      expect(refused.hits()).toBeGreaterThan(0);
      expect(context.sensitivity).toBeUndefined();
      expect(context.sensitivityCatalog).toBeUndefined();
      expect(context.labels.map((l) => l.name)).toEqual(withLabels.labels.map((l) => l.name));
      expect(context.status.retentionLabel).toEqual(withLabels.status.retentionLabel);
    } finally {
      refused.stop();
    }
  });
});
