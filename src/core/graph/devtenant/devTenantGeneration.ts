import type { GraphGateway } from '../GraphGateway';

/**
 * Which tenant the dev tenant on the gateway's origin is: an id it draws anew each time it is seeded or reset
 * (`store.generation` of `GET /devtenant`), `undefined` when it has none (a data folder seeded before it had one).
 * Demo mode names its IndexedDB after it, so that a page keeps its index across reloads, as in Teams, but never
 * mixes two tenants. Microsoft 365 has no such route: only demo mode asks.
 */
export async function devTenantGeneration(graph: GraphGateway): Promise<string | undefined> {
  const answer = await graph.call<{ generation?: string }>({
    method: 'GET',
    url: `${graph.baseOrigin}/devtenant`,
    action: 'read which dev tenant this is',
    parse: (body) => {
      const generation = (body as { store?: { generation?: unknown } }).store?.generation;
      return typeof generation === 'string' && generation !== '' ? { generation } : {};
    }
  });
  return answer.generation;
}
