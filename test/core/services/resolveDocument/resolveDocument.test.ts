import { resolveDocument } from '../../../../src/core/services/resolveDocument';
import { classifyDocumentUrl } from '../../../../src/core/services/resolveDocument/classifyDocumentUrl';
import { hostileFileNames } from '../support/hostile';
import { logRequests } from '../support/requestLog';
import { startServicesTenant, type Library, type ServicesTenant } from '../support/servicesTenant';

let tenant: ServicesTenant;
let records: Library;
beforeEach(async () => {
  tenant = await startServicesTenant();
  records = await tenant.library('/sites/records', 'Records');
});
afterEach(() => tenant.close());

describe('resolveDocument', () => {
  it('gives a clear result, and sends nothing, for a document that is not in SharePoint or OneDrive', async () => {
    const log = logRequests(tenant.url);
    try {
      for (const [url, reason] of [
        ['', 'notSaved'],
        [undefined, 'notSaved'],
        ['C:\\Users\\ana\\Documents\\Plan.docx', 'notSaved'],
        ['\\\\fileserver\\share\\Plan.docx', 'notSaved'],
        ['file:///home/ana/Plan.docx', 'notSaved'],
        ['https://example.com/docs/Plan.docx', 'notSharePoint'],
        ['ftp://contoso.sharepoint.com/Plan.docx', 'notSharePoint']
      ] as const) {
        const result = await resolveDocument(tenant.graph('office-worker'), url);
        expect(result).toMatchObject({ found: false, reason });
        if (!result.found) expect(result.whatToDo).toMatch(/Save it/);
      }
      expect(log.count()).toBe(0);
    } finally {
      log.stop();
    }
  });

  it('knows SharePoint hosts in every cloud and the vanity hosts it is told about', () => {
    expect(classifyDocumentUrl('https://contoso.sharepoint.com/sites/x/Doc.docx').ok).toBe(true);
    expect(classifyDocumentUrl('https://contoso-my.sharepoint.us/personal/a/Doc.docx').ok).toBe(true);
    expect(classifyDocumentUrl('https://docs.contoso.com/Doc.docx').ok).toBe(false);
    expect(classifyDocumentUrl('https://docs.contoso.com/Doc.docx', ['docs.contoso.com']).ok).toBe(true);
    expect(classifyDocumentUrl('not a url')).toMatchObject({ ok: false, reason: 'notSaved' });
  });

  it('resolves documents with hostile names to the item, its fields, label and sensitivity labels', async () => {
    for (const base of hostileFileNames) {
      const item = await tenant.upload(records, `${base}.docx`);
      const result = await resolveDocument(tenant.graph('office-worker'), item.webUrl!);
      if (!result.found) throw new Error(result.why);
      const doc = result.document;
      expect(doc).toMatchObject({ name: `${base}.docx`, ref: { driveId: records.driveId, itemId: item.id }, retentionLabel: null });
      expect(doc.listItem).toMatchObject({ list: { siteId: records.siteId, listId: records.listId } });
      expect(doc.listItem!.fields.FileLeafRef).toBe(`${base}.docx`);
      expect(doc.listItem!.eTag).toMatch(/\S/);
      expect(doc.sensitivityLabels).toEqual([]);
      expect(doc.record).toEqual({ behavior: null, isLocked: false });
      expect(doc.restrictions.delete.allowed).toBe(true);
    }
  });

  it("explains a locked record's delete without attempting it", async () => {
    const url = `${records.siteUrl}/Records/${encodeURIComponent('Regulatory Return Q4 2019 - SEC.pdf')}`;
    const log = logRequests(tenant.url);
    try {
      const result = await resolveDocument(tenant.graph('office-worker'), url);
      if (!result.found) throw new Error(result.why);
      const doc = result.document;
      expect(doc.retentionLabel?.name).toBe('Regulatory Filings - 10 Years');
      expect(doc.record).toEqual({ behavior: 'retainAsRegulatoryRecord', isLocked: true });
      expect(doc.restrictions.delete).toEqual({
        allowed: false,
        code: 'regulatoryRecord',
        reason: 'A regulatory record cannot be deleted while its retention period lasts.'
      });
      expect(doc.restrictions.relabel).toMatchObject({ allowed: false, code: 'regulatoryRecord' });
      expect(log.requests.filter((r) => r.method === 'DELETE' || r.inner.some((i) => i.method === 'DELETE'))).toEqual([]);
      // Two requests to Graph (the share, then one batch); the persona's sign-in is not one of them.
      expect(log.requests.filter((r) => !r.url.startsWith(`${tenant.url}/devtenant/token`))).toHaveLength(2);
    } finally {
      log.stop();
    }
  });

  it('says a document Graph cannot find was not found, rather than failing', async () => {
    const result = await resolveDocument(
      tenant.graph('office-worker'),
      `${records.siteUrl}/Records/${encodeURIComponent("Gone 'away' #1.docx")}`
    );
    expect(result).toMatchObject({ found: false, reason: 'notFound' });
  });
});
