import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDevTenantTokenProvider, type DevTenantPersona } from '../../../../../src/core/auth/createDevTenantTokenProvider';
import { createGraphGateway } from '../../../../../src/core/graph/createGraphGateway';
import type { GraphGateway } from '../../../../../src/core/graph/GraphGateway';
import { createSharePoint, type SharePointSite } from '../../../../../src/core/sharepoint/createSharePoint';
import { createDevTenantHandler, type DevTenantHandler } from '../../../../../src/devtenant/index';
import { fakeTiming } from '../../../support/fakeTiming';

/** What the server does with one request instead of letting the dev tenant answer it. */
export type Fault =
  /** Answer this instead (Graph's error envelope, say). */
  | { status: number; body: unknown }
  /** Destroy the socket: a dropped connection. */
  | { drop: true }
  /** Let the dev tenant answer the request (its body included), then change its JSON answer (a label gone from the file plan, say). */
  | { rewrite: (body: unknown) => unknown };

export interface DevTenantWithFaults {
  url: string;
  /** Asked for every request; undefined lets the dev tenant answer. */
  fault: (request: { method: string; path: string }) => Fault | undefined;
  /** A persona's gateway; its retries wait on a virtual clock, so a dropped connection costs no real time. */
  graph(persona: DevTenantPersona): GraphGateway;
  site(persona: DevTenantPersona, path: string): SharePointSite;
  close(): Promise<void>;
}

const passHeader = 'x-test-pass-through';

/**
 * An in-memory dev tenant mounted (as `npm start` mounts it, `createDevTenantHandler`) in a loopback server the
 * test controls: every request reaches the dev tenant unless `fault` says otherwise. A fault is how a real tenant
 * fails a check (a 403 without a permission, a dropped connection, a file plan without a label); everything else,
 * the refusal included, is the real thing.
 */
export async function startDevTenantWithFaults(items = 60): Promise<DevTenantWithFaults> {
  // Mounted once the server has a port (the dev tenant's URLs start with its origin).
  const mounted: { handler?: DevTenantHandler } = {};
  const server = http.createServer((req, res) => {
    const method = req.method ?? 'GET';
    const fault = req.headers[passHeader] ? undefined : tenant.fault({ method, path: decodeURIComponent((req.url ?? '/').split('?')[0]) });
    if (!fault) return mounted.handler?.handle(req, res);
    if ('drop' in fault) return void req.socket.destroy();
    if ('status' in fault) {
      res.writeHead(fault.status, { 'Content-Type': 'application/json' });
      return void res.end(JSON.stringify(fault.body));
    }
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(([k, v]) => typeof v === 'string' && !['host', 'connection', 'accept-encoding'].includes(k))
    ) as Record<string, string>;
    // The request's own body goes along (a $batch, say), so the dev tenant answers what was asked.
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
      fetch(`${tenant.url}${req.url ?? '/'}`, { method, headers: { ...headers, [passHeader]: '1' }, ...(body ? { body } : {}) })
        .then(async (answer) => {
          const rewritten = fault.rewrite(await answer.json());
          res.writeHead(answer.status, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify(rewritten));
        })
        .catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const running = await createDevTenantHandler({ memory: true, items, publicOrigin: url });
  mounted.handler = running;
  const gateways = new Map<string, GraphGateway>();
  const tenant: DevTenantWithFaults = {
    url,
    fault: () => undefined,
    graph(persona) {
      let g = gateways.get(persona);
      if (!g) {
        const tokens = createDevTenantTokenProvider({ url, persona });
        g = createGraphGateway({ baseUrl: url, tokens, timing: fakeTiming(), governor: { initialRate: 500 } });
        gateways.set(persona, g);
      }
      return g;
    },
    site: (persona, path) =>
      createSharePoint(`${url}${path}`, { tokens: createDevTenantTokenProvider({ url, persona }), governor: { initialRate: 500 } }),
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await running.close();
    }
  };
  return tenant;
}
