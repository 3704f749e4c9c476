import type { GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';

/**
 * The dev tenant's clock, read and moved through its control route `/devtenant/clock` on the gateway's own
 * origin (where `npm start` serves it), so that retention can end while a person watches. Microsoft 365 has no
 * such route: only demo mode builds this.
 */
export interface DevTenantClock {
  /** The dev tenant's current time (UTC ISO 8601). */
  now(): Promise<string>;
  /** Moves it forward by whole days (never back) and gives the new time. */
  advance(days: number): Promise<string>;
}

function clockCall(graph: GraphGateway, method: 'GET' | 'POST', body?: unknown): GraphCall<{ now: string }> {
  return {
    method,
    url: `${graph.baseOrigin}/devtenant/clock`,
    ...(body === undefined ? {} : { body }),
    action: method === 'GET' ? "read the dev tenant's clock" : "move the dev tenant's clock forward",
    parse: (answer) => ({ now: String((answer as { now?: unknown }).now) })
  };
}

export function devTenantClock(graph: GraphGateway): DevTenantClock {
  return {
    now: async () => (await graph.call(clockCall(graph, 'GET'))).now,
    advance: async (days) => (await graph.call(clockCall(graph, 'POST', { days }))).now
  };
}
