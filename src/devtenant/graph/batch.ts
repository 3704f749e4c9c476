import { errors, graphErrorBody } from '../errors';
import { type Ctx, json, jsonBody, type Reply } from '../http/context';
import type { Route } from '../http/router';
import { normaliseQuery } from '../http/query';
import { splitRequestPath } from '../protocol/requestPath';

/**
 * JSON batching (https://learn.microsoft.com/graph/json-batching): at most 20 requests, `dependsOn` ordering,
 * 424 Failed Dependency for requests whose dependency failed. Each inner request counts against the rate
 * ceiling on its own (and can get its own 429), as Graph throttles them individually.
 */

export const maxBatchRequests = 20;
const methods = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'];

interface BatchRequest {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  dependsOn: string[];
}

function parseRequests(ctx: Ctx): BatchRequest[] {
  const body = jsonBody(ctx);
  if (!Array.isArray(body.requests)) throw errors.badRequest("The batch body needs a 'requests' array.", 'invalidBatch');
  const raw = body.requests as unknown[];
  if (raw.length === 0) throw errors.badRequest('A batch needs at least one request.', 'invalidBatch');
  if (raw.length > maxBatchRequests)
    throw errors.badRequest(
      `The number of batch requests (${raw.length}) exceeds the limit of ${maxBatchRequests}.`,
      'tooManyRequestsInBatch'
    );
  const seen = new Set<string>();
  const out: BatchRequest[] = [];
  for (const r of raw) {
    if (!r || typeof r !== 'object') throw errors.badRequest('Each batch request must be an object.', 'invalidBatch');
    const o = r as Record<string, unknown>;
    if (typeof o.id !== 'string' || o.id === '') throw errors.badRequest("Each batch request needs a string 'id'.", 'invalidBatch');
    if (seen.has(o.id.toLowerCase())) throw errors.badRequest(`The batch request id '${o.id}' is used twice.`, 'invalidBatch');
    seen.add(o.id.toLowerCase());
    if (typeof o.method !== 'string' || !methods.includes(o.method.toUpperCase()))
      throw errors.badRequest(`Batch request '${o.id}' has an unsupported method.`, 'invalidBatch');
    if (typeof o.url !== 'string' || /^[a-z]+:\/\//i.test(o.url) || o.url.trim() === '')
      throw errors.badRequest(`Batch request '${o.id}' needs a relative 'url' such as '/me'.`, 'invalidBatch');
    const headers: Record<string, string> = {};
    if (o.headers !== undefined) {
      if (!o.headers || typeof o.headers !== 'object')
        throw errors.badRequest(`Batch request '${o.id}' has invalid headers.`, 'invalidBatch');
      for (const [k, v] of Object.entries(o.headers as Record<string, unknown>)) headers[k.toLowerCase()] = String(v);
    }
    if (o.body !== undefined && !headers['content-type'])
      throw errors.badRequest(`Batch request '${o.id}' has a body but no Content-Type header.`, 'invalidBatch');
    const dependsOn = o.dependsOn === undefined ? [] : o.dependsOn;
    if (!Array.isArray(dependsOn) || dependsOn.some((d) => typeof d !== 'string'))
      throw errors.badRequest(`Batch request '${o.id}' has an invalid dependsOn.`, 'invalidBatch');
    out.push({ id: o.id, method: o.method.toUpperCase(), url: o.url, headers, body: o.body, dependsOn: dependsOn as string[] });
  }
  for (const r of out) {
    for (const d of r.dependsOn)
      if (!seen.has(d.toLowerCase()) || d.toLowerCase() === r.id.toLowerCase())
        throw errors.badRequest(`Batch request '${r.id}' depends on '${d}', which is not in the batch.`, 'invalidBatch');
  }
  return out;
}

function bodyBytes(r: BatchRequest): Buffer {
  if (r.body === undefined) return Buffer.alloc(0);
  if (/json/i.test(r.headers['content-type'] ?? ''))
    return Buffer.from(typeof r.body === 'string' ? r.body : JSON.stringify(r.body), 'utf8');
  if (typeof r.body !== 'string') return Buffer.from(JSON.stringify(r.body), 'utf8');
  return Buffer.from(r.body, 'base64');
}

export type SubDispatch = (ctx: Ctx) => Reply;

function runBatch(ctx: Ctx, dispatchOne: SubDispatch): Reply {
  const requests = parseRequests(ctx);
  const byId = new Map(requests.map((r) => [r.id.toLowerCase(), r]));
  const results = new Map<string, { id: string; status: number; headers: Record<string, string>; body?: unknown }>();
  const visiting = new Set<string>();
  const run = (r: BatchRequest): number => {
    const key = r.id.toLowerCase();
    const done = results.get(key);
    if (done) return done.status;
    if (visiting.has(key)) throw errors.badRequest(`The dependsOn chain of '${r.id}' is circular.`, 'invalidBatch');
    visiting.add(key);
    const depStatuses = r.dependsOn.map((d) => run(byId.get(d.toLowerCase()) as BatchRequest));
    visiting.delete(key);
    if (depStatuses.some((s) => s >= 400)) {
      const info = { status: 424, code: 'failedDependency', message: 'The request was not run because a request it depends on failed.' };
      results.set(key, { id: r.id, status: 424, headers: { 'Content-Type': 'application/json' }, body: graphErrorBody(info, ctx.ids) });
      return 424;
    }
    const reply = runOne(ctx, r, dispatchOne);
    results.set(key, { id: r.id, ...reply });
    return reply.status;
  };
  // Detect cycles up front so no inner request runs for a batch that is refused.
  const check = (r: BatchRequest, path: Set<string>): void => {
    const k = r.id.toLowerCase();
    if (path.has(k)) throw errors.badRequest(`The dependsOn chain of '${r.id}' is circular.`, 'invalidBatch');
    path.add(k);
    for (const d of r.dependsOn) check(byId.get(d.toLowerCase()) as BatchRequest, path);
    path.delete(k);
  };
  for (const r of requests) check(r, new Set());
  for (const r of requests) run(r);
  return json({ responses: requests.map((r) => results.get(r.id.toLowerCase())) });
}

function runOne(
  parent: Ctx,
  r: BatchRequest,
  dispatchOne: SubDispatch
): { status: number; headers: Record<string, string>; body?: unknown } {
  const retryAfter = parent.tenant.faults.takeRate();
  const relative = r.url.startsWith('/') ? r.url : `/${r.url}`;
  const sub: Ctx = {
    ...parent,
    method: r.method,
    rawUrl: `/${parent.version}${relative}`,
    headers: { ...r.headers, authorization: parent.headers['authorization'] ?? '' },
    body: bodyBytes(r),
    segments: [],
    query: new Map(),
    ids: { ...parent.ids }
  };
  let reply: Reply;
  if (retryAfter !== undefined) {
    const e = errors.throttled(retryAfter).info;
    reply = { status: 429, headers: e.headers, body: graphErrorBody(e, parent.ids) };
  } else {
    const q = relative.indexOf('?');
    const path = q < 0 ? relative : relative.slice(0, q);
    const segments = splitRequestPath(path);
    try {
      if (!segments) throw errors.badRequest('The request URL is not correctly percent-encoded.');
      if (segments.length === 1 && segments[0].kind === 'name' && segments[0].value.toLowerCase() === '$batch')
        throw errors.badRequest('A batch cannot contain another batch.', 'invalidBatch');
      sub.segments = segments;
      sub.query = normaliseQuery(new URLSearchParams(q < 0 ? '' : relative.slice(q + 1)));
      reply = dispatchOne(sub);
    } catch (e) {
      const info =
        e instanceof Error && 'info' in e ? (e as unknown as { info: Parameters<typeof graphErrorBody>[0] }).info : errors.internal().info;
      reply = { status: info.status, headers: info.headers, body: graphErrorBody(info, parent.ids) };
    }
  }
  // Header names in Graph's own casing (`Content-Type`, `Retry-After`): the SDK's BatchResponseContent reads them so.
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(reply.headers ?? {}))
    headers[k.replace(/(^|-)([a-z])/g, (_, d: string, c: string) => d + c.toUpperCase())] = v;
  let body = reply.body;
  if (Buffer.isBuffer(body)) {
    headers['Content-Type'] ??= 'application/octet-stream';
    body = body.toString('base64');
  } else if (body !== undefined && body !== null) headers['Content-Type'] ??= 'application/json';
  return body === undefined || body === null ? { status: reply.status, headers } : { status: reply.status, headers, body };
}

export function batchRoutes(dispatchOne: SubDispatch): Route[] {
  return [{ pattern: '$batch', ops: { POST: { scopes: 'none', run: (ctx) => runBatch(ctx, dispatchOne) } } }];
}
