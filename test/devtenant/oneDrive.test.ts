/* eslint-disable @typescript-eslint/no-explicit-any -- tests read Graph JSON as a client would, loosely. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encodePathSegment } from '../../src/core/http/encodePathSegment';
import { encodeQueryValue } from '../../src/core/http/encodeQueryValue';
import { encodeShareUrl, expectGraphError, TestTenant, tokenWithScopes } from './helpers';
import { conformanceDiff, type Fixture } from './shape';

/**
 * OneDrive for work or school in the dev tenant, checked against Microsoft's documented routes and shapes:
 * - "View OneDrive URLs for users in your organization" (https://learn.microsoft.com/sharepoint/list-onedrive-urls):
 *   `https://<tenant name>-my.sharepoint.com/personal/<user principal name>`, its '.' and '@' turned into '_';
 * - drive-get (https://learn.microsoft.com/graph/api/drive-get): `GET /me/drive`, `GET /users/{idOrUserPrincipalName}/drive`,
 *   its example answer (fixtures/drive-get.json), `driveType` from the drive resource (personal, business, documentLibrary);
 * - driveitem-get (https://learn.microsoft.com/graph/api/driveitem-get): `GET /me/drive/root` (fixtures/driveitem-get.json),
 *   `/me/drive/items/{item-id}`, `/me/drive/root:/{path}:`;
 * - shares-get (https://learn.microsoft.com/graph/api/shares-get): `/shares/u!{base64url of the URL}/driveItem`;
 * - site-get, "Access a site by server-relative URL": `GET /sites/{hostname}:/{relative-path}`;
 * - who reads whose OneDrive: Files.Read / Files.ReadWrite reach only the user's own files (Microsoft's answer in
 *   microsoftgraph/microsoft-graph-docs#587), another user's OneDrive only where it is shared (drive-get, "Get a user's
 *   OneDrive", scopes files.read.all); the dev tenant shares nothing, so it refuses everyone else (403 accessDenied).
 */

const fixture = (name: string): Fixture => JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', `${name}.json`), 'utf8')) as Fixture;

const anaUpn = 'ana.ortiz@custodiandev.onmicrosoft.com';
const samUpn = 'sam.okafor@custodiandev.onmicrosoft.com';
const anaPath = '/personal/ana_ortiz_custodiandev_onmicrosoft_com';

let t: TestTenant;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'devtenant-onedrive-'));
  t = await TestTenant.start({ seed: 31, items: 60, dataDir });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const tokenWith = (scopes: string): string => tokenWithScopes(dataDir, scopes);

const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

/** `/me/drive/root:/{path}:` with every segment escaped. */
const byPath = (p: string): string => `/v1.0/me/drive/root:/${p.split('/').map(encodePathSegment).join('/')}:`;

describe('the signed-in user\'s OneDrive (drive-get, "Get current user\'s OneDrive")', () => {
  test('GET /me/drive answers a business drive owned by the user, in the documented shape, at /personal/{upn with _}', async () => {
    const me = (await t.get('office-worker', '/v1.0/me')).json;
    const res = await t.get('office-worker', '/v1.0/me/drive');
    expect(res.status).toBe(200);
    expect(conformanceDiff(fixture('drive-get'), res.json)).toEqual([]);
    expect(res.json.driveType).toBe('business');
    expect(res.json.owner.user).toMatchObject({ id: me.id, displayName: 'Ana Ortiz' });
    expect(new URL(res.json.webUrl).pathname).toBe(`${anaPath}/Documents`);
    expect(res.json.quota.used).toBeGreaterThan(0);
    expect(res.json.quota.remaining).toBe(res.json.quota.total - res.json.quota.used);
    // The same drive by its id, and by the user's id or sign-in name ("Get a user's OneDrive").
    expect((await t.get('office-worker', `/v1.0/drives/${encodePathSegment(res.json.id)}`)).json).toEqual(res.json);
    expect((await t.get('office-worker', `/v1.0/users/${encodePathSegment(anaUpn)}/drive`)).json.id).toBe(res.json.id);
    expect((await t.get('office-worker', `/v1.0/users/${encodePathSegment(me.id)}/drive`)).json.id).toBe(res.json.id);
    expect((await t.get('office-worker', `/v1.0/me/drive?$select=${encodeQueryValue('id,driveType')}`)).json).toEqual({
      id: res.json.id,
      driveType: 'business'
    });
  });

  test('GET /me/drive/root is the documented root folder of the OneDrive', async () => {
    const res = await t.get('office-worker', '/v1.0/me/drive/root');
    expect(res.status).toBe(200);
    // driveitem-get's example is this very request.
    expect(conformanceDiff(fixture('driveitem-get'), res.json)).toEqual([]);
    expect(res.json.root).toEqual({});
    expect(res.json.createdBy.user.displayName).toBe('Ana Ortiz');
    expect(res.json.parentReference.driveType).toBe('business');
    expect(new URL(res.json.webUrl).pathname).toBe(`${anaPath}/Documents`);
  });

  test('root/children, items/{id} and root:/{path}: reach the seeded documents, each a business driveItem under /personal/', async () => {
    const children = (await t.get('office-worker', '/v1.0/me/drive/root/children')).json.value;
    const names = children.map((c: any) => c.name);
    expect(names).toEqual(expect.arrayContaining(['Contract draft.docx', 'Drafts', 'Meeting notes - Fabrikam.docx']));
    const draft = children.find((c: any) => c.name === 'Contract draft.docx');
    expect(draft.parentReference).toMatchObject({
      driveType: 'business',
      siteId: expect.stringMatching(/^custodiandev-my\.sharepoint\.com,/)
    });
    expect(new URL(draft.webUrl).pathname).toBe(`${anaPath}/Documents/Contract%20draft.docx`);
    expect((await t.get('office-worker', `/v1.0/me/drive/items/${draft.id}`)).json.id).toBe(draft.id);
    expect((await t.get('office-worker', byPath('Contract draft.docx'))).json.id).toBe(draft.id);
    const nested = await t.get('office-worker', byPath("Drafts/Supplier NDA - O'Brien (v2).docx"));
    expect(nested.status).toBe(200);
    expect(nested.json.parentReference.path).toMatch(/\/root:\/Drafts$/);
    expectGraphError(await t.get('office-worker', byPath('Nope.docx')), 404, 'itemNotFound');
  });

  test('the generic drive routes work on it: upload, listItem, sharepointIds, retentionLabel (labels apply as on SharePoint)', async () => {
    const put = await t.call('office-worker', 'PUT', `${byPath('Notes/Plan #2.txt')}/content`, 'hello', { 'content-type': 'text/plain' });
    expect(put.status).toBe(201);
    expect(new URL(put.json.webUrl).pathname).toBe(`${anaPath}/Documents/Notes/Plan%20%232.txt`);
    const drive = (await t.get('office-worker', '/v1.0/me/drive')).json;
    const ids = await t.get(
      'office-worker',
      `/v1.0/drives/${encodePathSegment(drive.id)}/items/${put.json.id}?$select=${encodeQueryValue('id,sharepointIds')}`
    );
    expect(ids.json.sharepointIds).toMatchObject({
      listItemId: expect.stringMatching(/^\d+$/),
      siteUrl: expect.stringMatching(/\/personal\/ana_ortiz_custodiandev_onmicrosoft_com$/)
    });
    const listItem = await t.get('office-worker', `/v1.0/me/drive/items/${put.json.id}/listItem?$expand=fields`);
    expect(listItem.status).toBe(200);
    expect(listItem.json.fields.FileLeafRef).toBe('Plan #2.txt');
    expect(listItem.json.parentReference.siteId).toMatch(/^custodiandev-my\.sharepoint\.com,/);

    const labelled = (await t.get('office-worker', `${byPath('Meeting notes - Fabrikam.docx')}/retentionLabel`)).json;
    expect(labelled).toMatchObject({ name: 'General Correspondence - 2 Years', isLabelAppliedExplicitly: true });
    const set = await t.call('office-worker', 'PATCH', `/v1.0/me/drive/items/${put.json.id}/retentionLabel`, {
      name: 'General Correspondence - 2 Years'
    });
    expect(set.status).toBe(201);
    expect((await t.get('office-worker', `/v1.0/me/drive/items/${put.json.id}?$expand=retentionLabel`)).json.retentionLabel.name).toBe(
      'General Correspondence - 2 Years'
    );
  });

  test('every seeded user has one, empty unless they are the office worker', async () => {
    const sam = await t.get('site-owner', '/v1.0/me/drive');
    expect(sam.json).toMatchObject({ driveType: 'business', owner: { user: { displayName: 'Sam Okafor' } } });
    expect(new URL(sam.json.webUrl).pathname).toBe('/personal/sam_okafor_custodiandev_onmicrosoft_com/Documents');
    expect((await t.get('site-owner', '/v1.0/me/drive/root/children')).json.value).toEqual([]);
    expectGraphError(await t.get('office-worker', `/v1.0/users/${encodePathSegment('nobody@custodiandev.onmicrosoft.com')}/drive`), 404);
  });
});

describe('the personal site behind it (site-get, shares-get)', () => {
  test('GET /sites/{tenant}-my.sharepoint.com:/personal/{name} is the personal site, on the -my host', async () => {
    const res = await t.get('office-worker', `/v1.0/sites/custodiandev-my.sharepoint.com:${anaPath}`);
    expect(res.status).toBe(200);
    expect(res.json.id).toMatch(/^custodiandev-my\.sharepoint\.com,[0-9a-f-]{36},[0-9a-f-]{36}$/);
    expect(res.json).toMatchObject({ displayName: 'Ana Ortiz', siteCollection: { hostname: 'custodiandev-my.sharepoint.com' } });
    expect(new URL(res.json.webUrl).pathname).toBe(anaPath);
    // The dev tenant's own host reaches it too (it serves everything from one origin); the SharePoint host does not.
    const host = new URL(t.url).host;
    expect((await t.get('office-worker', `/v1.0/sites/${host}:${anaPath}`)).json.id).toBe(res.json.id);
    expectGraphError(await t.get('office-worker', `/v1.0/sites/custodiandev.sharepoint.com:${anaPath}`), 404);
    // Its default drive is the OneDrive.
    const drive = await t.get('office-worker', `/v1.0/sites/${encodePathSegment(res.json.id)}/drive`);
    expect(drive.json).toMatchObject({ id: (await t.get('office-worker', '/v1.0/me/drive')).json.id, driveType: 'business' });
    const drives = await t.get('office-worker', `/v1.0/sites/${encodePathSegment(res.json.id)}/drives`);
    expect(drives.json.value.map((d: any) => d.driveType)).toEqual(['business']);
  });

  test('site search leaves personal sites out, as Graph does with delegated permissions', async () => {
    const sites = (await t.get('office-worker', `/v1.0/sites?search=${encodeQueryValue('*')}`)).json.value;
    expect(sites.length).toBeGreaterThan(3);
    expect(sites.some((s: any) => new URL(s.webUrl).pathname.startsWith('/personal/'))).toBe(false);
  });

  test('/shares/u!{url}/driveItem resolves a OneDrive document URL, on the -my host or the dev tenant origin', async () => {
    const draft = (await t.get('office-worker', byPath('Contract draft.docx'))).json;
    for (const origin of ['https://custodiandev-my.sharepoint.com', t.url]) {
      const url = `${origin}${anaPath}/Documents/${encodePathSegment('Contract draft.docx')}`;
      const res = await t.get(
        'office-worker',
        `/v1.0/shares/${encodeShareUrl(url)}/driveItem?$expand=${encodeQueryValue('listItem($expand=fields)')}`
      );
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({
        id: draft.id,
        parentReference: { driveType: 'business' },
        listItem: { fields: { Title: 'Contract draft' } }
      });
    }
  });
});

describe("someone else's OneDrive", () => {
  test('is refused to every other user, whatever their scopes, by every address', async () => {
    const anaDrive = (await t.get('office-worker', '/v1.0/me/drive')).json;
    const anaSite = (await t.get('office-worker', `/v1.0/sites/custodiandev-my.sharepoint.com:${anaPath}`)).json;
    const draft = (await t.get('office-worker', byPath('Contract draft.docx'))).json;
    const url = `https://custodiandev-my.sharepoint.com${anaPath}/Documents/${encodePathSegment('Contract draft.docx')}`;
    for (const persona of ['site-owner', 'records-manager', 'admin'] as const) {
      for (const p of [
        `/v1.0/users/${encodePathSegment(anaUpn)}/drive`,
        `/v1.0/users/${encodePathSegment(anaUpn)}/drive/root/children`,
        `/v1.0/drives/${encodePathSegment(anaDrive.id)}`,
        `/v1.0/drives/${encodePathSegment(anaDrive.id)}/items/${draft.id}/retentionLabel`,
        `/v1.0/shares/${encodeShareUrl(url)}/driveItem`,
        `/v1.0/sites/${encodePathSegment(anaSite.id)}`,
        `/v1.0/sites/${encodePathSegment(anaSite.id)}/lists`
      ])
        expectGraphError(await t.get(persona, p), 403, 'accessDenied');
    }
    const write = await t.call('site-owner', 'PATCH', `/v1.0/drives/${encodePathSegment(anaDrive.id)}/items/${draft.id}/retentionLabel`, {
      name: 'General Correspondence - 2 Years'
    });
    expectGraphError(write, 403, 'accessDenied');
    expect((await t.get('office-worker', `/v1.0/me/drive/items/${draft.id}/retentionLabel`)).json.name).toBeNull();
  });

  test('search trims it: the owner finds their documents, nobody else does', async () => {
    const search = (persona: 'office-worker' | 'records-manager') =>
      t.call(persona, 'POST', '/v1.0/search/query', {
        requests: [{ entityTypes: ['driveItem'], query: { queryString: 'Filename:"Contract draft.docx"' } }]
      });
    expect((await search('office-worker')).json.value[0].hitsContainers[0].total).toBe(1);
    expect((await search('records-manager')).json.value[0].hitsContainers[0].total).toBe(0);
  });
});

describe("scopes: Files.Read and Files.ReadWrite reach only the user's own files", () => {
  test('Files.Read reads the own OneDrive, and nothing else', async () => {
    const token = tokenWith('User.Read Files.Read');
    expect((await t.call(null, 'GET', '/v1.0/me/drive', undefined, bearer(token))).status).toBe(200);
    expect((await t.call(null, 'GET', '/v1.0/me/drive/root/children', undefined, bearer(token))).status).toBe(200);
    const library = (await t.get('office-worker', '/v1.0/sites/custodiandev.sharepoint.com:/sites/finance:/drive')).json;
    const refused = await t.call(null, 'GET', `/v1.0/drives/${encodePathSegment(library.id)}/root/children`, undefined, bearer(token));
    expectGraphError(refused, 403, 'accessDenied');
    expect(refused.json.error.innerError.code).toBe('insufficientScope');
    expect(refused.json.error.message).toContain('Files.Read.All');
    expectGraphError(
      await t.call(null, 'GET', `/v1.0/users/${encodePathSegment(samUpn)}/drive`, undefined, bearer(token)),
      403,
      'accessDenied'
    );
    // Reading is not writing.
    const put = await t.call(null, 'PUT', `${byPath('read-only.txt')}/content`, 'x', { ...bearer(token), 'content-type': 'text/plain' });
    expectGraphError(put, 403, 'accessDenied');
  });

  test('Files.ReadWrite writes to the own OneDrive only; User.Read alone reads no drive', async () => {
    const token = tokenWith('User.Read Files.ReadWrite');
    const put = await t.call(null, 'PUT', `${byPath('mine.txt')}/content`, 'x', { ...bearer(token), 'content-type': 'text/plain' });
    expect(put.status).toBe(201);
    const library = (await t.get('office-worker', '/v1.0/sites/custodiandev.sharepoint.com:/sites/finance:/drive')).json;
    const elsewhere = await t.call(null, 'PUT', `/v1.0/drives/${encodePathSegment(library.id)}/root:/mine.txt:/content`, 'x', {
      ...bearer(token),
      'content-type': 'text/plain'
    });
    expectGraphError(elsewhere, 403, 'accessDenied');
    expectGraphError(await t.call(null, 'GET', '/v1.0/me/drive', undefined, bearer(tokenWith('User.Read'))), 403, 'accessDenied');
  });
});
