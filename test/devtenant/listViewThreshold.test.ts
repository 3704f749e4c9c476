/* eslint-disable @typescript-eslint/no-explicit-any -- tests read Graph JSON as a client would, loosely. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fillListThroughStore } from '../support/fillListThroughStore';
import { expectGraphError, TestTenant, tokenWithScopes } from './helpers';

/**
 * SharePoint's list view threshold and indexed-column rule on Graph's list items
 * (`GET /sites/{s}/lists/{l}/items?$expand=fields&$filter=fields/X eq '...'`), as Microsoft 365 answers:
 * - a column that is not indexed, without `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`: 400 with the message
 *   reported verbatim in microsoftgraph/microsoft-graph-docs issue #2279;
 * - with that header, on a list of more than 5,000 items ("Manage large lists and libraries"): SharePoint's
 *   SPQueryThrottledException, "The attempted operation is prohibited because it exceeds the list view threshold."
 *   (pnp/pnpjs issue #3149; Graph's status and code are the dev tenant's choice, see docs/devtenant.md);
 * - indexed columns and the item id on any list; a column made indexed with columndefinition-update.
 */

const prefer = { prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };
const throttled = 'The attempted operation is prohibited because it exceeds the list view threshold.';
const notIndexed = (field: string): string =>
  `Field '${field}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`;

let t: TestTenant;
let dataDir: string;
let siteId: string;
let small: string;
let large: string;
/** More than the threshold by one. */
const largeCount = 5001;

async function createList(displayName: string): Promise<string> {
  const res = await t.call('site-owner', 'POST', `/v1.0/sites/${siteId}/lists`, {
    displayName,
    columns: [
      { name: 'Reference', text: {} },
      { name: 'Code', text: {}, indexed: true },
      // Changed only by the tests of columndefinition-update, so the others find the lists as made in any order.
      { name: 'Region', text: {} },
      { name: 'Stage', text: {}, indexed: true }
    ],
    list: { template: 'genericList' }
  });
  expect(res.status).toBe(201);
  return res.json.id;
}

const items = (listId: string, query: string) => `/v1.0/sites/${siteId}/lists/${listId}/items?$expand=fields&${query}`;
const references = (res: { json: any }): string[] => res.json.value.map((i: any) => i.fields.Reference);

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'devtenant-lvt-'));
  t = await TestTenant.start({ seed: 41, items: 60, dataDir });
  siteId = (await t.get('site-owner', '/v1.0/sites/custodiandev.sharepoint.com:/sites/finance')).json.id;
  small = await createList('Small Register');
  large = await createList('Large Register');
  for (const n of [1, 2, 3]) {
    const res = await t.call('site-owner', 'POST', `/v1.0/sites/${siteId}/lists/${small}/items`, {
      fields: { Title: `Entry ${n}`, Reference: `R-${n}`, Code: `C-${n}`, Region: `G-${n}`, Stage: `S-${n}` }
    });
    expect(res.status).toBe(201);
  }
  fillListThroughStore({
    dataDir,
    listId: large,
    count: largeCount,
    userId: (await t.get('site-owner', '/v1.0/me')).json.id,
    item: (num) => ({
      name: `${num}_.000`,
      fields: { Title: `Entry ${num}`, Reference: `R-${num}`, Code: `C-${num}`, Region: `G-${num}`, Stage: `S-${num}` }
    })
  });
}, 30_000);
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a column that is not indexed', () => {
  test('without the Prefer header: 400 invalidRequest with Graph’s message, whatever the size of the list', async () => {
    for (const listId of [small, large]) {
      const res = await t.get('site-owner', items(listId, "$filter=fields/Reference eq 'R-2'"));
      expectGraphError(res, 400, 'invalidRequest');
      expect(res.json.error.message).toBe(notIndexed('Reference'));
    }
  });

  test('$orderby on it is refused the same way', async () => {
    const res = await t.get('site-owner', items(small, '$orderby=fields/Reference desc'));
    expectGraphError(res, 400, 'invalidRequest');
    expect(res.json.error.message).toBe(notIndexed('Reference'));
  });

  test('one such column anywhere in the filter is enough, even beside an indexed one', async () => {
    const res = await t.get('site-owner', items(small, "$filter=fields/Code eq 'C-1' or not (fields/Reference eq 'R-1')"));
    expectGraphError(res, 400, 'invalidRequest');
    expect(res.json.error.message).toBe(notIndexed('Reference'));
  });

  // Microsoft's pages do not say Created or Modified are indexed by default, so the dev tenant treats them as not indexed.
  test('Created is not indexed unless someone indexes it', async () => {
    const res = await t.get('site-owner', items(small, "$filter=fields/Created ge '2000-01-01T00:00:00Z'"));
    expectGraphError(res, 400, 'invalidRequest');
    expect(res.json.error.message).toBe(notIndexed('Created'));
  });

  test('with the Prefer header on a list of at most 5,000 items: 200 and the matching items', async () => {
    const res = await t.get('site-owner', items(small, "$filter=fields/Reference eq 'R-2'"), prefer);
    expect(res.status).toBe(200);
    expect(references(res)).toEqual(['R-2']);
    const ordered = await t.get('site-owner', items(small, '$orderby=fields/Reference desc'), prefer);
    expect(ordered.status).toBe(200);
    expect(references(ordered)).toEqual(['R-3', 'R-2', 'R-1']);
  });

  test('with the Prefer header on a list of more than 5,000 items: the list view threshold error', async () => {
    for (const query of ["$filter=fields/Reference eq 'R-4321'", '$orderby=fields/Reference']) {
      const res = await t.get('site-owner', items(large, query), prefer);
      expectGraphError(res, 500, 'generalException');
      expect(res.json.error.message).toBe(throttled);
    }
  });

  test('the header counts per request inside $batch too', async () => {
    const url = `/sites/${siteId}/lists/${small}/items?$expand=fields&$filter=fields/Reference eq 'R-1'`;
    const res = await t.call('site-owner', 'POST', '/v1.0/$batch', {
      requests: [
        { id: '1', method: 'GET', url },
        { id: '2', method: 'GET', url, headers: prefer }
      ]
    });
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(res.json.responses.map((r: any) => [r.id, r]));
    expect(byId['1'].status).toBe(400);
    expect(byId['1'].body.error.message).toBe(notIndexed('Reference'));
    expect(byId['2'].status).toBe(200);
    expect(byId['2'].body.value.map((i: any) => i.fields.Reference)).toEqual(['R-1']);
  });
});

// SharePoint REST has no opt-in header: the same query is answered on a small list and refused past the threshold with
// SharePoint's own exception (pnp/pnpjs#3149: 500, "-2147024860, Microsoft.SharePoint.SPQueryThrottledException").
describe('SharePoint REST', () => {
  const restItems = (listId: string, query: string) => `/sites/finance/_api/web/lists(guid'${listId}')/items?${query}`;
  const accept = { accept: 'application/json;odata=nometadata' };

  test('a filter on a column that is not indexed works on a small list and hits the threshold on a large one', async () => {
    const fine = await t.get('site-owner', restItems(small, "$filter=Reference eq 'R-2'&$select=Reference"), accept);
    expect(fine.status).toBe(200);
    expect(fine.json.value.map((i: any) => i.Reference)).toEqual(['R-2']);
    const refused = await t.get('site-owner', restItems(large, "$filter=Reference eq 'R-2'&$select=Reference"), accept);
    expect(refused.status).toBe(500);
    expect(JSON.stringify(refused.json)).toContain('Microsoft.SharePoint.SPQueryThrottledException');
    expect(JSON.stringify(refused.json)).toContain(throttled);
    const indexed = await t.get('site-owner', restItems(large, "$filter=Code eq 'C-4321'&$select=Code"), accept);
    expect(indexed.json.value.map((i: any) => i.Code)).toEqual(['C-4321']);
  });
});

describe('indexed columns and the item id', () => {
  test('an indexed column filters a list of more than 5,000 items, without the header', async () => {
    const res = await t.get('site-owner', items(large, "$filter=fields/Code eq 'C-4321'"));
    expect(res.status).toBe(200);
    expect(references(res)).toEqual(['R-4321']);
  });

  test('the id is always indexed: id, fields/id and fields/ID', async () => {
    for (const filter of ['id eq 5001', 'fields/id eq 5001', 'fields/ID eq 5001']) {
      const res = await t.get('site-owner', items(large, `$filter=${filter}`));
      expect(res.status).toBe(200);
      expect(references(res)).toEqual(['R-5001']);
    }
  });
});

describe('making a column indexed (columndefinition-update)', () => {
  const columnsOf = async (listId: string): Promise<any[]> =>
    (await t.get('site-owner', `/v1.0/sites/${siteId}/lists/${listId}/columns`)).json.value;

  test('PATCH {"indexed": true} answers the column; then the large list filters on it without the header', async () => {
    const region = (await columnsOf(large)).find((c) => c.name === 'Region');
    expect(region.indexed).toBe(false);
    expectGraphError(await t.get('site-owner', items(large, "$filter=fields/Region eq 'G-4321'")), 400, 'invalidRequest');
    const res = await t.call('site-owner', 'PATCH', `/v1.0/sites/${siteId}/lists/${large}/columns/${region.id}`, { indexed: true });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: region.id, name: 'Region', indexed: true, text: {} });
    expect((await columnsOf(large)).find((c) => c.name === 'Region').indexed).toBe(true);
    const filtered = await t.get('site-owner', items(large, "$filter=fields/Region eq 'G-4321'"));
    expect(filtered.status).toBe(200);
    expect(references(filtered)).toEqual(['R-4321']);
    // Only that list's column changed.
    expectGraphError(await t.get('site-owner', items(small, "$filter=fields/Region eq 'G-1'")), 400, 'invalidRequest');
  });

  test('what can be set at creation can be changed; the name cannot; unknown properties are 400', async () => {
    const stage = (await columnsOf(small)).find((c) => c.name === 'Stage');
    const at = `/v1.0/sites/${siteId}/lists/${small}/columns/${stage.id}`;
    const changed = await t.call('site-owner', 'PATCH', at, {
      name: 'Stage',
      displayName: 'Case code',
      description: 'The case code',
      required: true,
      indexed: false
    });
    expect(changed.status).toBe(200);
    expect(changed.json).toMatchObject({
      name: 'Stage',
      displayName: 'Case code',
      description: 'The case code',
      required: true,
      indexed: false
    });
    const renamed = await t.call('site-owner', 'PATCH', at, { name: 'CaseCode' });
    expectGraphError(renamed, 400, 'invalidRequest');
    expect(renamed.json.error.message).toContain("'name'");
    const unknown = await t.call('site-owner', 'PATCH', at, { indexd: true });
    expectGraphError(unknown, 400, 'invalidRequest');
    expect(unknown.json.error.message).toContain("'indexd'");
    expectGraphError(await t.call('site-owner', 'PATCH', at, { indexed: 'yes' }), 400, 'invalidRequest');
    expectGraphError(await t.call('site-owner', 'PATCH', at, { hidden: true }), 501, 'notImplemented');
    expectGraphError(
      await t.call('site-owner', 'PATCH', `/v1.0/sites/${siteId}/lists/${small}/columns/${crypto.randomUUID()}`, { indexed: true }),
      404,
      'itemNotFound'
    );
  });

  // columndefinition-update: Sites.Manage.All (least privileged) or Sites.FullControl.All, as for list-post-columns.
  test('needs Sites.Manage.All or Sites.FullControl.All', async () => {
    const token = tokenWithScopes(dataDir, 'Sites.ReadWrite.All');
    const stage = (await columnsOf(small)).find((c) => c.name === 'Stage');
    const res = await t.call(
      null,
      'PATCH',
      `/v1.0/sites/${siteId}/lists/${small}/columns/${stage.id}`,
      { indexed: true },
      {
        authorization: `Bearer ${token}`
      }
    );
    expectGraphError(res, 403, 'accessDenied');
    expect(res.json.error.message).toContain('Sites.Manage.All');
  });
});
