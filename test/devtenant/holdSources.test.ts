/* eslint-disable @typescript-eslint/no-explicit-any -- tests read Graph JSON as a client would, loosely. */
import fs from 'node:fs';
import path from 'node:path';
import { TestTenant } from './helpers';
import { conformanceDiff, type Fixture } from './shape';

/**
 * A legal hold's sources, compared with Microsoft's examples (fixtures/, each with its page). On a real tenant a
 * site source's site carries a bare GUID and a webUrl
 * (https://learn.microsoft.com/graph/api/security-ediscoveryholdpolicy-list-sitesources?view=graph-rest-1.0), not
 * the composite id that `/sites` answers; a dev tenant answering the composite id lets a hold check pass here
 * that never matches on a real tenant.
 */

const fixture = (name: string): Fixture => JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', `${name}.json`), 'utf8')) as Fixture;
const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

let t: TestTenant;
let caseId: string;
let holdId: string;
beforeAll(async () => {
  t = await TestTenant.start({ seed: 37, items: 40 });
  caseId = (await t.get('records-manager', '/v1.0/security/cases/ediscoveryCases')).json.value[0].id;
  holdId = (await t.get('records-manager', `/v1.0/security/cases/ediscoveryCases/${caseId}/legalHolds`)).json.value[0].id;
});
afterAll(() => t.close());

/** The fixture's request, with the example's case and hold ids replaced by the seeded hold's. */
async function send(f: Fixture): Promise<{ status: number; json: any }> {
  const url = f.request.url
    .replace('https://graph.microsoft.com', '')
    .replace('b0073e4e-4184-41c6-9eb7-8c8cc3e2288b', caseId)
    .replace('0053a61a3b6c42738f7606791716a22a', holdId);
  const res = await t.get('records-manager', url);
  return { status: res.status, json: res.json };
}

describe("a legal hold's sources, in the form Microsoft documents", () => {
  test('security-ediscoveryholdpolicy-list-sitesources: the shape of the example', async () => {
    const f = fixture('security-ediscoveryholdpolicy-list-sitesources');
    const res = await send(f);
    expect(res.status).toBe(f.response.status);
    expect(conformanceDiff(f, res.json)).toEqual([]);
  });

  test("the site is named by its site collection GUID and webUrl, as in the example, not Graph's composite id", async () => {
    const res = await send(fixture('security-ediscoveryholdpolicy-list-sitesources'));
    const legal = (await t.get('records-manager', '/v1.0/sites/custodiandev.sharepoint.com:/sites/legal')).json;
    // Graph's composite id is {hostname},{site collection id},{web id} (https://learn.microsoft.com/graph/api/site-get).
    const [, siteCollectionId] = String(legal.id).split(',');
    const source = res.json.value[0];
    expect(source.site.id).toMatch(guidPattern);
    expect(source.site.id).toBe(siteCollectionId);
    expect(source.site.webUrl).toBe(legal.webUrl);
    expect(source['@odata.id']).toMatch(new RegExp(`/v1\\.0/sites/${siteCollectionId}$`));
  });

  test('security-ediscoveryholdpolicy-list-usersources: the shape of the example, with the OneDrive siteWebUrl', async () => {
    const f = fixture('security-ediscoveryholdpolicy-list-usersources');
    const res = await send(f);
    expect(res.status).toBe(f.response.status);
    expect(conformanceDiff(f, res.json)).toEqual([]);
    const source = res.json.value[0];
    expect(source.siteWebUrl).toMatch(/^https:\/\/[^/]+-my\.sharepoint\.com\/personal\/[a-z0-9_]+\/$/);
    expect(String(source.email)).toContain('@');
  });
});
