import { encodeQueryValue } from '../http/encodeQueryValue';
import { errorFromFailure } from '../http/errorFromFailure';
import { errorFromResponse } from '../http/errorFromResponse';
import { systemTiming, type Timing } from '../http/Timing';
import { TokenCache } from './cachedToken';
import { shortScopeName, type TokenProvider } from './TokenProvider';

/** The dev tenant's demo personas (src/devtenant/auth/personas.ts), each with the scopes that role would hold. */
export const devTenantPersonas = ['office-worker', 'site-owner', 'records-manager', 'admin'] as const;
export type DevTenantPersona = (typeof devTenantPersonas)[number];

export interface DevTenantTokenOptions {
  /** The dev tenant's origin, e.g. `http://127.0.0.1:7070`. */
  url: string;
  persona: DevTenantPersona;
  fetch?: typeof fetch;
  timing?: Pick<Timing, 'now'>;
}

/**
 * Tokens for a dev tenant persona from its control route `GET /devtenant/token?persona=...`
 * (`{ access_token, expires_in }`). One token serves Graph and SharePoint REST alike, as the dev tenant
 * checks scopes, not audiences. Cached in memory until five minutes before it expires.
 *
 * @example createGraphGateway({ baseUrl: url, tokens: createDevTenantTokenProvider({ url, persona: 'records-manager' }) })
 */
export function createDevTenantTokenProvider(options: DevTenantTokenOptions): TokenProvider {
  const timing = options.timing ?? systemTiming;
  const cache = new TokenCache(timing);
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const url = `${options.url.replace(/\/+$/, '')}/devtenant/token?persona=${encodeQueryValue(options.persona)}`;
  let scopes: readonly string[] | undefined;
  const provider: TokenProvider = {
    async grantedScopes(resource, request) {
      await provider.getAccessToken(resource, request);
      return scopes;
    },
    getAccessToken: (_resource, request) =>
      cache.get(
        'devtenant',
        async () => {
          let response: Response;
          try {
            response = await doFetch(url, {
              method: 'GET',
              headers: { Accept: 'application/json' },
              signal: request?.signal,
              cache: 'no-store'
            });
          } catch (e) {
            throw errorFromFailure(e, 'sign in to the dev tenant');
          }
          if (!response.ok) throw await errorFromResponse(response, 'sign in to the dev tenant');
          const body = (await response.json()) as { access_token?: unknown; expires_in?: unknown; scope?: unknown };
          if (typeof body.access_token !== 'string')
            throw errorFromFailure(new Error('The dev tenant answered without an access_token.'), 'sign in to the dev tenant');
          // OAuth 2.0's token answer: the granted scopes, space-separated (RFC 6749 §5.1).
          scopes = typeof body.scope === 'string' ? body.scope.split(' ').filter(Boolean).map(shortScopeName) : undefined;
          const seconds = typeof body.expires_in === 'number' ? body.expires_in : 3600;
          return { accessToken: body.access_token, expiresOn: timing.now() + seconds * 1000 };
        },
        request?.forceRefresh
      )
  };
  return provider;
}
