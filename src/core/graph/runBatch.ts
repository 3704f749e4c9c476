import { BatchRequestContent, type BatchRequestStep } from '@microsoft/microsoft-graph-client';
import type { CustodianError } from '../http/CustodianError';
import { errorFromEnvelope } from '../http/errorFromEnvelope';
import { errorFromResponse } from '../http/errorFromResponse';
import { parseRetryAfter } from '../http/parseRetryAfter';
import { decideRetry, isIdempotentMethod } from '../http/retryRules';
import { headerReader, type CallOptions, type GraphCall } from './GraphCall';
import type { GraphGateway } from './GraphGateway';

/** Graph's limit: "JSON batch requests are currently limited to 20 individual requests" (json-batching). */
export const maxBatchSize = 20;

export type BatchOutcome<T> = { ok: true; status: number; value: T } | { ok: false; status: number; error: CustodianError };

interface Entry {
  index: number;
  call: GraphCall<unknown>;
  retries: number;
}

interface SubResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Groups calls joined by `dependsOn` (they must travel in one batch); lone calls are groups of one. */
function groupCalls(calls: readonly GraphCall<unknown>[]): number[][] {
  const parent = calls.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  calls.forEach((c, i) => {
    for (const d of c.dependsOn ?? []) {
      if (!Number.isInteger(d) || d < 0 || d >= i)
        throw new RangeError(`Call ${i} may depend only on earlier calls of the same batch, not on ${d}.`);
      parent[find(i)] = find(d);
    }
  });
  const groups = new Map<number, number[]>();
  calls.forEach((_, i) => {
    const root = find(i);
    const g = groups.get(root) ?? [];
    g.push(i);
    groups.set(root, g);
  });
  return [...groups.values()];
}

/**
 * Splits calls into `$batch` requests the Graph client's BatchRequestContent accepts: lone calls 20 at a time;
 * each dependency group in a batch of its own (BatchRequestContent takes one shape per batch: all parallel, one
 * chain, or all depending on one), at most 20 calls per group.
 */
export function planBatches(calls: readonly GraphCall<unknown>[]): number[][] {
  const singles: number[] = [];
  const chunks: number[][] = [];
  for (const group of groupCalls(calls)) {
    if (group.length === 1 && !(calls[group[0]].dependsOn ?? []).length) singles.push(group[0]);
    else if (group.length > maxBatchSize)
      throw new RangeError(`A group of ${group.length} dependent calls exceeds Graph's ${maxBatchSize} per batch.`);
    else chunks.push(group);
  }
  for (let i = 0; i < singles.length; i += maxBatchSize) chunks.push(singles.slice(i, i + maxBatchSize));
  return chunks;
}

/** `/drives/x` from a relative URL or an absolute one on the gateway's own origin. */
function relativeUrl(gateway: GraphGateway, call: GraphCall<unknown>): string {
  if (!/^https?:\/\//i.test(call.url)) return call.url.startsWith('/') ? call.url : `/${call.url}`;
  const u = new URL(call.url);
  if (u.origin !== gateway.baseOrigin) throw new RangeError(`A batch cannot hold a request to another origin (${u.origin}).`);
  return call.url.slice(u.origin.length).replace(/^\/[^/]+/, '');
}

async function batchBody(gateway: GraphGateway, entries: readonly Entry[]): Promise<unknown> {
  const ids = new Set(entries.map((e) => e.index));
  const steps: BatchRequestStep[] = entries.map((e) => {
    const headers: Record<string, string> = { ...(e.call.headers ?? {}) };
    const hasBody = e.call.body !== undefined;
    // In browsers BatchRequestContent reads a body-less POST's body as "" and then insists on a Content-Type
    // ("Content-type header is not mentioned"); Node has no FileReader, so only a browser shows it. The header
    // goes on every request that may carry a body, and the empty body is removed below.
    const mayCarryBody = hasBody || !['GET', 'HEAD', 'DELETE'].includes(e.call.method.toUpperCase());
    if (mayCarryBody && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
    const body = !hasBody
      ? undefined
      : typeof e.call.body === 'string' || e.call.body instanceof Blob
        ? (e.call.body as BodyInit)
        : JSON.stringify(e.call.body);
    // BatchRequestContent keeps only the path and query of the URL: the host here is never contacted.
    const request = new Request(`https://batch.invalid${relativeUrl(gateway, e.call)}`, { method: e.call.method, headers, body });
    const dependsOn = (e.call.dependsOn ?? []).filter((d) => ids.has(d)).map(String);
    return { id: String(e.index), request, ...(dependsOn.length ? { dependsOn } : {}) };
  });
  const content = await new BatchRequestContent(steps).getContent();
  // A POST with no body must carry none (BatchRequestContent reads an empty one as base64 "").
  for (const r of content.requests) if (entries.find((e) => String(e.index) === r.id)?.call.body === undefined) delete r.body;
  return content;
}

function parseSub<T>(call: GraphCall<T>, sub: SubResponse): BatchOutcome<T> {
  const headers = headerReader(sub.headers);
  if (sub.status >= 400)
    return { ok: false, status: sub.status, error: errorFromEnvelope(sub.status, sub.body, { action: call.action, headers }) };
  let body = sub.body;
  const type = call.responseType ?? 'json';
  if (type === 'none') body = undefined;
  else if (type === 'json' && typeof body === 'string' && /json/i.test(headers.get('content-type') ?? ''))
    body = JSON.parse(body) as unknown;
  return { ok: true, status: sub.status, value: call.parse ? call.parse(body, { status: sub.status, headers }) : (body as T) };
}

/**
 * Sends calls through `POST /$batch`, 20 at most per batch, and maps each inner response back to its call (in
 * the input order). Inner 429s and 503s, and 504s of idempotent calls, are sent again in a later batch after
 * their Retry-After (as the pipeline would); their dependants, answered 424, go with them. Every inner answer is
 * reported to the rate governor, so a batch of 20 counts as 20 requests, as Graph counts it.
 */
export async function runBatch<T>(
  gateway: GraphGateway,
  calls: readonly GraphCall<T>[],
  options: CallOptions = {}
): Promise<BatchOutcome<T>[]> {
  const outcomes: (BatchOutcome<T> | undefined)[] = new Array(calls.length);
  const version = calls[0]?.version ?? 'v1.0';
  if (calls.some((c) => (c.version ?? 'v1.0') !== version)) throw new RangeError('All calls of one batch must use the same Graph version.');
  for (const chunk of planBatches(calls)) {
    let pending: Entry[] = chunk.map((index) => ({ index, call: calls[index] as GraphCall<unknown>, retries: 0 }));
    while (pending.length) {
      const answers = await sendOnce(gateway, pending, version, options);
      const again: Entry[] = [];
      let wait = 0;
      for (const entry of pending) {
        const answer = answers.get(entry.index);
        if (answer instanceof Error) {
          outcomes[entry.index] = { ok: false, status: answer.status, error: answer };
          continue;
        }
        const sub = answer as SubResponse;
        const retryAfterMs = parseRetryAfter(headerReader(sub.headers).get('retry-after'), gateway.timing.now());
        const decision =
          sub.status >= 400
            ? decideRetry(
                {
                  outcome: { kind: 'response', status: sub.status, retryAfterMs },
                  retriesSoFar: entry.retries,
                  idempotent: entry.call.idempotent ?? isIdempotentMethod(entry.call.method),
                  replayableBody: true
                },
                gateway.timing.random(),
                gateway.retryPolicy
              )
            : undefined;
        if (decision?.retry) {
          again.push({ ...entry, retries: entry.retries + 1 });
          wait = Math.max(wait, decision.delayMs);
        } else outcomes[entry.index] = parseSub(calls[entry.index], sub);
      }
      // A dependant that failed only because its dependency is being retried goes again with it.
      const retrying = new Set(again.map((e) => e.index));
      for (const entry of pending) {
        const o = outcomes[entry.index];
        if (o && !o.ok && o.status === 424 && (entry.call.dependsOn ?? []).some((d) => retrying.has(d))) {
          outcomes[entry.index] = undefined;
          again.push(entry);
          retrying.add(entry.index);
        }
      }
      again.sort((a, b) => a.index - b.index);
      pending = again;
      if (pending.length) await gateway.timing.sleep(wait, options.signal);
    }
  }
  return outcomes as BatchOutcome<T>[];
}

/** One `$batch` round trip: each entry's inner response, or the error that sank the whole batch. */
async function sendOnce(
  gateway: GraphGateway,
  entries: Entry[],
  version: string,
  options: CallOptions
): Promise<Map<number, SubResponse | CustodianError>> {
  const out = new Map<number, SubResponse | CustodianError>();
  const action = entries.length === 1 ? entries[0].call.action : `send ${entries.length} changes together`;
  const batchCall: GraphCall<unknown> = { method: 'POST', url: '/$batch', version, body: await batchBody(gateway, entries), action };
  const idempotent = entries.every((e) => e.call.idempotent ?? isIdempotentMethod(e.call.method));
  let response: Response;
  try {
    response = await gateway.send(batchCall, options, { cost: entries.length, feedback: 'caller', idempotent });
  } catch (e) {
    for (const entry of entries) out.set(entry.index, e as CustodianError);
    return out;
  }
  if (!response.ok) {
    const error = await errorFromResponse(response, action, gateway.timing.now());
    for (const entry of entries) out.set(entry.index, error);
    return out;
  }
  const body = (await response.json()) as { responses?: SubResponse[] };
  const byId = new Map((body.responses ?? []).map((r) => [String(r.id), r]));
  for (const entry of entries) {
    const sub = byId.get(String(entry.index));
    if (!sub) {
      out.set(
        entry.index,
        errorFromEnvelope(
          502,
          { error: { code: 'missingBatchResponse', message: `The batch answer has no response for request ${entry.index}.` } },
          { action: entry.call.action }
        )
      );
      continue;
    }
    gateway.governor.record(sub.status, parseRetryAfter(headerReader(sub.headers).get('retry-after'), gateway.timing.now()));
    out.set(entry.index, sub);
  }
  return out;
}
