/* eslint-disable @typescript-eslint/no-explicit-any -- Graph JSON read as a client reads it. */
import { getDriveItemText } from '../../src/core/graph/driveItems/getDriveItemText';
import { createGraphGateway } from '../../src/core/graph/createGraphGateway';
import { createDevTenantTokenProvider } from '../../src/core/auth/createDevTenantTokenProvider';
import { TestTenant } from './helpers';

// Microsoft's driveItem resource: `@microsoft.graph.downloadUrl` is "a URL that can be used to download this file's
// content. Authentication isn't required with this URL." driveitem-get-content: a JavaScript app cannot follow
// `/content`'s 302 with an Authorization header, and downloads from this URL instead; it is short-lived.
let t: TestTenant;
let driveId: string;
let file: any;
beforeAll(async () => {
  t = await TestTenant.start({ items: 20 });
  driveId = (await t.get('office-worker', '/v1.0/sites/custodiandev.sharepoint.com:/sites/finance:/drive')).json.id;
  file = (await t.get('office-worker', `/v1.0/drives/${driveId}/root/children?$top=20`)).json.value.filter((i: any) => i.file)[0];
});
afterAll(() => t.running.close());

describe('download URLs', () => {
  it('serve the file without a token, that file only, and stop working once they expire', async () => {
    const selected = (await t.get('office-worker', `/v1.0/drives/${driveId}/items/${file.id}?$select=id,@microsoft.graph.downloadUrl`))
      .json;
    const url = selected['@microsoft.graph.downloadUrl'] as string;
    expect(url).toMatch(/^http:\/\/127.0.0.1:\d+\/devtenant\/download\//);
    const content = (await t.get('office-worker', `/v1.0/drives/${driveId}/items/${file.id}/content`)).text;
    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(200);
    expect(await anonymous.text()).toBe(content);
    // /content itself still needs a token.
    expect((await fetch(`${t.url}/v1.0/drives/${driveId}/items/${file.id}/content`)).status).toBe(401);
    // A URL changed to name another file (or forged) is refused.
    const [token] = url.split('/').slice(-1);
    const [payload, signature] = token.split('.');
    const other = Buffer.from(JSON.stringify([driveId, 'another-item', Date.now() + 3_600_000])).toString('base64url');
    expect((await fetch(url.replace(`${payload}.${signature}`, `${other}.${signature}`))).status).toBe(401);
    // Short-lived: two hours on, on the tenant's clock, it no longer works.
    await fetch(`${t.url}/devtenant/clock`, {
      method: 'POST',
      headers: { origin: t.url, 'content-type': 'application/json' },
      body: JSON.stringify({ hours: 2 })
    });
    expect((await fetch(url)).status).toBe(401);
  });

  it("are what the core reads a file's text through, sending no token to them", async () => {
    const tokens = createDevTenantTokenProvider({ url: t.url, persona: 'office-worker' });
    const graph = createGraphGateway({ baseUrl: t.url, tokens });
    const real = globalThis.fetch;
    const sent: { url: string; authorization: string | null }[] = [];
    globalThis.fetch = async (input, init) => {
      const request = new Request(input, init);
      sent.push({ url: request.url, authorization: request.headers.get('authorization') });
      return real(input, init);
    };
    let text: string;
    try {
      text = await getDriveItemText(graph, { driveId, itemId: file.id }, { itemName: file.name });
    } finally {
      globalThis.fetch = real;
    }
    expect(text).toBe((await t.get('office-worker', `/v1.0/drives/${driveId}/items/${file.id}/content`)).text);
    const download = sent.find((s) => s.url.includes('/devtenant/download/'));
    expect(download).toBeDefined();
    expect(download?.authorization).toBeNull();
    expect(sent.some((s) => /\/content(\?|$)/.test(s.url))).toBe(false);
  });
});
