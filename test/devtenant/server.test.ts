/* eslint-disable @typescript-eslint/no-explicit-any -- tests read Graph and SharePoint JSON as a client would, loosely. */
import { parseCliArgs } from '../../src/devtenant/cli';
import { parseFaultSpec } from '../../src/devtenant/faults';
import { parseFilter, evaluateFilter } from '../../src/devtenant/protocol/odataFilter';
import { quoteODataString } from '../../src/devtenant/protocol/odataLiteral';
import { splitRequestPath } from '../../src/devtenant/protocol/requestPath';
import { parseCallSegment } from '../../src/devtenant/protocol/callSegment';
import { expectGraphError, TestTenant } from './helpers';

describe('command line', () => {
  test('parses every flag', () => {
    expect(
      parseCliArgs([
        '--port',
        '0',
        '--memory',
        '--seed',
        '7',
        '--items',
        '50',
        '--latency',
        '5',
        '--rate',
        '10',
        '--faults',
        '429:0.05,503:0.02,reset:0.01'
      ])
    ).toEqual({
      ok: true,
      options: { port: 0, memory: true, seed: 7, items: 50, latencyMs: 5, rate: 10, faults: '429:0.05,503:0.02,reset:0.01' }
    });
    expect(parseCliArgs(['--data', '/tmp/x'])).toEqual({ ok: true, options: { dataDir: '/tmp/x' } });
    expect(parseCliArgs(['--public-hosts'])).toEqual({ ok: true, options: { publicHosts: {}, memory: true } });
  });
  test.each([
    [['--port', 'abc'], '--port needs a whole number.'],
    [['--port', '70000'], '--port must be from 0 to 65535.'],
    [['--data', '/tmp/x', '--memory'], 'Use either --data DIR or --memory, not both.'],
    [['--faults', '500:0.1'], "--faults: Unknown fault '500'; use one of 429, 503, 504, reset."],
    [['--faults', '429:0.7,503:0.6'], '--faults: The fault probabilities add up to more than 1.'],
    [['--verbose'], "Unknown option '--verbose'."],
    [['--public-hosts=yes'], '--public-hosts takes no value.']
  ])('refuses %j with a reason', (argv, reason) => {
    expect(parseCliArgs(argv)).toEqual({ ok: false, reason });
  });
  test('fault specs', () => {
    expect(parseFaultSpec('504:0.5')).toEqual({ ok: true, value: { '504': 0.5 } });
    expect(parseFaultSpec('429=0.5').ok).toBe(false);
  });
});

describe('OData helper', () => {
  test('quotes and parses string literals with doubled quotes', () => {
    expect(quoteODataString("O'Brien")).toBe("'O''Brien'");
    const f = parseFilter(`fields/Title eq ${quoteODataString('O\'Brien "x" <y> #1 % 🚀')} and startswith(name,'Ré')`);
    expect(evaluateFilter(f, { name: 'Résumé', fields: { Title: 'O\'Brien "x" <y> #1 % 🚀' } })).toBe(true);
    expect(evaluateFilter(f, { name: 'Other', fields: { Title: "O'Brien" } })).toBe(false);
  });
  test('refuses what it does not support', () => {
    expect(() => parseFilter("contains(name,'x')")).toThrow(/not supported/);
    expect(() => parseFilter("name eq 'unterminated")).toThrow(/Unterminated/);
    expect(() => parseFilter('name has 1')).toThrow(/not supported/);
  });
  test('splits colon paths and SharePoint calls', () => {
    expect(splitRequestPath('/drives/b!x/root:/A%20B/c.docx:/content')).toEqual([
      { kind: 'name', value: 'drives' },
      { kind: 'name', value: 'b!x' },
      { kind: 'name', value: 'root' },
      { kind: 'path', value: '/A B/c.docx' },
      { kind: 'name', value: 'content' }
    ]);
    expect(parseCallSegment("GetFileByServerRelativePath(DecodedUrl='/a/Fo''lde''r')")?.named.DecodedUrl).toBe("/a/Fo'lde'r");
    expect(parseCallSegment('GetAvailableTagsForSite(siteUrl=@a1)', { '@a1': "'https://x/sites/a'" })?.named.siteUrl).toBe(
      'https://x/sites/a'
    );
  });
});

describe('server', () => {
  let t: TestTenant;
  beforeAll(async () => {
    t = await TestTenant.start({ seed: 11 });
  });
  afterAll(() => t.close());

  test('binds to loopback and prints its URL shape', () => {
    expect(t.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test('501 notImplemented for a path it does not serve, in Graph envelope with request ids', async () => {
    const res = await t.get('admin', '/v1.0/me/drive/special/approot', { 'client-request-id': 'abc-123' });
    expectGraphError(res, 501, 'notImplemented');
    expect(res.headers.get('client-request-id')).toBe('abc-123');
    expect(res.json.error.innerError['client-request-id']).toBe('abc-123');
    expectGraphError(await t.get(null, '/elsewhere'), 501, 'notImplemented');
    // A site's page the dev tenant does not serve is SharePoint's: its refusal in SharePoint's envelope, which SharePoint clients read.
    const page = await t.get('admin', '/sites/legal/_layouts/15/viewlsts.aspx');
    expect(page.status).toBe(501);
    expect(page.json['odata.error'].message.value).toContain('does not serve');
  });

  test('400 for a query option it does not support, never ignored', async () => {
    expectGraphError(await t.get('admin', '/v1.0/sites?search=*&$count=true'), 400, 'invalidRequest');
    expectGraphError(await t.get('admin', '/v1.0/sites?search=*&$search=x'), 400, 'invalidRequest');
    expectGraphError(await t.get('admin', "/v1.0/sites?search=*&$filter=contains(name,'x')"), 400, 'invalidRequest');
    const prefer = await t.get('admin', '/v1.0/sites?search=*', { prefer: 'odata.maxpagesize=2' });
    expectGraphError(prefer, 400, 'invalidRequest');
    expect(prefer.json.error.message).toContain('Prefer');
    expect((await t.get('admin', '/v1.0/sites?search=*', { prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' })).status).toBe(200);
  });

  test('401 without a token, 403 without the scope', async () => {
    expectGraphError(await t.get(null, '/v1.0/sites?search=*'), 401, 'InvalidAuthenticationToken');
    expectGraphError(await t.call(null, 'GET', '/v1.0/sites?search=*', undefined, { authorization: 'Bearer nope' }), 401);
    const res = await t.get('site-owner', '/v1.0/security/cases/ediscoveryCases');
    expectGraphError(res, 403, 'accessDenied');
    expect(res.json.error.message).toContain('eDiscovery.Read.All');
    expect((await t.get('records-manager', '/v1.0/security/cases/ediscoveryCases')).status).toBe(200);
  });

  test("tokens carry each persona's scopes", async () => {
    const res = await fetch(`${t.url}/devtenant/token?persona=records-manager`);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect(String(body.scope)).toContain('RecordsManagement.ReadWrite.All');
    expect((await fetch(`${t.url}/devtenant/token?persona=ceo`)).status).toBe(400);
  });

  test('the clock moves forward only, and timestamps follow it', async () => {
    const before = (await (await fetch(`${t.url}/devtenant/clock`)).json()) as { now: string };
    const moved = await fetch(`${t.url}/devtenant/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ days: 3650 })
    });
    const after = (await moved.json()) as { now: string };
    expect(Date.parse(after.now) - Date.parse(before.now)).toBeGreaterThanOrEqual(3650 * 86_400_000);
    const back = await fetch(`${t.url}/devtenant/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ days: -1 })
    });
    expect(back.status).toBe(400);
    const me = await t.get('office-worker', '/v1.0/me');
    expect(new Date(me.headers.get('date') as string).getUTCFullYear()).toBeGreaterThanOrEqual(new Date(after.now).getUTCFullYear());
  });
});

describe('faults', () => {
  test('a rate ceiling answers 429 with Retry-After, and $batch counts each inner request', async () => {
    const t = await TestTenant.start({ items: 0, rate: 2 });
    try {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 12; i++) {
        const res = await t.get('office-worker', '/v1.0/me');
        statuses.push(res.status);
        if (res.status === 429) {
          retryAfter = res.headers.get('retry-after');
          expectGraphError(res, 429, 'activityLimitReached');
        }
      }
      expect(statuses).toContain(429);
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
      const batch = await t.call('office-worker', 'POST', '/v1.0/$batch', {
        requests: Array.from({ length: 10 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me' }))
      });
      expect(batch.status).toBe(200);
      expect(batch.json.responses.filter((r: any) => r.status === 429).length).toBeGreaterThan(0);
      expect(batch.json.responses.find((r: any) => r.status === 429).headers['Retry-After']).toBeDefined();
    } finally {
      await t.close();
    }
  });

  test('random faults are the same for the same seed, and change with it', async () => {
    const run = async (seed: number): Promise<string[]> => {
      const t = await TestTenant.start({ items: 0, seed, faults: '429:0.2,503:0.1,504:0.1,reset:0.1' });
      const token = await t.token('office-worker');
      const out: string[] = [];
      try {
        for (let i = 0; i < 40; i++) {
          try {
            const res = await fetch(`${t.url}/v1.0/me`, { headers: { authorization: `Bearer ${token}`, connection: 'close' } });
            out.push(String(res.status) + (res.status >= 500 || res.status === 429 ? `:${res.headers.get('retry-after')}` : ''));
            await res.arrayBuffer();
          } catch {
            out.push('reset');
          }
        }
      } finally {
        await t.close();
      }
      return out;
    };
    const a = await run(5);
    const b = await run(5);
    const c = await run(6);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a).toEqual(expect.arrayContaining(['200', '429:1', 'reset']));
    expect(a.some((s) => s.startsWith('503') || s.startsWith('504'))).toBe(true);
  });

  test('fault settings change at run time', async () => {
    const t = await TestTenant.start({ items: 0 });
    try {
      const put = await fetch(`${t.url}/devtenant/faults`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ faults: '503:1' })
      });
      expect(await put.json()).toMatchObject({ faults: '503:1' });
      const res = await t.get('office-worker', '/v1.0/me');
      expectGraphError(res, 503, 'serviceNotAvailable');
      expect(res.headers.get('retry-after')).toBe('1');
      await fetch(`${t.url}/devtenant/faults`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ faults: '' })
      });
      expect((await t.get('office-worker', '/v1.0/me')).status).toBe(200);
      const bad = await fetch(`${t.url}/devtenant/faults`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ faults: '999:1' })
      });
      expect(bad.status).toBe(400);
    } finally {
      await t.close();
    }
  });
});
