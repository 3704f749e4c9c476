import { InjectHeaders, type Queryable } from '@pnp/queryable';
import { DefaultInit } from '@pnp/sp';
import type { TokenProvider } from '../auth/TokenProvider';
import { errorFromFailure } from '../http/errorFromFailure';
import { errorFromResponse } from '../http/errorFromResponse';
import { isReplayableBody } from '../http/isReplayableBody';
import { parseRateLimit } from '../http/parseRateLimit';
import type { RateGovernor } from '../http/RateGovernor';
import { isIdempotentMethod, type RetryPolicy } from '../http/retryRules';
import { sendWithRetry } from '../http/sendWithRetry';
import { throttleWaitMs } from '../http/throttleWaitMs';
import type { Timing } from '../http/Timing';

export interface SharePointBehaviorOptions {
  tokens: TokenProvider;
  /** The resource SharePoint tokens are for; defaults to the site's origin (`https://contoso.sharepoint.com`). */
  resource?: string;
  governor: RateGovernor;
  timing: Timing;
  retry?: RetryPolicy;
  /** Which requests may be repeated after a dropped connection, besides GET/PUT/DELETE. */
  idempotentPosts?: (url: string) => boolean;
}

/** The user-facing action of each request, set by the operation that builds it (see `withAction`). */
const actions = new WeakMap<object, string>();

/** Names what the user is doing for a queryable's error messages: "set the default label of 'Contracts'". */
export function withAction<T extends object>(queryable: T, action: string): T {
  actions.set(queryable, action);
  return queryable;
}

function unwrap(json: unknown): unknown {
  if (typeof json !== 'object' || json === null) return json;
  const o = json as Record<string, unknown>;
  if (o['odata.null'] === true) return null;
  if ('d' in o && typeof o.d === 'object' && o.d !== null) {
    const d = o.d as Record<string, unknown>;
    return 'results' in d ? d.results : d;
  }
  if ('value' in o) return o.value;
  return json;
}

/**
 * A PnPjs behaviour that gives SharePoint REST the same rules as the Graph pipeline: a bearer token from the
 * `TokenProvider` (only to the site's own origin), retry by `decideRetry` through the shared rate governor,
 * and every failure as a `CustodianError` built from the `odata.error` envelope. JSON is asked for with
 * `odata=nometadata`. No form digest: SharePoint Online does not need one with a bearer token.
 */
export function CustodianSharePoint(options: SharePointBehaviorOptions): (instance: Queryable) => Queryable {
  return (instance) => {
    instance.using(
      DefaultInit(),
      InjectHeaders({ Accept: 'application/json;odata=nometadata', 'Content-Type': 'application/json;odata=nometadata;charset=utf-8' })
    );
    instance.on.auth.replace(async function (url, init) {
      const origin = url.origin;
      const headers = { ...(init.headers as Record<string, string>) };
      const token = await options.tokens.getAccessToken(options.resource ?? origin, { signal: init.signal ?? undefined });
      headers.Authorization = `Bearer ${token}`;
      return [url, { ...init, headers }];
    });
    instance.on.send.replace(async function (url, init) {
      const method = (init.method ?? 'GET').toUpperCase();
      const action = actions.get(this as object);
      try {
        return await sendWithRetry(
          async () => {
            await options.governor.acquire(1, init.signal ?? undefined);
            const response = await fetch(url.toString(), init);
            // SharePoint is the service that sends RateLimit-* ("Avoid getting throttled or blocked in SharePoint
            // Online"): the governor slows down on them before a 429, and waits for the later of Retry-After and
            // RateLimit-Reset after one, as Graph's own pipeline does (GovernorMiddleware).
            options.governor.noteQuota(url.origin, parseRateLimit(response.headers));
            options.governor.record(response.status, throttleWaitMs(response.status, response.headers, options.timing.now()));
            return response;
          },
          {
            idempotent: isIdempotentMethod(method) || (options.idempotentPosts?.(url.toString()) ?? false),
            replayableBody: isReplayableBody(init.body),
            signal: init.signal ?? undefined,
            timing: options.timing,
            policy: options.retry
          }
        );
      } catch (e) {
        throw errorFromFailure(e, action);
      }
    });
    instance.on.parse.replace(async function (url, response, result) {
      if (!response.ok) throw await errorFromResponse(response, actions.get(this as object), options.timing.now());
      if (result === undefined && response.status !== 204) {
        const text = await response.text();
        result = text.trim() === '' ? undefined : unwrap(JSON.parse(text));
      }
      return [url, response, result];
    });
    return instance;
  };
}
