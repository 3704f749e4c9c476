import { updateListItemFields } from '../../../../src/core/graph/listItems/updateListItemFields';
import type { GraphGateway } from '../../../../src/core/graph/GraphGateway';
import type { ListRef } from '../../../../src/core/graph/listItems/ListRef';
import { CustodianError } from '../../../../src/core/http/CustodianError';
import { readRetentionFacts, type RetentionFacts } from '../../../../src/core/services/index/readRetentionFacts';
import { recordSearchCsv } from '../../../../src/core/services/search/recordSearchCsv';
import { searchRecords } from '../../../../src/core/services/search/searchRecords';
import { startTestTenant, type TestTenant } from '../../support/devTenant';
import { hostileSingleLine } from '../support/hostile';
import { findLibrary, tenantNow } from '../index/testLibraries';

let tenant: TestTenant;
let manager: GraphGateway;
let invoices: ListRef;
let finance: ListRef;
let facts: RetentionFacts;

beforeAll(async () => {
  tenant = await startTestTenant(300);
  manager = tenant.graph('records-manager');
  invoices = await findLibrary(manager, '/sites/finance', 'Invoices');
  finance = await findLibrary(manager, '/sites/finance', 'Documents');
  facts = await readRetentionFacts(manager);
});
afterAll(() => tenant.close());

describe('searchRecords', () => {
  it('finds each item by a hostile asset id and hostile text, written through the KQL helpers', async () => {
    const all = await searchRecords(manager, [invoices], { created: { from: '1990-01-01' } }, { labels: facts.labels });
    const files = all.rows.filter((r) => r.name.includes('.'));
    const hostile = [...hostileSingleLine, '=HYPERLINK("http://evil")', "a' or fields/Title ne 'x"];
    for (let i = 0; i < hostile.length; i++) {
      await updateListItemFields(manager, invoices, files[i].itemId, { ComplianceAssetId: hostile[i], Title: hostile[i] });
    }
    for (let i = 0; i < hostile.length; i++) {
      const byAsset = await searchRecords(manager, [invoices, finance], { assetId: hostile[i] }, { labels: facts.labels });
      expect(byAsset.rows.map((r) => r.key)).toEqual([files[i].key]);
      const byText = await searchRecords(manager, [invoices], { text: hostile[i] }, { labels: facts.labels });
      expect(byText.rows.map((r) => r.key)).toContain(files[i].key);
    }
    const injected = await searchRecords(manager, [invoices], { text: "a' or fields/Title ne 'x" }, { labels: facts.labels });
    expect(injected.rows).toHaveLength(1);
    const csv = recordSearchCsv((await searchRecords(manager, [invoices], { text: '=HYPERLINK' }, { labels: facts.labels })).rows);
    expect(csv).toContain(`'=HYPERLINK`);
    expect(csv.startsWith('\uFEFFName,Title,Retention label')).toBe(true);
  });

  it('searches by label, descriptor and date range across libraries', async () => {
    const byDescriptor = await searchRecords(
      manager,
      [invoices, finance],
      { descriptor: { subCategory: 'accounts payable' } },
      { labels: facts.labels }
    );
    expect(byDescriptor.rows.length).toBeGreaterThan(0);
    expect(new Set(byDescriptor.rows.map((r) => r.labelName))).toEqual(new Set(['Invoices - 7 Years', 'Financial Records - 7 Years']));
    // Two whole years, seven and eight years back on the tenant's clock: the seed spreads creation dates over the 12
    // years before the day it was seeded.
    const year = new Date(await tenantNow(tenant.control)).getUTCFullYear();
    const yearsAgo = (n: number): string => `${year - n}`;
    const [from, to] = [`${yearsAgo(8)}-01-01`, `${yearsAgo(7)}-12-31`];
    const ranged = await searchRecords(
      manager,
      [invoices, finance],
      { labels: ['Invoices - 7 Years'], created: { from, to } },
      { labels: facts.labels }
    );
    expect(ranged.rows.length).toBeGreaterThan(0);
    for (const row of ranged.rows) {
      expect(row.labelName).toBe('Invoices - 7 Years');
      expect(row.created >= from && row.created <= `${to}T23:59:59.999Z`).toBe(true);
      expect(row.department).toBe('Finance');
    }
    const none = await searchRecords(manager, [invoices], { descriptor: { department: 'Nobody' } }, { labels: facts.labels });
    expect(none).toMatchObject({ rows: [], note: expect.stringContaining('descriptors') });
    await expect(searchRecords(manager, [invoices], {}, { labels: facts.labels })).rejects.toBeInstanceOf(CustodianError);
    await expect(searchRecords(manager, [invoices], { created: { from: 'yesterday' } }, { labels: facts.labels })).rejects.toMatchObject({
      code: 'invalidSearch'
    });
  });
});
