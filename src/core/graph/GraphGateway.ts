import { ResponseType, type Client, type GraphRequest } from '@microsoft/microsoft-graph-client';
import { CustodianError } from '../http/CustodianError';
import { describeFailure } from '../http/describeFailure';
import { errorFromFailure } from '../http/errorFromFailure';
import { errorFromResponse } from '../http/errorFromResponse';
import type { RateGovernor } from '../http/RateGovernor';
import type { RetryPolicy } from '../http/retryRules';
import { abortError, type Timing } from '../http/Timing';
import type { CallOptions, GraphCall } from './GraphCall';
import { RequestPolicy, type RequestPolicySettings } from './pipeline/RequestPolicy';

/**
 * The one way core code reaches Graph: sends `GraphCall`s through the Graph client's middleware chain and turns
 * every failure into a `CustodianError`. Batching (`runBatch`) and paging (`iteratePages`) build on `send`.
 */
export class GraphGateway {
  readonly baseOrigin: string;

  constructor(
    readonly client: Client,
    baseUrl: string,
    readonly governor: RateGovernor,
    readonly timing: Timing,
    readonly retryPolicy?: RetryPolicy,
    private readonly scopes: (signal?: AbortSignal) => Promise<readonly string[] | undefined> = () => Promise.resolve(undefined)
  ) {
    this.baseOrigin = new URL(baseUrl).origin;
  }

  /**
   * The delegated permissions the person's Graph token carries (`RecordsManagement.ReadWrite.All`, ...), or undefined
   * when the host's sign-in does not say (SPFx). See `TokenProvider.grantedScopes`.
   */
  grantedScopes(options: CallOptions = {}): Promise<readonly string[] | undefined> {
    return this.scopes(options.signal);
  }

  /** Sends one call and returns the raw answer, whatever its status; throws only when no answer came. */
  async send(call: GraphCall<unknown>, options: CallOptions = {}, policy: RequestPolicySettings = {}): Promise<Response> {
    const holder = new RequestPolicy({ idempotent: call.idempotent, anonymous: call.anonymous, ...policy });
    const request = this.request(call).middlewareOptions([holder]).responseType(ResponseType.RAW);
    if (call.headers) request.headers(call.headers);
    if (options.signal) request.option('signal', options.signal);
    try {
      return (await this.invoke(request, call)) as Response;
    } catch (e) {
      // The client rewraps what the chain threw; the original is kept on the policy.
      const original = holder.thrown ?? e;
      if (options.signal?.aborted) throw errorFromFailure(abortError(options.signal), call.action);
      throw errorFromFailure(original, call.action);
    }
  }

  /** Sends one call and returns its parsed result, or throws a `CustodianError`. */
  async call<T>(call: GraphCall<T>, options: CallOptions = {}): Promise<T> {
    const response = await this.send(call, options);
    if (!response.ok) throw await errorFromResponse(response, call.action, this.timing.now());
    let body: unknown;
    try {
      body = await readBody(response, call.responseType ?? 'json');
    } catch (e) {
      throw errorFromFailure(e, call.action);
    }
    return call.parse ? call.parse(body, { status: response.status, headers: response.headers }) : (body as T);
  }

  private request(call: GraphCall<unknown>): GraphRequest {
    const url = call.url;
    if (/^https?:\/\//i.test(url)) {
      const parsed = new URL(url);
      if (parsed.origin === this.baseOrigin) {
        // The client parses only https URLs itself; a same-origin URL (the dev tenant's) goes in as version + path.
        const rest = url.slice(parsed.origin.length).replace(/^\/+/, '');
        const slash = rest.indexOf('/');
        const version = slash < 0 ? rest : rest.slice(0, slash);
        return this.client.api(slash < 0 ? '' : rest.slice(slash)).version(version);
      }
      if (parsed.protocol !== 'https:') {
        throw new CustodianError({
          status: 0,
          code: 'insecureUrl',
          serviceMessage: `Refused to follow a plain-http URL on another origin (${parsed.origin}).`,
          source: 'client',
          ...describeFailure({ status: 0, code: 'insecureUrl', action: call.action })
        });
      }
      return this.client.api(url);
    }
    const request = this.client.api(url);
    return call.version ? request.version(call.version) : request;
  }

  private invoke(request: GraphRequest, call: GraphCall<unknown>): Promise<unknown> {
    switch (call.method) {
      case 'GET':
        return request.get();
      case 'POST':
        return request.post(call.body);
      case 'PATCH':
        return request.patch(call.body);
      case 'PUT':
        if (typeof ReadableStream !== 'undefined' && call.body instanceof ReadableStream) {
          // A stream is sent as it is read (fetch needs duplex 'half'), so the retry middleware will not replay it.
          return request.option('duplex', 'half').putStream(call.body);
        }
        return request.put(call.body);
      case 'DELETE':
        return request.delete();
    }
  }
}

async function readBody(response: Response, type: NonNullable<GraphCall['responseType']>): Promise<unknown> {
  if (type === 'none' || response.status === 204) {
    await response.body?.cancel();
    return undefined;
  }
  if (type === 'blob') return response.blob();
  const text = await response.text();
  if (type === 'text') return text;
  return text.trim() === '' ? undefined : (JSON.parse(text) as unknown);
}
