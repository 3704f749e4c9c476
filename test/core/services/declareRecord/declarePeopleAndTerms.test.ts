import type { FilePlanLabel } from '../../../../src/core/domain/filePlanLabel';
import { CustodianError } from '../../../../src/core/http/CustodianError';
import { getRetentionLabel } from '../../../../src/core/graph/driveItems/getRetentionLabel';
import { getSiteByUrl } from '../../../../src/core/graph/sites/getSiteByUrl';
import { declareRecord, type DeclareRecordContext } from '../../../../src/core/services/declareRecord';
import { resolveDocument, type ResolvedDocument } from '../../../../src/core/services/resolveDocument';
import { startServicesTenant, type Library, type ServicesTenant } from '../support/servicesTenant';

let tenant: ServicesTenant;
let library: Library;
let filePlan: FilePlanLabel[];
let colleague: string;
const termId = '0b7d4c1e-2f3a-4b5c-9d6e-7f8091a2b3c4';
const now = Date.UTC(2026, 0, 15, 9, 0, 0);
const label = 'Health and Safety - 40 Years';

beforeAll(async () => {
  tenant = await startServicesTenant(20);
  const owner = tenant.graph('site-owner');
  const siteId = String((await getSiteByUrl(owner, `${tenant.url}/sites/legal`)).id);
  await owner.call({
    method: 'POST',
    url: `/sites/${encodeURIComponent(siteId)}/lists`,
    body: {
      displayName: 'Matter Files',
      columns: [
        { name: 'MatterOwner', displayName: 'Matter owner', personOrGroup: {} },
        { name: 'Region', displayName: 'Region', term: {} },
        { name: 'Reference', displayName: 'Reference', text: {} }
      ],
      list: { template: 'documentLibrary' }
    },
    action: 'create the library'
  });
  library = await tenant.library('/sites/legal', 'Matter Files');
  filePlan = await tenant.filePlan();
  const me = await tenant
    .graph('site-owner')
    .call<{ mail?: string; userPrincipalName: string }>({ method: 'GET', url: '/me', action: 'read me' });
  colleague = me.mail || me.userPrincipalName;
});
afterAll(() => tenant.close());

async function newDocument(name: string): Promise<ResolvedDocument> {
  const item = await tenant.upload(library, name);
  const r = await resolveDocument(tenant.graph('office-worker'), item.webUrl!);
  if (!r.found) throw new Error(r.why);
  return r.document;
}

const context = (withSharePoint = true): DeclareRecordContext => ({
  filePlan,
  now,
  intervalMs: 20,
  ...(withSharePoint ? { sharePoint: tenant.site('office-worker', '/sites/legal') } : {})
});

async function fieldsOf(doc: ResolvedDocument): Promise<Record<string, unknown>> {
  const ref = doc.listItem!;
  const item = await tenant.graph('office-worker').call<{ fields: Record<string, unknown> }>({
    method: 'GET',
    url: `/sites/${encodeURIComponent(ref.list.siteId)}/lists/${ref.list.listId}/items/${ref.id}?$expand=fields`,
    action: 'read the item'
  });
  return item.fields;
}

describe('declareRecord with person and managed metadata columns', () => {
  it('writes the person and the term through SharePoint, the text through Graph, then labels; reads them back', async () => {
    const doc = await newDocument('Lease.docx');
    const result = await declareRecord(
      tenant.graph('office-worker'),
      doc,
      {
        retentionLabel: label,
        fields: {
          Reference: 'L-42',
          MatterOwner: { kind: 'person', email: colleague },
          Region: { kind: 'term', label: 'EMEA', termId }
        }
      },
      context()
    );
    if (result.status === 'refused') throw result.error;
    expect(result.steps.map((s) => [s.step, s.status])).toEqual([
      ['fields', 'done'],
      ['peopleAndTerms', 'done'],
      ['retentionLabel', 'done'],
      ['lock', 'unchanged'],
      ['sensitivityLabel', 'unchanged']
    ]);
    expect(result.status).toBe('declared');
    const fields = await fieldsOf(doc);
    expect(fields.Reference).toBe('L-42');
    expect(fields.MatterOwner).toMatchObject({ Email: colleague });
    expect(fields.Region).toEqual({ Label: 'EMEA', TermGuid: termId, WssId: -1 });
    expect(await getRetentionLabel(tenant.graph('office-worker'), doc.ref)).toMatchObject({ name: label });
  });

  it('refuses a person who does not exist, naming the field; the label is not sent', async () => {
    const doc = await newDocument('Unknown owner.docx');
    const result = await declareRecord(
      tenant.graph('office-worker'),
      doc,
      { retentionLabel: label, fields: { MatterOwner: { kind: 'person', email: 'nobody@nowhere.example' } } },
      context()
    );
    if (result.status === 'refused') throw result.error;
    expect(result.status).toBe('partial');
    expect(result.steps.map((s) => [s.step, s.status])).toEqual([
      ['fields', 'unchanged'],
      ['peopleAndTerms', 'failed'],
      ['retentionLabel', 'notAttempted'],
      ['lock', 'unchanged'],
      ['sensitivityLabel', 'unchanged']
    ]);
    const error = result.steps[1].error;
    expect(error).toBeInstanceOf(CustodianError);
    expect(error).toMatchObject({ source: 'sharepoint', code: 'fieldValueRefused' });
    expect(error!.why).toContain("'MatterOwner'");
    expect(error!.what).toContain('Unknown owner.docx');
    expect((await fieldsOf(doc)).MatterOwner ?? null).toBeNull();
    expect((await getRetentionLabel(tenant.graph('office-worker'), doc.ref))?.name ?? null).toBeNull();
  });

  it('refuses people and terms before any request when SharePoint is not available', async () => {
    const doc = await newDocument('No SharePoint.docx');
    const result = await declareRecord(
      tenant.graph('office-worker'),
      doc,
      { retentionLabel: label, fields: { Region: { kind: 'term', label: 'EMEA', termId } } },
      context(false)
    );
    expect(result).toMatchObject({ status: 'refused', error: { status: 0, code: 'sharePointNotAvailable' } });
  });
});
