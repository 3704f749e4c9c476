import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { openDatabase } from './store/db';
import { DevTenantApp } from './server';
import { parseFaultSpec, type FaultKind } from './faults';
import { parseMeteredSpec, type MeteredSetting } from './meteredApi';
import { seedTenant } from './seed/seed';
import { getMeta } from './tenant';
import { publicHostCertificates } from './publicHosts/certificates';

export interface DevTenantOptions {
  /** 0 (the default) picks a free port. Only `startDevTenant` listens; a mounted handler ignores it. */
  port?: number;
  /** A folder for the SQLite store (created when missing); data there survives restarts. */
  dataDir?: string;
  /** Keep everything in memory (the default when no dataDir is given). */
  memory?: boolean;
  /** The seed the organisation is generated from (default 1). */
  seed?: number;
  /** How many documents to seed (default 2,000). */
  items?: number;
  /** Delay added to every Graph and SharePoint request. */
  latencyMs?: number;
  /** Request-rate ceiling in requests per second (0 = none). */
  rate?: number;
  /** Random faults, e.g. `429:0.05,503:0.02,reset:0.01`. */
  faults?: string;
  /**
   * Meter assignSensitivityLabel: `unbilled` (402 on every call), `billed` (Microsoft's 100 calls per 5 minutes per
   * tenant, then 429 with Retry-After) or a number of calls per 5 minutes. Off when absent.
   */
  metered?: string;
  /**
   * Serve https and also answer on Microsoft 365's own host names (`graph.microsoft.com`, `login.microsoftonline.com`,
   * `{tenant}.sharepoint.com`, ...) for clients run unchanged, such as CLI for Microsoft 365 (`npm run m365`).
   * `tlsDir` keeps the local certificate authority (default: `{dataDir}/tls`, or a temporary folder in memory).
   */
  publicHosts?: { tlsDir?: string };
}

export interface RunningDevTenant {
  url: string;
  /** In public-hosts mode: the port the Microsoft 365 names must reach, and the CA certificate a client must trust. */
  publicHosts?: { port: number; caFile: string };
  close(): Promise<void>;
}

/** The dev tenant mounted inside another loopback server (`npm start`), sharing its origin. */
export interface DevTenantHandler {
  /**
   * True when the request belongs to the dev tenant: `/v1.0`, `/beta`, `/devtenant`, and SharePoint REST (any
   * path containing `/_api/` or `/_vti_bin/`, or ending in `/_api`). Takes a request URL (path and query) or
   * an absolute URL.
   */
  owns(url: string): boolean;
  /** Answers a request `owns` accepted. Never throws. */
  handle(request: http.IncomingMessage, response: http.ServerResponse): void;
  /** Stops answering (later requests get 503) and closes the store. */
  close(): Promise<void>;
}

export const defaultItems = 2000;

interface CheckedOptions {
  seed: number;
  items: number;
  faults: Partial<Record<FaultKind, number>>;
  metered?: MeteredSetting;
}

function checkOptions(options: DevTenantOptions): CheckedOptions {
  if (options.memory && options.dataDir) throw new Error('Give either a data folder or memory, not both.');
  const faults = parseFaultSpec(options.faults ?? '');
  if (!faults.ok) throw new Error(faults.reason);
  const metered = options.metered === undefined ? undefined : parseMeteredSpec(options.metered);
  if (metered && !metered.ok) throw new Error(`metered: ${metered.reason}`);
  const seed = options.seed ?? 1;
  const items = options.items ?? defaultItems;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error('The seed must be an integer from 0 to 4294967295.');
  if (!Number.isInteger(items) || items < 0 || items > 1_000_000)
    throw new Error('The number of items must be an integer from 0 to 1,000,000.');
  for (const [name, v] of [
    ['latencyMs', options.latencyMs],
    ['rate', options.rate]
  ] as const)
    if (v !== undefined && (!Number.isFinite(v) || v < 0)) throw new Error(`${name} must be a number of at least 0.`);
  return { seed, items, faults: faults.value, metered: metered?.value };
}

const loopbackHosts = ['127.0.0.1', 'localhost', '[::1]'];

/** `http(s)://{loopback host}:{port}` with nothing after it; anything else is refused (the dev tenant is loopback only). */
function checkPublicOrigin(origin: string): string {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new Error(`publicOrigin '${origin}' is not an absolute URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`publicOrigin '${origin}' must be http or https.`);
  if (!loopbackHosts.includes(url.hostname.toLowerCase()))
    throw new Error(`publicOrigin '${origin}' must name a loopback host (${loopbackHosts.join(', ')}).`);
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username || url.password)
    throw new Error(`publicOrigin '${origin}' must be an origin only (scheme, host and port).`);
  return url.origin;
}

const ownedRoots = ['v1.0', 'beta', 'devtenant'];

/** The request routing rule shared by `owns` and the server: Graph, control routes and SharePoint REST. */
export function isDevTenantPath(url: string): boolean {
  let path = url;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
    try {
      path = new URL(path).pathname;
    } catch {
      return false;
    }
  }
  path = path.replace(/[?#].*$/s, '');
  const lower = path.toLowerCase();
  const first = lower.split('/')[1] ?? '';
  if (lower.startsWith('/') && ownedRoots.includes(first)) return true;
  return /\/_api(\/|$)/.test(lower) || /\/_vti_bin(\/|$)/.test(lower);
}

/**
 * Opens (or creates and seeds) the store and builds the dev tenant as a request handler for a server that
 * also serves other things on the same origin. Every URL it hands out (`webUrl`, `@odata.nextLink`, monitor
 * and upload URLs) starts with `publicOrigin`. A new store is seeded from `seed`; an existing data folder is
 * reopened as it was left (its own seed is kept, so the options do not silently reseed it).
 */
export async function createDevTenantHandler(
  options: DevTenantOptions & { publicOrigin: string; answerPublicHosts?: boolean }
): Promise<DevTenantHandler> {
  const checked = checkOptions(options);
  const publicOrigin = checkPublicOrigin(options.publicOrigin);
  const db = openDatabase(options.memory ? undefined : options.dataDir);
  let app: DevTenantApp;
  try {
    if (getMeta(db, 'seed') === undefined) db.transaction(() => seedTenant(db, checked.seed, checked.items, Date.now()))();
    app = new DevTenantApp({
      db,
      publicOrigin,
      publicHosts: options.answerPublicHosts === true,
      tenantOptions: { seed: Number(getMeta(db, 'seed')), items: Number(getMeta(db, 'items')), dataDir: options.dataDir },
      faults: { latencyMs: options.latencyMs ?? 0, rate: options.rate ?? 0, probabilities: checked.faults, metered: checked.metered }
    });
  } catch (e) {
    db.close();
    throw e;
  }
  let closed = false;
  return Promise.resolve({
    owns: isDevTenantPath,
    handle: (request, response) => app.serve(request, response),
    close(): Promise<void> {
      if (!closed) {
        closed = true;
        app.stop();
        db.close();
      }
      return Promise.resolve();
    }
  });
}

/**
 * Starts a dev tenant on its own 127.0.0.1 server (the CLI and the tests); built on `createDevTenantHandler`,
 * so it is the same code path as the handler mounted by `npm start`. Paths the dev tenant does not own answer
 * 501 in Graph's envelope.
 */
export async function startDevTenant(options: DevTenantOptions = {}): Promise<RunningDevTenant> {
  checkOptions(options);
  let handler: DevTenantHandler | undefined;
  const listener = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    if (handler) handler.handle(req, res);
    else {
      res.writeHead(503, { 'retry-after': '1' });
      res.end();
    }
  };
  const tls = options.publicHosts
    ? await publicHostCertificates(
        options.publicHosts.tlsDir ??
          (options.dataDir ? path.join(options.dataDir, 'tls') : fs.mkdtempSync(path.join(os.tmpdir(), 'devtenant-tls-')))
      )
    : undefined;
  const server = tls ? https.createServer({ key: tls.key, cert: tls.cert }, listener) : http.createServer(listener);
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  const closeServer = (): Promise<void> =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  try {
    handler = await createDevTenantHandler({ ...options, publicOrigin: url, answerPublicHosts: tls !== undefined });
  } catch (e) {
    await closeServer();
    throw e;
  }
  const running = handler;
  let closed = false;
  return {
    url,
    ...(tls ? { publicHosts: { port, caFile: tls.caFile } } : {}),
    async close() {
      if (closed) return;
      closed = true;
      await closeServer();
      await running.close();
    }
  };
}
