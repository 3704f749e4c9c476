/* eslint-disable @typescript-eslint/no-explicit-any -- tests read Graph JSON as a client would, loosely. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDevTenantHandler, type DevTenantHandler } from '../../src/devtenant/index';
import { TestTenant } from './helpers';

describe('createDevTenantHandler: the dev tenant inside another server, on one origin', () => {
  let server: http.Server;
  let handler: DevTenantHandler;
  let origin: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (handler.owns(req.url ?? '/')) return handler.handle(req, res);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>page</title>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    // The origin the pages are served from; `localhost` rather than the listening address, as a browser may use.
    origin = `http://localhost:${(server.address() as AddressInfo).port}`;
    handler = await createDevTenantHandler({ memory: true, items: 60, seed: 5, publicOrigin: origin });
  });
  afterAll(async () => {
    await handler.close();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  });

  test('owns Graph, control routes and SharePoint REST, and nothing else', () => {
    for (const url of [
      '/v1.0/me',
      '/beta/security/labels/retentionLabels',
      '/devtenant',
      '/devtenant/token?persona=admin',
      '/sites/hr/_api/web',
      '/_api/contextinfo',
      '/sites/hr/_api',
      '/sites/hr/_vti_bin/client.svc/ProcessQuery',
      `${'http://127.0.0.1:1'}/v1.0/sites`,
      '/V1.0/me'
    ])
      expect([url, handler.owns(url)]).toEqual([url, true]);
    for (const url of ['/', '/taskpane.html', '/v1.0x/me', '/assets/_api.js', '/sites/hr/_apix/web', '/devtenantx', '/favicon.ico?/_api/'])
      expect([url, handler.owns(url)]).toEqual([url, false]);
  });

  test('pages and the dev tenant answer on the same origin; every URL handed out uses publicOrigin', async () => {
    const page = await fetch(`${origin}/taskpane.html`);
    expect(await page.text()).toContain('<title>page</title>');
    const token = ((await (await fetch(`${origin}/devtenant/token?persona=office-worker`)).json()) as { access_token: string })
      .access_token;
    const auth = { authorization: `Bearer ${token}` };
    const site = (await (
      await fetch(`${origin}/v1.0/sites/localhost:${new URL(origin).port}:/sites/finance`, { headers: auth })
    ).json()) as any;
    expect(site.webUrl).toBe(`${origin}/sites/finance`);
    const drive = (await (await fetch(`${origin}/v1.0/sites/${site.id}/drive`, { headers: auth })).json()) as any;
    const page1 = (await (await fetch(`${origin}/v1.0/drives/${drive.id}/root/children?$top=2`, { headers: auth })).json()) as any;
    expect(page1['@odata.nextLink'].startsWith(`${origin}/v1.0/`)).toBe(true);
    expect(page1.value[0].webUrl.startsWith(`${origin}/sites/finance/`)).toBe(true);
    const session = (await (
      await fetch(`${origin}/v1.0/drives/${drive.id}/root:/mounted.txt:/createUploadSession`, { method: 'POST', headers: auth })
    ).json()) as any;
    expect(session.uploadUrl.startsWith(`${origin}/devtenant/upload/`)).toBe(true);
    // SharePoint REST from the same origin as the page, as in a real tenant.
    const web = await fetch(`${origin}/sites/finance/_api/web`, { headers: { ...auth, accept: 'application/json;odata=nometadata' } });
    expect(web.status).toBe(200);
  });

  test('GET /devtenant describes personas, clock, faults and the main routes', async () => {
    const res = await fetch(`${origin}/devtenant`);
    const body = (await res.json()) as any;
    expect(body.publicOrigin).toBe(origin);
    expect(body.personas.map((p: any) => p.persona)).toEqual(['office-worker', 'site-owner', 'records-manager', 'admin']);
    expect(body.personas[0].token).toBe(`${origin}/devtenant/token?persona=office-worker`);
    expect(typeof body.clock.now).toBe('string');
    expect(body.faults).toMatchObject({ latencyMs: 0, rate: 0, faults: '' });
    expect(body.store).toMatchObject({ memory: true, seed: 5, items: 60 });
    expect(body.routes.graph.some((r: string) => r.includes(`${origin}/v1.0/drives/b!`))).toBe(true);
    expect(body.routes.sharepoint.length).toBeGreaterThan(0);
  });

  test('publicOrigin must be a loopback origin', async () => {
    for (const publicOrigin of ['http://example.com:80', 'ftp://127.0.0.1:1', 'http://127.0.0.1:1/app', 'not a url'])
      await expect(createDevTenantHandler({ memory: true, items: 0, publicOrigin })).rejects.toThrow(/publicOrigin/);
  });

  test('after close, requests get 503', async () => {
    const other = await createDevTenantHandler({ memory: true, items: 0, publicOrigin: 'https://localhost:4321' });
    await other.close();
    const res = await new Promise<number>((resolve) => {
      const s = http.createServer((req, r) => other.handle(req, r));
      s.listen(0, '127.0.0.1', () => {
        void fetch(`http://127.0.0.1:${(s.address() as AddressInfo).port}/v1.0/me`).then((x) => {
          s.close();
          resolve(x.status);
        });
      });
    });
    expect(res).toBe(503);
  });
});

describe('Graph colon paths and uploads by path', () => {
  let t: TestTenant;
  let drive: string;
  beforeAll(async () => {
    t = await TestTenant.start({ items: 40 });
    drive = (await t.get('office-worker', '/v1.0/sites/custodiandev.sharepoint.com:/sites/hr:/drive')).json.id;
  });
  afterAll(() => t.close());

  test("a raw ' in a colon path is an ordinary character (root:/O'Brien.txt:)", async () => {
    const put = await t.call('office-worker', 'PUT', `/v1.0/drives/${drive}/root:/O'Brien.txt:/content`, 'hello', {
      'content-type': 'text/plain'
    });
    expect(put.status).toBe(201);
    expect(put.json.name).toBe("O'Brien.txt");
    for (const path of [
      `/v1.0/drives/${drive}/root:/O'Brien.txt:`,
      `/v1.0/drives/${drive}/root:/O%27Brien.txt`,
      `/v1.0/drives/${drive}/root:/O'Brien.txt`
    ]) {
      const got = await t.get('office-worker', path);
      expect([path, got.status, got.json?.id]).toEqual([path, 200, put.json.id]);
    }
    const content = await t.get('office-worker', `/v1.0/drives/${drive}/root:/O'Brien.txt:/content`);
    expect(content.text).toBe('hello');
    const folder = await t.call('office-worker', 'PUT', `/v1.0/drives/${drive}/root:/It's/a 'b'/c.txt:/content`, 'x', {
      'content-type': 'text/plain'
    });
    expect(folder.status).toBe(201);
    expect(folder.json.parentReference.path).toBe(`/drives/${drive}/root:/It's/a 'b'`);
  });

  test('uploading to a folder path that does not exist creates the folders, as Graph does', async () => {
    const put = await t.call('office-worker', 'PUT', `/v1.0/drives/${drive}/root:/New%20A/B%20%C3%A9/c.txt:/content`, 'abc', {
      'content-type': 'text/plain'
    });
    expect(put.status).toBe(201);
    const a = await t.get('office-worker', `/v1.0/drives/${drive}/root:/New A`);
    expect(a.json.folder.childCount).toBe(1);
    const b = await t.get('office-worker', `/v1.0/drives/${drive}/root:/New A/B é:/children`);
    expect(b.json.value.map((i: any) => i.name)).toEqual(['c.txt']);
    // An upload session to a new path creates them when it completes.
    const session = await t.call('office-worker', 'POST', `/v1.0/drives/${drive}/root:/S1/S2/big.bin:/createUploadSession`);
    expect(session.status).toBe(200);
    const done = await fetch(session.json.uploadUrl, { method: 'PUT', headers: { 'content-range': 'bytes 0-2/3' }, body: 'xyz' });
    expect(done.status).toBe(201);
    expect((await t.get('office-worker', `/v1.0/drives/${drive}/root:/S1/S2/big.bin`)).status).toBe(200);
  });

  test('a file in the way, or a bad folder name, refuses the upload and creates nothing', async () => {
    await t.call('office-worker', 'PUT', `/v1.0/drives/${drive}/root:/plain.txt:/content`, '1', { 'content-type': 'text/plain' });
    const blocked = await t.call('office-worker', 'PUT', `/v1.0/drives/${drive}/root:/plain.txt/inner.txt:/content`, '1', {
      'content-type': 'text/plain'
    });
    expect(blocked.status).toBe(409);
    const bad = await t.call('office-worker', 'PUT', `/v1.0/drives/${drive}/root:/ok/bad%3Cname/x.txt:/content`, '1', {
      'content-type': 'text/plain'
    });
    expect(bad.status).toBe(400);
    expect((await t.get('office-worker', `/v1.0/drives/${drive}/root:/ok`)).status).toBe(404);
  });
});
