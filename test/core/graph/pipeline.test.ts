import { CustodianError } from '../../../src/core/http/CustodianError';
import { createGraphGateway } from '../../../src/core/graph/createGraphGateway';
import type { GraphGateway } from '../../../src/core/graph/GraphGateway';
import { fakeTiming, type FakeTiming } from '../support/fakeTiming';
import { startLoopbackPeer, staticTokens, type LoopbackPeer } from '../support/loopbackPeer';

let peer: LoopbackPeer;
let timing: FakeTiming;
let graph: GraphGateway;
let tokens: ReturnType<typeof staticTokens>;

beforeEach(async () => {
  peer = await startLoopbackPeer();
  timing = fakeTiming();
  tokens = staticTokens();
  graph = createGraphGateway({
    tokens,
    baseUrl: peer.url,
    resource: 'https://graph.microsoft.com',
    timing,
    governor: { initialRate: 1000 }
  });
});
afterEach(() => peer.close());

const get = { method: 'GET' as const, url: '/me', action: 'read your profile' };
const post = { method: 'POST' as const, url: '/things', body: { name: 'x' }, action: 'create a thing' };

describe('auth', () => {
  it('sends the token as a bearer header to its own origin, never in the URL', async () => {
    peer.queue({ body: { id: 'u1' } });
    await expect(graph.call(get)).resolves.toEqual({ id: 'u1' });
    expect(peer.seen[0].headers.authorization).toBe('Bearer test-token-not-a-secret');
    expect(peer.seen[0].url).toBe('/v1.0/me');
    expect(peer.seen[0].url).not.toContain('test-token');
    expect(tokens.asked).toEqual(['https://graph.microsoft.com']);
  });

  it('sends no token for a request marked anonymous (a pre-authenticated upload URL)', async () => {
    peer.queue({ body: {} });
    await graph.call({ ...get, url: `${peer.url}/upload/session-1`, anonymous: true });
    expect(peer.seen[0].url).toBe('/upload/session-1');
    expect(peer.seen[0].headers.authorization).toBeUndefined();
    expect(tokens.asked).toEqual([]);
  });

  it('refuses to follow a plain-http link to another origin', async () => {
    await expect(graph.call({ ...get, url: 'http://elsewhere.invalid/v1.0/me' })).rejects.toMatchObject({ code: 'insecureUrl', status: 0 });
    expect(peer.seen).toHaveLength(0);
  });

  it('keeps a token provider failure as it was thrown', async () => {
    const failing = createGraphGateway({
      tokens: {
        getAccessToken: () =>
          Promise.reject(
            new CustodianError({
              status: 400,
              code: 'invalid_grant',
              serviceMessage: 'AADSTS70000',
              source: 'entra',
              what: 'w',
              why: 'y',
              whatToDo: 'd'
            })
          )
      },
      baseUrl: peer.url,
      timing
    });
    await expect(failing.call(get)).rejects.toMatchObject({ code: 'invalid_grant', source: 'entra' });
  });
});

describe('retry', () => {
  it('waits Retry-After seconds on 429, then succeeds', async () => {
    peer.queue(
      { status: 429, headers: { 'Retry-After': '7' }, body: { error: { code: 'activityLimitReached', message: 'slow down' } } },
      { body: { id: 'u1' } }
    );
    await expect(graph.call(get)).resolves.toEqual({ id: 'u1' });
    expect(peer.seen).toHaveLength(2);
    expect(timing.sleeps.filter((s) => s >= 1000)).toEqual([7000]);
  });

  it('waits until an HTTP-date Retry-After', async () => {
    const at = new Date(timing.now() + 12_000).toUTCString();
    peer.queue({ status: 503, headers: { 'Retry-After': at }, body: '' }, { body: { ok: true } });
    await graph.call(get);
    expect(timing.sleeps.filter((s) => s >= 1000)).toEqual([12_000]);
  });

  it('retries a throttled POST (the service did not run it)', async () => {
    peer.queue({ status: 429, headers: { 'Retry-After': '1' } }, { status: 201, body: { id: 't1' } });
    await expect(graph.call(post)).resolves.toEqual({ id: 't1' });
    expect(peer.seen.map((r) => r.body)).toEqual(['{"name":"x"}', '{"name":"x"}']);
  });

  it('does not repeat a POST after a 504 or a dropped connection, but does repeat a GET', async () => {
    peer.queue({ status: 504, body: '' });
    await expect(graph.call(post)).rejects.toMatchObject({ status: 504 });
    expect(peer.seen).toHaveLength(1);

    peer.queue({ drop: true });
    await expect(graph.call(post)).rejects.toMatchObject({ status: 0, code: 'networkError', source: 'network' });
    expect(peer.seen).toHaveLength(2);

    peer.queue({ drop: true }, { status: 504, body: '' }, { body: { id: 'u1' } });
    await expect(graph.call(get)).resolves.toEqual({ id: 'u1' });
    expect(peer.seen).toHaveLength(5);
  });

  it('repeats a PATCH its operation declares idempotent after a dropped connection', async () => {
    peer.queue({ drop: true }, { body: { name: 'HR' } });
    await expect(
      graph.call({ method: 'PATCH', url: '/x/retentionLabel', body: { name: 'HR' }, action: 'label', idempotent: true })
    ).resolves.toEqual({ name: 'HR' });
    expect(peer.seen).toHaveLength(2);
  });

  it('backs off exponentially with jitter and gives up after the cap', async () => {
    for (let i = 0; i < 7; i++) peer.queue({ status: 503, body: '' });
    await expect(graph.call(get)).rejects.toMatchObject({ status: 503 });
    expect(peer.seen).toHaveLength(7);
    // random() = 0.5 gives 75% of each step: 500, 1000, 2000, 4000, 8000, 16000 ms.
    expect(timing.sleeps.filter((s) => s >= 100)).toEqual([375, 750, 1500, 3000, 6000, 12000]);
  });

  it('never retries an aborted request', async () => {
    const controller = new AbortController();
    let release: () => void = () => undefined;
    const answer = new Promise<void>((resolve) => (release = resolve));
    // The peer signals when the request has reached it, so the abort lands while the request is in flight.
    const arrived = new Promise<void>((resolve) => {
      peer.otherwise = () => {
        resolve();
        return { after: answer, body: {} };
      };
    });
    const pending = graph.call(get, { signal: controller.signal });
    await arrived;
    controller.abort();
    await expect(pending).rejects.toMatchObject({ status: 0, code: 'aborted' });
    release();
    // A later call is the barrier: the peer sees it right after the aborted request, with no retry between them.
    peer.otherwise = () => ({ body: { id: 'after' } });
    await expect(graph.call({ ...get, url: '/after-abort' })).resolves.toEqual({ id: 'after' });
    expect(peer.seen.map((r) => r.url)).toEqual(['/v1.0/me', '/v1.0/after-abort']);
  });

  it('stops waiting for Retry-After when aborted', async () => {
    const controller = new AbortController();
    peer.queue({ status: 429, headers: { 'Retry-After': '30' } });
    controller.abort();
    await expect(graph.call(get, { signal: controller.signal })).rejects.toMatchObject({ code: 'aborted' });
  });

  it('never replays a stream body', async () => {
    peer.queue({ status: 429, headers: { 'Retry-After': '1' }, body: { error: { code: 'activityLimitReached', message: 'x' } } });
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode('bytes'));
        c.close();
      }
    });
    const response = await graph.send({ method: 'PUT', url: '/upload', body: stream, action: 'upload', idempotent: true });
    expect(response.status).toBe(429);
    expect(peer.seen).toHaveLength(1);
    expect(peer.seen[0].body).toBe('bytes');
  }, 10_000);
});

describe('governor', () => {
  it('slows the client down when 429s appear and speeds it up when they stop', async () => {
    const before = graph.governor.rate;
    peer.queue({ status: 429, headers: { 'Retry-After': '1' } }, { body: {} });
    await graph.call(get);
    const after429 = graph.governor.rate;
    expect(after429).toBeLessThan(before);
    peer.otherwise = () => ({ body: {} });
    for (let i = 0; i < 20; i++) await graph.call(get);
    expect(graph.governor.rate).toBeGreaterThan(after429);
  });
});
