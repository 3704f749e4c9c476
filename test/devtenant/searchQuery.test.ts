/* eslint-disable @typescript-eslint/no-explicit-any -- tests read Graph JSON as a client would, loosely. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expectGraphError, TestTenant, tokenWithScopes } from './helpers';

/**
 * `POST /search/query` (https://learn.microsoft.com/graph/api/search-query): paging with from and size, the documented
 * limits and refusals, permissions, entity types, freshness, and values that must be matched as written.
 */

let t: TestTenant;
let dataDir: string;
let siteId: string;
let listId: string;
let driveId: string;

/** Values a person may well type into a title or an asset id; each must be found as written. */
const hostile = [
  `O'Brien "Q3" report`,
  'Invoice #42 – 15% discount',
  'Budget 🚀 launch',
  'תקציב שנתי 2024',
  'تقرير سنوي',
  '100% <b>bold</b> & more',
  "d'Artagnan's file"
];

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'devtenant-search-'));
  t = await TestTenant.start({ seed: 31, items: 150, dataDir });
  const site = await t.get('site-owner', '/v1.0/sites/custodiandev.sharepoint.com:/sites/finance');
  siteId = site.json.id;
  driveId = (await t.get('site-owner', `/v1.0/sites/${siteId}/drive`)).json.id;
  const list = await t.call('site-owner', 'POST', `/v1.0/sites/${siteId}/lists`, {
    displayName: 'Search Cases',
    columns: [],
    list: { template: 'genericList' }
  });
  listId = list.json.id;
  for (const [i, title] of hostile.entries()) {
    const res = await t.call('site-owner', 'POST', `/v1.0/sites/${siteId}/lists/${listId}/items`, {
      fields: { Title: title, ComplianceAssetId: `${title} #${i}` }
    });
    expect(res.status).toBe(201);
  }
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function body(queryString: string, extra: Record<string, unknown> = {}): unknown {
  return { requests: [{ entityTypes: ['listItem'], query: { queryString }, ...extra }] };
}

async function search(
  queryString: string,
  extra: Record<string, unknown> = {},
  persona: 'records-manager' | 'office-worker' = 'records-manager'
) {
  return t.call(persona, 'POST', '/v1.0/search/query', body(queryString, extra));
}

const container = (res: { json: any }) => res.json.value[0].hitsContainers[0];

describe('paging with from and size', () => {
  // search-api-overview, "Page search results": from is the 0-based start, size the page (default 25); total and moreResultsAvailable (searchHitsContainer).
  test('pages of 7 read one after another are the whole result once, in one order, ranks counting on', async () => {
    const whole = await search('IsDocument:true', { size: 500 });
    const total = container(whole).total;
    expect(total).toBeGreaterThan(30);
    expect(container(whole).hits).toHaveLength(total);
    const ids: string[] = [];
    for (let from = 0; from < total; from += 7) {
      const page = await search('IsDocument:true', { from, size: 7 });
      const c = container(page);
      expect(c.total).toBe(total);
      expect(c.moreResultsAvailable).toBe(from + 7 < total);
      expect(c.hits.map((h: any) => h.rank)).toEqual(c.hits.map((_: any, i: number) => from + i + 1));
      ids.push(...c.hits.map((h: any) => h.hitId));
    }
    expect(ids).toEqual(container(whole).hits.map((h: any) => h.hitId));
    expect(new Set(ids).size).toBe(total);
  });

  // search-api-overview: "The default is 25 results."
  test('without size a page holds 25', async () => {
    expect(container(await search('*')).hits).toHaveLength(25);
  });

  test('a page past the end has no hits and nothing more', async () => {
    const c = container(await search('IsDocument:true', { from: 100000, size: 10 }));
    expect(c.hits).toBeUndefined();
    expect(c.moreResultsAvailable).toBe(false);
    expect(c.total).toBeGreaterThan(0);
  });

  // search-api-overview, "Sort search results": sortProperties with isDescending; an unknown or unsortable property is 400.
  test('sortProperties orders the hits; an unknown property is a 400', async () => {
    const res = await search('IsDocument:true', {
      size: 50,
      fields: ['Created'],
      sortProperties: [{ name: 'Created', isDescending: true }]
    });
    const dates = container(res).hits.map((h: any) => h.resource.fields.created as string);
    expect(dates).toEqual([...dates].sort().reverse());
    expectGraphError(await search('*', { sortProperties: [{ name: 'Colour' }] }), 400, 'invalidRequest');
  });
});

describe('limits and refusals Microsoft documents', () => {
  // searchRequest resource, size: "The maximum value is 500."
  test('size 500 is served, 501 is a 400', async () => {
    expect((await search('*', { size: 500 })).status).toBe(200);
    const over = await search('*', { size: 501 });
    expectGraphError(over, 400, 'invalidRequest');
    expect(over.json.error.message).toContain('500');
    expectGraphError(await search('*', { from: -1 }), 400, 'invalidRequest');
  });

  // search-api-overview, "Known limitations": one searchRequest at a time; entity types combine only as its table allows.
  test('two requests, or message with driveItem, are 400; site is not served here (501)', async () => {
    const two = await t.call('records-manager', 'POST', '/v1.0/search/query', {
      requests: [(body('*') as any).requests[0], (body('*') as any).requests[0]]
    });
    expectGraphError(two, 400, 'invalidRequest');
    expectGraphError(await search('*', { entityTypes: ['message', 'driveItem'] }), 400, 'invalidRequest');
    expectGraphError(await search('*', { entityTypes: ['site'] }), 501, 'notImplemented');
    expectGraphError(await search('*', { aggregations: [{ field: 'FileType', size: 5 }] }), 501, 'notImplemented');
  });

  // search-api-overview, "Get selected properties": "Invalid fields in the request are silently ignored."
  test('fields the index does not keep are left out, not refused', async () => {
    const hit = container(await search('*', { size: 1, fields: ['NoSuchProperty', 'Title'] })).hits[0];
    expect(Object.keys(hit.resource.fields)).toEqual(['title']);
  });
});

describe('permissions', () => {
  const tokenWith = (scopes: string): string => tokenWithScopes(dataDir, scopes);

  async function searchAs(token: string, entityTypes: string[]) {
    return t.call(
      null,
      'POST',
      '/v1.0/search/query',
      { requests: [{ entityTypes, query: { queryString: '*' } }] },
      { authorization: `Bearer ${token}` }
    );
  }

  // search-api-overview, "Scope search based on entity types": driveItem needs Files.Read.All or Sites.Read.All (or their ReadWrite); listItem Sites.Read.All or Sites.ReadWrite.All.
  test('Files.Read.All searches files but not list items; User.Read alone searches nothing', async () => {
    const files = tokenWith('User.Read Files.Read.All');
    expect((await searchAs(files, ['driveItem'])).status).toBe(200);
    const listItems = await searchAs(files, ['listItem']);
    expectGraphError(listItems, 403, 'accessDenied');
    expect(listItems.json.error.message).toContain('Sites.Read.All');
    expectGraphError(await searchAs(tokenWith('User.Read'), ['driveItem']), 403, 'accessDenied');
    expect((await searchAs(tokenWith('User.Read Sites.Read.All'), ['listItem'])).status).toBe(200);
  });
});

describe('entity types', () => {
  // search-concept-files, example 4: "matches that are files and folders as driveItem objects ... and all other matches as listItem";
  // search-api-overview: "files and folders are also returned as list items".
  test('driveItem finds library items only; with listItem too, list items come as listItem', async () => {
    const q = 'ComplianceAssetId:*';
    const drive = container(await search(q, { entityTypes: ['driveItem'], size: 500 }));
    const both = container(await search(q, { entityTypes: ['driveItem', 'listItem'], size: 500 }));
    const list = container(await search(q, { size: 500 }));
    expect(drive.hits.every((h: any) => h.resource['@odata.type'] === '#microsoft.graph.driveItem')).toBe(true);
    expect(list.hits.every((h: any) => h.resource['@odata.type'] === '#microsoft.graph.listItem')).toBe(true);
    expect(both.total).toBe(list.total);
    const ours = both.hits.filter((h: any) => h.resource.parentReference.sharepointIds.listId === listId);
    expect(ours).toHaveLength(hostile.length);
    expect(ours.every((h: any) => h.resource['@odata.type'] === '#microsoft.graph.listItem')).toBe(true);
    const asListItems = both.hits.filter((h: any) => h.resource['@odata.type'] === '#microsoft.graph.listItem');
    expect(drive.total).toBe(both.total - asListItems.length);
    const uniqueIds = (hits: any[]) => hits.map((h: any) => h.resource.parentReference.sharepointIds.listItemUniqueId).sort();
    expect(uniqueIds(drive.hits)).toEqual(uniqueIds(both.hits.filter((h: any) => !asListItems.includes(h))));
  });
});

describe('values matched as written', () => {
  // KQL reference, Table 2: ":" returns results where the value "is equal to the property value"; quotes delimit a phrase.
  test.each(hostile.map((title, i) => [title, i]))('ComplianceAssetId:"%s #…" finds that item and no other', async (title, i) => {
    const assetId = `${String(title)} #${Number(i)}`;
    if (assetId.includes('"')) {
      // A double quotation mark cannot stand inside a KQL phrase; its prefix up to the quote finds the item.
      const prefix = assetId.slice(0, assetId.indexOf('"'));
      const c = container(await search(`ComplianceAssetId:"${prefix}"*`, { fields: ['ComplianceAssetId'] }));
      expect(c.hits.map((h: any) => h.resource.fields.complianceAssetId)).toEqual([assetId]);
      return;
    }
    const c = container(await search(`ComplianceAssetId:"${assetId}"`, { fields: ['ComplianceAssetId', 'Title'] }));
    expect(c.total).toBe(1);
    expect(c.hits[0].resource.fields).toEqual({ complianceAssetId: assetId, title: title });
  });

  // KQL reference, "Using phrases in the free-text KQL query": words next to each other, in order.
  test('free text in other scripts and emoji finds the titles holding those words', async () => {
    const titles = async (q: string) =>
      (container(await search(q, { fields: ['Title'] })).hits ?? []).map((h: any) => h.resource.fields.title);
    expect(await titles('"Budget 🚀"')).toEqual(['Budget 🚀 launch']);
    expect(await titles('שנתי')).toEqual(['תקציב שנתי 2024']);
    expect(await titles('"تقرير سنوي"')).toEqual(['تقرير سنوي']);
    const obrien = await titles(`"O'Brien"`);
    expect(obrien).toContain(`O'Brien "Q3" report`);
    for (const title of obrien) expect(title).toContain(`O'Brien`);
    // `#` separates words, as in any full-text index: "#42" is the word 42, and the phrase keeps it next to Invoice.
    expect(await titles('"Invoice #42"')).toEqual(['Invoice #42 – 15% discount']);
  });
});

describe('freshness', () => {
  // search-api-overview: results are what the user could GET; a label applied through Graph (driveitem-setretentionlabel) is found by the next query.
  test('a label set and an item deleted through Graph show in the next query', async () => {
    const labels = (await t.get('records-manager', '/v1.0/security/labels/retentionLabels')).json.value;
    const label = labels.find((l: any) => l.behaviorDuringRetentionPeriod === 'retain').displayName;
    const uploaded = await t.call('site-owner', 'PUT', `/v1.0/drives/${driveId}/root:/Fresh search.txt:/content`, 'hello', {
      'content-type': 'text/plain'
    });
    expect(uploaded.status).toBe(201);
    const itemId = uploaded.json.id;
    const findIt = async () =>
      (container(await search(`ComplianceTag:"${label}" Filename:"Fresh search.txt"`, { entityTypes: ['driveItem'] })).hits ?? []).map(
        (h: any) => h.resource.id
      );
    expect(await findIt()).toEqual([]);
    const set = await t.call('site-owner', 'PATCH', `/v1.0/drives/${driveId}/items/${itemId}/retentionLabel`, { name: label });
    expect(set.status).toBeLessThan(300);
    expect(await findIt()).toEqual([itemId]);
    expect((await t.call('site-owner', 'DELETE', `/v1.0/drives/${driveId}/items/${itemId}`)).status).toBe(204);
    expect(await findIt()).toEqual([]);
  });
});
