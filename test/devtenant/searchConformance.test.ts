/* eslint-disable @typescript-eslint/no-explicit-any -- tests read Graph JSON as a client would, loosely. */
import fs from 'node:fs';
import path from 'node:path';
import { TestTenant } from './helpers';
import { conformanceDiff, type Fixture } from './shape';

/**
 * Microsoft's documented example requests of `POST /search/query` for listItem and driveItem (kept in fixtures/ with
 * the page they come from), sent with plain fetch; each answer is compared with the documented example's shape.
 * The examples search for "contoso" and "Bob": the tests put a word and an author of the seeded tenant in their place.
 */

const fixture = (name: string): Fixture => JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', `${name}.json`), 'utf8')) as Fixture;

let t: TestTenant;
/** A seeded document: a word of its file name, and the person who created it. */
let word: string;
let author: string;
beforeAll(async () => {
  t = await TestTenant.start({ seed: 31, items: 150 });
  const drive = await t.get('office-worker', '/v1.0/sites/custodiandev.sharepoint.com:/sites/finance:/drive/root/children?$top=999');
  const file = drive.json.value.find((i: any) => i.file && /^[A-Za-z]{4,}/.test(i.name));
  word = /^[A-Za-z]{4,}/.exec(file.name)![0].toLowerCase();
  author = file.createdBy.user.displayName.split(' ')[0];
});
afterAll(() => t.close());

async function send(f: Fixture, replace: [string, string][]): Promise<{ status: number; json: any }> {
  const url = f.request.url.replace(/^https:\/\/graph\.microsoft\.com/, t.url);
  let body = JSON.stringify(f.request.body);
  for (const [from, to] of replace) body = body.split(from).join(to);
  const res = await fetch(url, {
    method: f.request.method,
    headers: { ...f.request.headers, authorization: `Bearer ${await t.token('office-worker')}` },
    body
  });
  return { status: res.status, json: await res.json() };
}

describe('search-query examples from Microsoft pages, answered in the documented shape', () => {
  // https://learn.microsoft.com/graph/api/search-query, example 2 (listItem, queryTemplate "{searchTerms} CreatedBy:Bob").
  test('search-query example 2: listItem hits through a queryTemplate, only the author the template names', async () => {
    const f = fixture('search-query-listitem');
    const res = await send(f, [
      ['contoso', word],
      ['Bob', author]
    ]);
    expect(res.status).toBe(f.response.status);
    expect(conformanceDiff(f, res.json)).toEqual([]);
    const hits = res.json.value[0].hitsContainers[0].hits;
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.resource.createdBy.user.displayName).toContain(author);
    expect(res.json.value[0].searchTerms).toEqual([word]);
  });

  // https://learn.microsoft.com/graph/search-concept-files, example 1 (driveItem).
  test('search-concept-files example 1: files as driveItem hits, under /beta as the page sends it', async () => {
    const f = fixture('search-concept-files-driveitem');
    const res = await send(f, [['contoso', word]]);
    expect(res.status).toBe(f.response.status);
    expect(conformanceDiff(f, res.json)).toEqual([]);
    for (const hit of res.json.value[0].hitsContainers[0].hits) {
      expect(hit.resource['@odata.type']).toBe('#microsoft.graph.driveItem');
      expect(hit.resource.name.toLowerCase()).toContain(word);
      // The hit's id opens the item with Graph, as a client then does.
      const item = await t.get('office-worker', `/v1.0/drives/${hit.resource.parentReference.driveId}/items/${hit.resource.id}`);
      expect(item.status).toBe(200);
    }
  });

  // https://learn.microsoft.com/graph/search-concept-files, example 6 (fields on listItem).
  test('search-concept-files example 6: the requested fields, under the names asked for', async () => {
    const f = fixture('search-concept-files-fields');
    const res = await send(f, [['contoso', word]]);
    expect(res.status).toBe(f.response.status);
    expect(conformanceDiff(f, res.json)).toEqual([]);
    const hit = res.json.value[0].hitsContainers[0].hits[0];
    expect(Object.keys(hit.resource.fields).sort()).toEqual(['contentclass', 'title']);
    expect(hit.resource.fields.contentclass).toBe('STS_ListItem_DocumentLibrary');
  });
});
