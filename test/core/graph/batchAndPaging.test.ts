import { createGraphGateway } from '../../../src/core/graph/createGraphGateway';
import type { GraphCall } from '../../../src/core/graph/GraphCall';
import type { GraphGateway } from '../../../src/core/graph/GraphGateway';
import { iteratePages, listAll } from '../../../src/core/graph/iteratePages';
import { planBatches, runBatch } from '../../../src/core/graph/runBatch';
import { fakeTiming, type FakeTiming } from '../support/fakeTiming';
import { startLoopbackPeer, staticTokens, type LoopbackPeer } from '../support/loopbackPeer';

let peer: LoopbackPeer;
let timing: FakeTiming;
let graph: GraphGateway;

interface BatchBody {
  requests: { id: string; method: string; url: string; body?: unknown; dependsOn?: string[]; headers?: Record<string, string> }[];
}

beforeEach(async () => {
  peer = await startLoopbackPeer();
  timing = fakeTiming();
  graph = createGraphGateway({ tokens: staticTokens(), baseUrl: peer.url, timing, governor: { initialRate: 1000 } });
});
afterEach(() => peer.close());

const label = (i: number): GraphCall<unknown> => ({
  method: 'PATCH',
  url: `/drives/d/items/i${i}/retentionLabel`,
  body: { name: "O'Brien" },
  idempotent: true,
  action: `label ${i}`
});
const ok = (b: BatchBody) => ({
  body: {
    responses: b.requests.map((r) => ({ id: r.id, status: 200, headers: { 'Content-Type': 'application/json' }, body: { url: r.url } }))
  }
});

describe('runBatch', () => {
  it('splits 45 calls into batches of 20, 20 and 5 and maps every answer back in order', async () => {
    peer.otherwise = (req) => ok(JSON.parse(req.body) as BatchBody);
    const outcomes = await runBatch(
      graph,
      Array.from({ length: 45 }, (_, i) => label(i))
    );
    expect(peer.seen.map((r) => (JSON.parse(r.body) as BatchBody).requests.length)).toEqual([20, 20, 5]);
    expect(peer.seen.every((r) => r.url === '/v1.0/$batch' && r.headers.authorization === 'Bearer test-token-not-a-secret')).toBe(true);
    const first = (JSON.parse(peer.seen[0].body) as BatchBody).requests[0];
    expect(first).toMatchObject({ method: 'PATCH', url: '/drives/d/items/i0/retentionLabel', body: { name: "O'Brien" } });
    expect(first.headers?.['content-type'] ?? first.headers?.['Content-Type']).toMatch(/application\/json/);
    expect(outcomes.map((o) => (o.ok ? (o.value as { url: string }).url : ''))).toEqual(
      Array.from({ length: 45 }, (_, i) => `/drives/d/items/i${i}/retentionLabel`)
    );
  });

  it('sends inner 429s again after their Retry-After, and reports each inner answer to the governor', async () => {
    let round = 0;
    peer.otherwise = (req) => {
      const b = JSON.parse(req.body) as BatchBody;
      round++;
      return {
        body: {
          responses: b.requests.map((r) =>
            round === 1 && Number(r.id) % 2 === 0
              ? { id: r.id, status: 429, headers: { 'Retry-After': '3' }, body: { error: { code: 'activityLimitReached', message: 'x' } } }
              : { id: r.id, status: 200, body: {} }
          )
        }
      };
    };
    const before = graph.governor.snapshot().throttles;
    const outcomes = await runBatch(
      graph,
      Array.from({ length: 6 }, (_, i) => label(i))
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect((JSON.parse(peer.seen[1].body) as BatchBody).requests.map((r) => r.id)).toEqual(['0', '2', '4']);
    expect(timing.sleeps).toContain(3000);
    expect(graph.governor.snapshot().throttles - before).toBe(3);
  });

  it('keeps a dependency chain in one batch, and a 424 dependant goes again with its retried dependency', async () => {
    const calls: GraphCall<unknown>[] = [label(0), { ...label(1), dependsOn: [0] }, { ...label(2), dependsOn: [1] }, label(3)];
    expect(planBatches(calls)).toEqual([[0, 1, 2], [3]]);
    let round = 0;
    peer.otherwise = (req) => {
      const b = JSON.parse(req.body) as BatchBody;
      round++;
      if (round === 1) {
        return {
          body: {
            responses: [
              { id: '0', status: 200, body: {} },
              { id: '1', status: 503, headers: { 'Retry-After': '1' }, body: {} },
              { id: '2', status: 424, body: { error: { code: 'failedDependency', message: 'x' } } }
            ]
          }
        };
      }
      return ok(b);
    };
    const outcomes = await runBatch(graph, calls);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, true, true]);
    const retried = JSON.parse(peer.seen[1].body) as BatchBody;
    expect(retried.requests.map((r) => [r.id, r.dependsOn ?? []])).toEqual([
      ['1', []],
      ['2', ['1']]
    ]);
  });

  it('reports a 424 whose dependency failed for good, explained as such', async () => {
    peer.otherwise = () => ({
      body: {
        responses: [
          { id: '0', status: 403, body: { error: { code: 'accessDenied', message: 'no' } } },
          { id: '1', status: 424, body: { error: { code: 'failedDependency', message: 'x' } } }
        ]
      }
    });
    const outcomes = await runBatch(graph, [label(0), { ...label(1), dependsOn: [0] }]);
    expect(outcomes[0]).toMatchObject({ ok: false, status: 403 });
    expect(outcomes[1]).toMatchObject({
      ok: false,
      status: 424,
      error: { why: 'An earlier step of the same change failed, so this step was not attempted.' }
    });
  });

  it('fails every call of a batch the service refuses as a whole', async () => {
    peer.queue({ status: 400, body: { error: { code: 'invalidRequest', message: 'bad batch' } } });
    const outcomes = await runBatch(graph, [label(0), label(1)]);
    expect(outcomes.map((o) => !o.ok && o.error.code)).toEqual(['invalidRequest', 'invalidRequest']);
  });
});

describe('paging', () => {
  it('follows @odata.nextLink whole, carrying the first request headers, to the deltaLink', async () => {
    const next1 = `${peer.url}/v1.0/items/delta?$skiptoken=${encodeURIComponent("a'b&c=d%")}&token=opaque%2Bvalue`;
    const next2 = `${peer.url}/v1.0/items/delta?$skiptoken=page3`;
    peer.queue(
      { body: { value: [1, 2], '@odata.nextLink': next1 } },
      { body: { value: [3], '@odata.nextLink': next2 } },
      { body: { value: [4], '@odata.deltaLink': `${peer.url}/v1.0/items/delta?token=latest` } }
    );
    const pages = [];
    for await (const page of iteratePages<number>(graph, {
      method: 'GET',
      url: '/items/delta',
      headers: { Prefer: 'deltashowremovedasdeleted' },
      action: 'read'
    }))
      pages.push(page);
    expect(pages).toEqual([{ items: [1, 2] }, { items: [3] }, { items: [4], deltaLink: `${peer.url}/v1.0/items/delta?token=latest` }]);
    // Byte for byte, after the WHATWG URL normalisation fetch applies to any URL (a raw ' in a query becomes %27).
    expect(peer.seen.map((r) => new URL(r.url, peer.url).href)).toEqual([
      `${peer.url}/v1.0/items/delta`,
      new URL(next1).href,
      new URL(next2).href
    ]);
    expect(peer.seen.every((r) => r.headers.prefer === 'deltashowremovedasdeleted')).toBe(true);
  });

  it('collects every page with listAll', async () => {
    peer.queue({ body: { value: ['a'], '@odata.nextLink': `${peer.url}/v1.0/x?$skiptoken=2` } }, { body: { value: ['b'] } });
    await expect(listAll(graph, { method: 'GET', url: '/x', action: 'read' })).resolves.toEqual(['a', 'b']);
  });
});
