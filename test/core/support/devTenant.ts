import { startDevTenant, type RunningDevTenant } from '../../../src/devtenant/index';
import { createDevTenantTokenProvider, type DevTenantPersona } from '../../../src/core/auth/createDevTenantTokenProvider';
import { createGraphGateway } from '../../../src/core/graph/createGraphGateway';
import type { GraphGateway } from '../../../src/core/graph/GraphGateway';
import { createSharePoint, type SharePointSite } from '../../../src/core/sharepoint/createSharePoint';

/** A dev tenant in memory on a free loopback port, and gateways onto it as each persona. */
export interface TestTenant {
  url: string;
  running: RunningDevTenant;
  graph(persona: DevTenantPersona): GraphGateway;
  site(persona: DevTenantPersona, path: string): SharePointSite;
  /** Control route helper (`/devtenant/...`), e.g. to set faults. */
  control(method: string, path: string, body?: unknown): Promise<unknown>;
  close(): Promise<void>;
}

/** `dataDir` keeps the store in that folder instead of memory, so a test can write to it directly (`fillListThroughStore`). */
export async function startTestTenant(items = 120, options: { dataDir?: string } = {}): Promise<TestTenant> {
  const running = await startDevTenant({ ...(options.dataDir ? { dataDir: options.dataDir } : { memory: true }), port: 0, items });
  const url = running.url;
  const gateways = new Map<string, GraphGateway>();
  return {
    url,
    running,
    graph(persona) {
      let g = gateways.get(persona);
      if (!g) {
        g = createGraphGateway({ baseUrl: url, tokens: createDevTenantTokenProvider({ url, persona }), governor: { initialRate: 500 } });
        gateways.set(persona, g);
      }
      return g;
    },
    site: (persona, path) =>
      createSharePoint(`${url}${path}`, { tokens: createDevTenantTokenProvider({ url, persona }), governor: { initialRate: 500 } }),
    async control(method, path, body) {
      const res = await fetch(`${url}/devtenant${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body)
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} /devtenant${path} answered ${res.status}: ${text}`);
      return text ? (JSON.parse(text) as unknown) : undefined;
    },
    close: () => running.close()
  };
}
