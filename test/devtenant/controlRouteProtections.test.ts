/* eslint-disable @typescript-eslint/no-explicit-any -- tests read Graph and SharePoint JSON as a client would, loosely. */
import http from 'node:http';
import { TestTenant } from './helpers';

/**
 * The dev tenant hands out any persona's token without a sign-in, so what keeps a web page open in the same
 * browser away from it is the browser's same-origin policy. Each test below is what such a page can make a
 * browser send (https://fetch.spec.whatwg.org/#cors-safelisted-request-header: a `text/plain` POST is a
 * "simple" request and goes out without a preflight; a browser always adds `Origin` to a POST), or what a
 * careless or hostile client sends, and checks the harm is refused over HTTP.
 */

let t: TestTenant;
beforeAll(async () => {
  t = await TestTenant.start({ items: 30, seed: 7 });
});
// Each test starts from the seeded tenant with its clock at real time, as a same-origin script resets it: some tests
// move the clock, and one reads its offset. (One tenant for the file: a fresh server per test makes the chunked
// 413 below race the connection close.)
beforeEach(async () => {
  const res = await fetch(`${t.url}/devtenant/reset`, {
    method: 'POST',
    headers: { origin: t.url, 'content-type': 'application/json' },
    body: JSON.stringify({ seed: 7, items: 30 })
  });
  expect(res.status).toBe(200);
  expect(await clockOffset()).toBe(0);
});
afterAll(() => t.running.close());

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  json: any;
}

/** One raw HTTP request, so that `Host` can be what a DNS-rebound page would send (fetch will not forge it). */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Answer> {
  const url = new URL(path, t.url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: options.method ?? 'GET',
        headers: options.headers
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: any;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = text;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, json });
        });
      }
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

async function clockOffset(): Promise<number> {
  return ((await (await fetch(`${t.url}/devtenant/clock`)).json()) as { offsetMs: number }).offsetMs;
}

function expectRefusal(answer: { status: number; json: any }, innerCode: string, says: RegExp): void {
  expect(answer.status).toBe(403);
  expect(answer.json.error.code).toBe('accessDenied');
  expect(answer.json.error.innerError.code).toBe(innerCode);
  expect(answer.json.error.message).toMatch(says);
}

describe('a page on another origin, in the same browser', () => {
  test('cannot reset the tenant with a text/plain POST (no preflight)', async () => {
    await fetch(`${t.url}/devtenant/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"days":3}' });
    const before = await clockOffset();
    expect(before).toBe(3 * 86_400_000);
    // What `fetch(url, { method: 'POST', mode: 'no-cors', body })` on evil.example sends: with an empty body a
    // reset needs no JSON at all; with a text/plain one the body is read as the reset's options.
    for (const body of ['', '{"seed":9,"items":0}']) {
      const res = await fetch(`${t.url}/devtenant/reset`, {
        method: 'POST',
        headers: { origin: 'http://evil.example', 'content-type': 'text/plain;charset=UTF-8' },
        body
      });
      expectRefusal({ status: res.status, json: await res.json() }, 'crossOriginRequest', /only pages of its own origin.*evil\.example/);
    }
    // A reset sets the clock back to real time: it did not happen.
    expect(await clockOffset()).toBe(before);
  });

  test('cannot move the clock or plant mail, even with the type it would need', async () => {
    const before = await clockOffset();
    const clock = await fetch(`${t.url}/devtenant/clock`, {
      method: 'POST',
      headers: { origin: 'http://localhost:3000', 'content-type': 'application/json' },
      body: '{"days":400}'
    });
    expect(clock.status).toBe(403);
    expect(await clockOffset()).toBe(before);

    const mail = await fetch(`${t.url}/devtenant/mail?to=ana.ortiz@custodiandev.onmicrosoft.com`, {
      method: 'POST',
      headers: { origin: 'null', 'content-type': 'text/plain' },
      body: 'Subject: Urgent: approve the disposal\r\n\r\nClick here.'
    });
    expect(mail.status).toBe(403);
    const inbox = await t.get(
      'office-worker',
      `/v1.0/me/messages?$filter=${encodeURIComponent("subject eq 'Urgent: approve the disposal'")}`
    );
    expect(inbox.json.value).toEqual([]);
  });

  test('is refused on what the browser says even when Origin is missing (a navigation or a form)', async () => {
    const res = await send('/devtenant/reset', {
      method: 'POST',
      headers: { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
      body: '{}'
    });
    expectRefusal(res, 'crossOriginRequest', /cross-site page/);
    const form = await send('/devtenant/mail?to=ana.ortiz@custodiandev.onmicrosoft.com', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Subject=x'
    });
    expectRefusal(form, 'unsupportedContentType', /message\/rfc822/);
  });

  test('a script without a browser still needs JSON for a control write', async () => {
    const res = await send('/devtenant/clock', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"days":1}' });
    expectRefusal(res, 'unsupportedContentType', /application\/json.*text\/plain/);
  });

  test("the dev tenant's own pages (same origin, JSON) and scripts keep working", async () => {
    const before = await clockOffset();
    const own = await fetch(`${t.url}/devtenant/clock`, {
      method: 'POST',
      headers: { origin: t.url, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json; charset=utf-8' },
      body: '{"days":1}'
    });
    expect(own.status).toBe(200);
    expect(await clockOffset()).toBe(before + 86_400_000);
    const localhost = t.url.replace('127.0.0.1', 'localhost');
    const viaName = await send('/devtenant/token?persona=office-worker', {
      headers: { host: new URL(localhost).host, origin: localhost }
    });
    expect(viaName.status).toBe(200);
    expect(typeof viaName.json.access_token).toBe('string');
  });
});

describe('DNS rebinding: a page whose own name now points at 127.0.0.1', () => {
  test('cannot read an admin token, Graph or SharePoint REST: every route checks Host', async () => {
    const port = new URL(t.url).port;
    const token = await send('/devtenant/token?persona=admin', { headers: { host: `evil.example:${port}` } });
    expectRefusal(token, 'hostNotAllowed', /loopback name.*evil\.example/);
    expect(JSON.stringify(token.json)).not.toContain('access_token');

    const bearer = `Bearer ${await t.token('admin')}`;
    const graph = await send('/v1.0/users', { headers: { host: 'evil.example', authorization: bearer } });
    expectRefusal(graph, 'hostNotAllowed', /DNS rebinding/);
    const sharePoint = await send('/sites/legal/_api/web', { headers: { host: `evil.example:${port}`, authorization: bearer } });
    expect(sharePoint.status).toBe(403);
    expect(sharePoint.json['odata.error'].message.value).toMatch(/loopback name/);
    // Another port on loopback is another origin too.
    expect((await send('/devtenant', { headers: { host: 'localhost:1' } })).status).toBe(403);
  });
});

describe('request limits', () => {
  test('a 16 MB body is answered 413, never cut off', async () => {
    const token = await t.token('office-worker');
    const res = await fetch(`${t.url}/v1.0/me/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
      body: Buffer.alloc(16 * 1024 * 1024 + 1, 0x41)
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).error.innerError.code).toBe('requestTooLarge');
  });

  test('a body over the limit without a declared length (chunked) is answered 413 too', async () => {
    const url = new URL('/v1.0/me/messages', t.url);
    const token = await t.token('office-worker');
    const status = await new Promise<number>((resolve, reject) => {
      let answered: number | undefined;
      const req = http.request(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { authorization: `Bearer ${token}` } },
        (res) => {
          answered = res.statusCode ?? 0;
          res.resume();
        }
      );
      // The server answers 413 and closes while the client is still writing, as SharePoint does: the rest of the
      // body then fails with ECONNRESET or EPIPE on the socket. Expected once answered; before that it is the failure.
      req.on('socket', (socket) => socket.on('error', (e) => (answered === undefined ? reject(e) : undefined)));
      req.on('error', (e) => (answered === undefined ? reject(e) : undefined));
      req.on('close', () => (answered === undefined ? reject(new Error('closed without an answer')) : resolve(answered)));
      const chunk = Buffer.alloc(1024 * 1024, 0x41);
      for (let i = 0; i < 20; i++) req.write(chunk);
      req.end();
    });
    expect(status).toBe(413);
  });

  test('a $filter nested 5,000 parentheses deep is a 400 saying what to do, not a 500', async () => {
    const deep = `${'('.repeat(5000)}displayName eq 'Ana Ortiz'${')'.repeat(5000)}`;
    const res = await t.get('admin', `/v1.0/users?$filter=${deep}`);
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(/nest more than 100 deep.*flatter/);
    const fine = await t.get('admin', `/v1.0/users?$filter=${'('.repeat(20)}displayName eq 'Ana Ortiz'${')'.repeat(20)}`);
    expect(fine.json.value.map((u: any) => u.displayName)).toEqual(['Ana Ortiz']);
  });
});
