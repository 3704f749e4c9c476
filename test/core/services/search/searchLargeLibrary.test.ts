// The attack: a library past SharePoint's 5,000-item list view threshold, which is where a records search matters most.
// Outside truth: the items written into the library (5,200 of them, a known share labelled), and Microsoft's documented
// behaviour for such a library: a $filter on a column that is not indexed fails past the threshold even with the
// non-indexed preference (the dev tenant answers it as SharePoint does, test/devtenant/listViewThreshold.test.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findListItemsCall } from '../../../../src/core/graph/listItems/findListItems';
import { listAll } from '../../../../src/core/graph/iteratePages';
import type { ListRef } from '../../../../src/core/graph/listItems/ListRef';
import { getListDrive } from '../../../../src/core/graph/lists/getListDrive';
import { getSignedInUser } from '../../../../src/core/graph/users/getSignedInUser';
import { quoteODataString } from '../../../../src/core/http/quoteODataString';
import { readRetentionFacts } from '../../../../src/core/services/index/readRetentionFacts';
import { searchRecords } from '../../../../src/core/services/search/searchRecords';
import { fillListThroughStore } from '../../../support/fillListThroughStore';
import { startTestTenant, type TestTenant } from '../../support/devTenant';
import { findLibrary } from '../index/testLibraries';

jest.setTimeout(120_000);

let tenant: TestTenant;
let dataDir: string;
let invoices: ListRef;
let firstNum: number;
const added = 5_200;
/** Every seventh item carries the label searched for; the others another one. */
const labelled = (num: number): boolean => num % 7 === 0;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodian-search-'));
  tenant = await startTestTenant(40, { dataDir });
  const manager = tenant.graph('records-manager');
  invoices = await findLibrary(manager, '/sites/finance', 'Invoices');
  const drive = await getListDrive(manager, invoices);
  const root = await manager.call<{ id: string }>({
    method: 'GET',
    url: `/drives/${String(drive.id)}/root`,
    action: 'read the root folder'
  });
  // After every seeded item's number, so none is reused.
  firstNum = 1_000;
  fillListThroughStore({
    dataDir,
    listId: invoices.listId,
    parentId: root.id,
    firstNum,
    count: added,
    userId: String((await getSignedInUser(manager)).id),
    item: (num) => ({
      name: `Bulk invoice ${num}.pdf`,
      fields: { Title: `Bulk invoice ${num}` },
      label: labelled(num) ? 'Invoices - 7 Years' : 'Financial Records - 7 Years'
    })
  });
});
afterAll(async () => {
  await tenant.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('records search in a library past the list view threshold', () => {
  it('finds every labelled item through Microsoft Search, where a filter on the label column is refused', async () => {
    const manager = tenant.graph('records-manager');
    const facts = await readRetentionFacts(manager);
    const result = await searchRecords(
      manager,
      [invoices],
      { labels: ['Invoices - 7 Years'], text: 'Bulk invoice' },
      { labels: facts.labels }
    );
    const bulk = result.rows.filter((r) => r.name.startsWith('Bulk invoice '));
    const expected = Array.from({ length: added }, (_, i) => firstNum + i)
      .filter(labelled)
      .map((num) => `Bulk invoice ${num}.pdf`);
    expect(result.truncated).toBe(false);
    expect(bulk.map((r) => r.name).sort()).toEqual(expected.sort());
    expect(bulk.every((r) => r.labelName === 'Invoices - 7 Years' && r.department === 'Finance')).toBe(true);

    // What Custodian did before: a $filter on the hidden label column, with the non-indexed preference.
    const filter = `fields/_ComplianceTag eq ${quoteODataString('Invoices - 7 Years')}`;
    await expect(
      listAll(manager, { ...findListItemsCall(invoices, filter), headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } })
    ).rejects.toMatchObject({ status: 500, serviceMessage: expect.stringContaining('list view threshold') });
  });
});
