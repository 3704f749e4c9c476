import type http from 'node:http';
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { errors, type RequestIds } from './errors';
import { type Ctx, type Reply } from './http/context';
import { dispatch, errorReply } from './http/dispatch';
import { normaliseQuery } from './http/query';
import { discardBody, readBody } from './http/body';
import { checkControlRequest, checkHost } from './http/loopbackGuard';
import { Router } from './http/router';
import { resolveToken } from './auth/personas';
import { splitRequestPath } from './protocol/requestPath';
import { Clock, type Tenant, type TenantOptions } from './tenant';
import { FaultController, type FaultSettings } from './faults';
import { dispatchGraph } from './graph/routes';
import { dispatchSharePoint } from './sharepoint/routes';
import { csomPathIndex, dispatchCsom } from './sharepoint/csom';
import { controlRoutes } from './control/routes';
import { getSiteByPath } from './store/sites';
import { publicHostKind, publicOrigins } from './publicHosts/publicHosts';
import { serveEntra } from './entra/entraRoutes';

/** Graph's documented limit for a JSON request; upload-session chunks (under /devtenant/upload) and inbound mail (/devtenant/mail) may be larger. */
export const maxBodyBytes = 4 * 1024 * 1024;
export const maxChunkBytes = 60 * 1024 * 1024;

const controlRouter = new Router(controlRoutes);

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function headerMap(req: http.IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

export interface AppOptions {
  db: Database.Database;
  tenantOptions: TenantOptions;
  faults: FaultSettings;
  /** The origin every URL the dev tenant hands out starts with (`http://127.0.0.1:4321`, `https://localhost:4321`). */
  publicOrigin: string;
  /**
   * Also answer requests addressed to Microsoft 365's own host names (`publicHosts.ts`), with URLs on those names and
   * Entra ID's token endpoint on `login.microsoftonline.com`: for clients run unchanged (CLI for Microsoft 365).
   */
  publicHosts?: boolean;
}

/**
 * The dev tenant as a request handler, with no socket of its own: `startDevTenant` puts it behind its own
 * loopback server, `npm start` mounts it next to the built pages on one origin (`createDevTenantHandler`).
 */
export class DevTenantApp {
  readonly tenant: Tenant;
  private readonly origin: string;
  private readonly publicHosts: boolean;
  private seq: number;
  private closed = false;

  constructor(opts: AppOptions) {
    const db = opts.db;
    this.origin = opts.publicOrigin;
    this.publicHosts = opts.publicHosts === true;
    this.seq = (db.prepare('SELECT COALESCE(MAX(seq), 0) AS m FROM items').get() as { m: number }).m;
    this.tenant = {
      db,
      clock: new Clock(db),
      faults: new FaultController(opts.tenantOptions.seed, opts.faults),
      options: opts.tenantOptions,
      publicOrigin: opts.publicOrigin,
      nextSeq: (): number => ++this.seq,
      lastSeq: (): number => this.seq,
      afterReset: (): void => this.resync()
    };
  }

  /** Called after a reset, when the store was rewritten underneath. */
  resync(): void {
    this.seq = (this.tenant.db.prepare('SELECT COALESCE(MAX(seq), 0) AS m FROM items').get() as { m: number }).m;
    this.tenant.clock.reload();
  }

  /** Answers one request; never throws (an unexpected failure is a bare 500, logged without the request). */
  serve(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (this.closed) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '1' });
      res.end('The dev tenant is shutting down.\n');
      return;
    }
    this.handle(req, res).catch((err: unknown) => {
      // A client that hung up mid-body (a dropped upload fragment) is not the dev tenant's failure.
      if (req.socket.destroyed) return;
      console.error(`devtenant: internal error: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  }

  /** Stops answering (later requests get 503); the caller closes the store. */
  stop(): void {
    this.closed = true;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const headers = headerMap(req);
    const ids: RequestIds = {
      requestId: crypto.randomUUID(),
      clientRequestId:
        headers['client-request-id'] && /^[\w.-]{1,100}$/.test(headers['client-request-id']) ? headers['client-request-id'] : '',
      date: this.tenant.clock.nowIso().replace(/\.\d+Z$/, '')
    };
    if (!ids.clientRequestId) ids.clientRequestId = ids.requestId;
    const rawUrl = req.url ?? '/';
    const qIndex = rawUrl.indexOf('?');
    const rawPath = qIndex < 0 ? rawUrl : rawUrl.slice(0, qIndex);
    const isUpload = /^\/devtenant\/(?:upload\/|mail$)/i.test(rawPath);
    const hostKind = this.publicHosts ? publicHostKind(headers['host']) : undefined;
    const origins = hostKind ? publicOrigins(hostKind) : { origin: this.origin, siteOrigin: this.origin, oneDriveOrigin: this.origin };

    const ctx: Ctx = {
      tenant: this.tenant,
      api: 'graph',
      method: (req.method ?? 'GET').toUpperCase(),
      version: 'v1.0',
      segments: [],
      query: new Map(),
      rawUrl,
      headers,
      body: Buffer.alloc(0),
      principal: undefined,
      ...origins,
      ids
    };

    const first = rawPath.split('/')[1]?.toLowerCase() ?? '';
    const spIndex = rawPath.toLowerCase().indexOf('/_api');
    const csomIndex = spIndex < 0 ? csomPathIndex(rawPath) : -1;
    let route: 'graph' | 'sharepoint' | 'control' | 'entra' | 'unknown' = 'unknown';
    if (hostKind === 'login') route = 'entra';
    else if (first === 'v1.0' || first === 'beta') route = 'graph';
    else if (first === 'devtenant') route = 'control';
    else if ((spIndex >= 0 && (rawPath.length === spIndex + 5 || rawPath[spIndex + 5] === '/')) || csomIndex >= 0) route = 'sharepoint';
    ctx.api = route === 'sharepoint' ? 'sharepoint' : route === 'control' ? 'control' : route === 'entra' ? 'entra' : 'graph';
    // A site path the dev tenant does not serve (`/sites/x/_layouts/...`) is SharePoint's: its 501 comes in SharePoint's envelope.
    if (route === 'unknown' && (/^\/(sites|teams|personal)\//i.test(rawPath) || (hostKind !== undefined && hostKind !== 'graph')))
      ctx.api = 'sharepoint';

    // Who may ask comes before reading what they send (see http/loopbackGuard.ts).
    try {
      // A Microsoft 365 name reaches the dev tenant only in a process that maps it here (publicHosts.ts).
      if (!hostKind) checkHost(headers['host'], this.origin);
      if (route === 'control') checkControlRequest(ctx.method, rawPath, headers, this.origin);
    } catch (err) {
      discardBody(req);
      return this.write(res, ctx, errorReply(ctx, err));
    }
    const limit = isUpload ? maxChunkBytes : maxBodyBytes;
    const read = await readBody(req, limit);
    if (read.tooLarge) return this.write(res, ctx, errorReply(ctx, errors.tooLarge(limit)));
    ctx.body = read.body;

    let reply: Reply;
    const throttled = route === 'graph' || route === 'sharepoint';
    try {
      if (throttled) {
        const faulted = await this.applyFaults(ctx, req, rawPath);
        if (faulted === 'dropped') return;
        if (faulted) return this.write(res, ctx, this.withRateLimitHeaders(faulted));
      }
      ctx.query = normaliseQuery(new URLSearchParams(qIndex < 0 ? '' : rawUrl.slice(qIndex + 1)));
      const principal = resolveToken(this.tenant.db, headers['authorization']);
      ctx.principal = principal === 'invalid' ? undefined : principal;
      if (route === 'unknown') throw errors.notImplemented(`the path '${rawPath}'`);
      if (route === 'entra') {
        reply = serveEntra(ctx, rawPath);
      } else if (route === 'control') {
        ctx.segments = splitRequestPath(rawPath.slice('/devtenant'.length), 'graph') ?? [];
        reply = dispatch(ctx, controlRouter, `the control path '${rawPath}'`);
      } else if (route === 'graph') {
        ctx.version = first;
        const segs = splitRequestPath(rawPath.slice(first.length + 1), 'graph');
        if (!segs) throw errors.badRequest('The request URL is not correctly percent-encoded.');
        ctx.segments = segs;
        reply = dispatchGraph(ctx);
      } else {
        const sitePath = decodeURIComponent(rawPath.slice(0, csomIndex >= 0 ? csomIndex : spIndex)) || '/';
        const site = getSiteByPath(this.tenant.db, sitePath);
        if (!site) throw errors.notFound(`No site exists at '${sitePath}'.`);
        ctx.siteId = site.id;
        if (csomIndex >= 0) return this.write(res, ctx, this.withRateLimitHeaders(dispatchCsom(ctx)));
        const segs = splitRequestPath(rawPath.slice(spIndex + 5), 'sharepoint');
        if (!segs) throw errors.badRequest('The request URL is not correctly percent-encoded.');
        ctx.segments = segs;
        reply = dispatchSharePoint(ctx);
      }
    } catch (err) {
      reply = errorReply(ctx, err);
    }
    this.write(res, ctx, throttled ? this.withRateLimitHeaders(reply) : reply);
  }

  /** Under a rate ceiling, every Graph and SharePoint answer says how much of it is left once 80% is used. */
  private withRateLimitHeaders(reply: Reply): Reply {
    const headers = this.tenant.faults.rateLimitHeaders();
    return headers ? { ...reply, headers: { ...(reply.headers ?? {}), ...headers } } : reply;
  }

  /** Latency, the random faults and the rate ceiling; `$batch` is counted per inner request instead. */
  private async applyFaults(ctx: Ctx, req: http.IncomingMessage, rawPath: string): Promise<Reply | 'dropped' | undefined> {
    const faults = this.tenant.faults;
    if (faults.settings.latencyMs > 0) await sleep(faults.settings.latencyMs);
    const fault = faults.nextFault();
    if (fault === 'reset') {
      req.socket.destroy();
      return 'dropped';
    }
    if (fault === '429') return errorReply(ctx, errors.throttled(1));
    if (fault === '503' || fault === '504') return errorReply(ctx, errors.unavailable(Number(fault) as 503 | 504, 1));
    if (/^\/(v1\.0|beta)\/\$batch\/?$/i.test(rawPath)) return undefined;
    const retryAfter = faults.takeRate();
    if (retryAfter !== undefined) return errorReply(ctx, errors.throttled(retryAfter));
    return undefined;
  }

  private write(res: http.ServerResponse, ctx: Ctx, reply: Reply): void {
    const h: Record<string, string> = {
      'request-id': ctx.ids.requestId,
      'client-request-id': ctx.ids.clientRequestId,
      date: new Date(this.tenant.clock.nowMs()).toUTCString(),
      ...(reply.headers ?? {})
    };
    let payload: Buffer | undefined;
    if (reply.body !== undefined && reply.body !== null) {
      if (Buffer.isBuffer(reply.body)) {
        payload = reply.body;
        h['content-type'] ??= 'application/octet-stream';
      } else if (typeof reply.body === 'string') {
        payload = Buffer.from(reply.body, 'utf8');
        h['content-type'] ??= 'text/plain; charset=utf-8';
      } else {
        payload = Buffer.from(JSON.stringify(reply.body), 'utf8');
        h['content-type'] ??=
          ctx.api === 'sharepoint'
            ? 'application/json;odata=nometadata;streaming=true;charset=utf-8'
            : 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
      }
    }
    if (payload) h['content-length'] = String(payload.length);
    else if (reply.status !== 204 && reply.status !== 304) h['content-length'] = '0';
    res.writeHead(reply.status, h);
    res.end(ctx.method === 'HEAD' ? undefined : payload);
  }
}
