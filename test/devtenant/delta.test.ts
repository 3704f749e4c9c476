/* eslint-disable @typescript-eslint/no-explicit-any -- tests read Graph JSON as a client would, loosely. */
import { TestTenant } from './helpers';

/**
 * Delta on list items and drives (listitem-delta, driveitem-delta): the links keep the first request's query
 * options (delta-query-overview: "Microsoft Graph automatically encodes the specified parameter into the
 * @odata.nextLink or @odata.deltaLink"), and a round visits each item once even when items change between pages.
 */

let t: TestTenant;
let site: any;
let invoices: any;
let drive: any;
let base: string;

beforeAll(async () => {
  t = await TestTenant.start({ seed: 5, items: 600 });
  site = (await t.get('records-manager', '/v1.0/sites/custodiandev.sharepoint.com:/sites/finance')).json;
  invoices = (await t.get('records-manager', `/v1.0/sites/${site.id}/lists/Invoices?$expand=drive`)).json;
  drive = invoices.drive;
  base = `/v1.0/sites/${site.id}/lists/${invoices.id}/items`;
});
afterAll(() => t.close());

/** A client that only follows the links it is given: it never adds an option of its own. */
async function follow(
  first: string,
  onPage: (page: any, index: number) => Promise<void> | void = () => undefined
): Promise<{ items: any[]; deltaLink: string; pages: any[] }> {
  const items: any[] = [];
  const pages: any[] = [];
  let url: string | undefined = first;
  while (url) {
    const res = await t.get('records-manager', url);
    expect(res.status).toBe(200);
    pages.push(res.json);
    items.push(...res.json.value);
    await onPage(res.json, pages.length - 1);
    if (res.json['@odata.nextLink']) {
      expect(res.json['@odata.deltaLink']).toBeUndefined();
      url = (res.json['@odata.nextLink'] as string).slice(t.url.length);
    } else {
      url = undefined;
      return { items, pages, deltaLink: (res.json['@odata.deltaLink'] as string).slice(t.url.length) };
    }
  }
  throw new Error('unreachable');
}

/** Property names, without instance annotations (`@odata.etag`), which `$select` does not remove. */
function properties(item: any): string[] {
  return Object.keys(item)
    .filter((k) => !k.startsWith('@'))
    .sort();
}

async function allIds(): Promise<any[]> {
  return (await t.get('records-manager', `${base}?$expand=fields($select=_IsRecord)&$top=999`)).json.value;
}

async function setTitle(id: string, title: string): Promise<void> {
  const res = await t.call('records-manager', 'PATCH', `${base}/${id}/fields`, { Title: title });
  expect(res.status).toBe(200);
}

describe('list item delta links keep the query options', () => {
  test('every page and the next round carry the selected fields', async () => {
    const options = `$expand=${encodeURIComponent('fields($select=Title,ComplianceAssetId)')}&$select=id,fields&$top=7`;
    const round = await follow(`${base}/delta?${options}`);
    expect(round.pages.length).toBeGreaterThan(2);
    for (const page of round.pages) expect(page.value.length).toBeLessThanOrEqual(7);
    for (const page of round.pages.slice(0, -1)) expect(page['@odata.nextLink']).toContain(options);
    expect(round.deltaLink).toContain(options);
    for (const item of round.items) {
      expect(properties(item)).toEqual(['fields', 'id']);
      expect(Object.keys(item.fields).sort()).toEqual(['@odata.etag', 'ComplianceAssetId', 'Title']);
    }

    const target = (await allIds()).find((i) => !i.fields._IsRecord);
    await setTitle(target.id, 'Changed after the first round');
    const next = await follow(round.deltaLink);
    expect(next.items.map((i) => i.id)).toEqual([target.id]);
    expect(properties(next.items[0].fields)).toEqual(['ComplianceAssetId', 'Title']);
    expect(next.items[0].fields.Title).toBe('Changed after the first round');
    expect(next.deltaLink).toContain(options);
    const quiet = await follow(next.deltaLink);
    expect(quiet.items).toEqual([]);
  });

  test('token=latest, a refused token and a $skiptoken', async () => {
    const latest = await t.get('records-manager', `${base}/delta?token=latest&$expand=fields`);
    expect(latest.json.value).toEqual([]);
    expect(latest.json['@odata.deltaLink']).toMatch(/[?&]\$expand=fields&token=/);
    const gone = await t.get('records-manager', `${base}/delta?$expand=fields&token=bm9wZQ`);
    expect(gone.status).toBe(410);
    expect(gone.json.error.code).toBe('resyncRequired');
    expect(gone.headers.get('location')).toBe(`${t.url}${base}/delta?$expand=fields`);
    const skip = await t.get('records-manager', `${base}/delta?$skiptoken=${encodeURIComponent('bzoxMA')}`);
    expect(skip.status).toBe(400);
    expect(skip.json.error.innerError.code).toBe('unsupportedQueryOption');
  });
});

describe('a delta round visits each item once', () => {
  test('a full enumeration, with items changed, created and deleted between its pages', async () => {
    const before = await allIds();
    const editable = before.filter((i) => !i.fields._IsRecord);
    expect(editable.length).toBeGreaterThan(30);
    const seenEarly = new Set<string>();
    const changedLater: string[] = [];
    let created = '';
    let deleted = '';
    const round = await follow(`${base}/delta?$expand=fields&$top=10`, async (page, index) => {
      for (const item of page.value) seenEarly.add(item.id);
      if (index !== 0) return;
      // After the first page: change an item already seen and one not seen yet, add one, delete one not seen yet.
      const seen = editable.find((i) => seenEarly.has(i.id));
      const unseen = editable.filter((i) => !seenEarly.has(i.id));
      await setTitle(seen.id, 'changed while paging (seen)');
      await setTitle(unseen[0].id, 'changed while paging (unseen)');
      changedLater.push(seen.id, unseen[0].id);
      const removed = await t.get('records-manager', `${base}/${unseen[unseen.length - 1].id}/driveItem`);
      expect((await t.call('records-manager', 'DELETE', `/v1.0/drives/${drive.id}/items/${removed.json.id}`)).status).toBe(204);
      deleted = unseen[unseen.length - 1].id;
      const upload = await t.call('records-manager', 'PUT', `/v1.0/drives/${drive.id}/root:/Invoice INV-NEW-1.pdf:/content`, 'x', {
        'content-type': 'application/pdf'
      });
      expect(upload.status).toBe(201);
      created = (await t.get('records-manager', `/v1.0/drives/${drive.id}/items/${upload.json.id}/listItem`)).json.id;
    });
    const ids = round.items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    const expected = [...before.map((i) => i.id).filter((id) => id !== deleted), created];
    expect([...ids].sort()).toEqual([...expected].sort());
    expect(round.items.every((i) => i.fields && !i.deleted)).toBe(true);
    expect(round.items.find((i) => i.id === changedLater[1]).fields.Title).toBe('changed while paging (unseen)');

    // What changed during the round is reported by the next one.
    const next = await follow(round.deltaLink);
    const nextIds = next.items.map((i) => i.id);
    expect(nextIds).toEqual(expect.arrayContaining([...changedLater, created, deleted]));
    expect(next.items.find((i) => i.id === deleted).deleted).toEqual({ state: 'deleted' });
    expect(next.items.find((i) => i.id === changedLater[0]).fields.Title).toBe('changed while paging (seen)');
  });

  test('a round of changes, with items changed again between its pages', async () => {
    const start = await follow(`${base}/delta?token=latest&$expand=fields&$top=10`);
    const editable = (await allIds()).filter((i) => !i.fields._IsRecord).slice(0, 25);
    for (const [n, item] of editable.entries()) await setTitle(item.id, `round change ${n}`);
    const seen = new Set<string>();
    const again: string[] = [];
    const round = await follow(start.deltaLink, async (page, index) => {
      for (const item of page.value) seen.add(item.id);
      if (index !== 0) return;
      const unseen = editable.find((i) => !seen.has(i.id));
      await setTitle(page.value[0].id, 'changed again (seen)');
      await setTitle(unseen.id, 'changed again (unseen)');
      again.push(page.value[0].id, unseen.id);
    });
    expect(round.pages.length).toBeGreaterThan(2);
    const ids = round.items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    const next = await follow(round.deltaLink);
    expect(next.items.map((i) => i.id).sort()).toEqual([...again].sort());
    expect(new Set([...ids, ...next.items.map((i) => i.id)])).toEqual(new Set(editable.map((i) => i.id)));
    expect(next.items.find((i) => i.id === again[1]).fields.Title).toBe('changed again (unseen)');
  });
});

describe('drive delta links keep the query options', () => {
  test('$select and $top on every page, the root first, deletions with their facet', async () => {
    const round = await follow(`/v1.0/drives/${drive.id}/root/delta?$select=id,name&$top=9`);
    expect(round.pages.length).toBeGreaterThan(2);
    expect(round.items[0].id).toBe((await t.get('records-manager', `/v1.0/drives/${drive.id}/root`)).json.id);
    for (const item of round.items) expect(properties(item)).toEqual(['id', 'name']);
    for (const page of round.pages) expect(page.value.length).toBeLessThanOrEqual(10);
    expect(round.deltaLink).toContain('$select=id,name&$top=9');
    const ids = round.items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);

    const file = await t.call('records-manager', 'PUT', `/v1.0/drives/${drive.id}/root:/Invoice INV-GONE.pdf:/content`, 'x', {
      'content-type': 'application/pdf'
    });
    expect((await t.call('records-manager', 'DELETE', `/v1.0/drives/${drive.id}/items/${file.json.id}`)).status).toBe(204);
    const next = await follow(round.deltaLink);
    expect(next.items).toEqual([{ id: file.json.id, name: 'Invoice INV-GONE.pdf', deleted: { state: 'deleted' } }]);
  });
});
