import { graphResource, type TokenProvider } from '../auth/TokenProvider';
import { RateGovernor, type RateGovernorOptions } from '../http/RateGovernor';
import type { RetryPolicy } from '../http/retryRules';
import { systemTiming, type Timing } from '../http/Timing';
import { GraphGateway } from './GraphGateway';
import { createGraphClient } from './pipeline/createGraphClient';

export interface GraphGatewayOptions {
  tokens: TokenProvider;
  /** `https://graph.microsoft.com` (the default) or the dev tenant's URL. */
  baseUrl?: string;
  /** The resource tokens for the base URL are asked for; Graph's unless the host says otherwise. */
  resource?: string;
  /** Other origins that may receive a token, with the resource for each (rarely needed). */
  trustedOrigins?: Record<string, string>;
  timing?: Timing;
  retry?: RetryPolicy;
  /** A governor to share with another client, or settings for a new one. */
  governor?: RateGovernor | Partial<RateGovernorOptions>;
}

/**
 * Builds the gateway for one host: one Graph client, one middleware chain, one rate governor.
 *
 * @example const graph = createGraphGateway({ tokens: createDevTenantTokenProvider({ url, persona: 'office-worker' }), baseUrl: url });
 */
export function createGraphGateway(options: GraphGatewayOptions): GraphGateway {
  const baseUrl = (options.baseUrl ?? graphResource).replace(/\/+$/, '');
  const timing = options.timing ?? systemTiming;
  const governor = options.governor instanceof RateGovernor ? options.governor : new RateGovernor(timing, options.governor);
  const resources = new Map<string, string>(
    Object.entries(options.trustedOrigins ?? {}).map(([origin, resource]) => [new URL(origin).origin, resource])
  );
  resources.set(new URL(baseUrl).origin, options.resource ?? graphResource);
  const client = createGraphClient({ baseUrl, tokens: options.tokens, resources, governor, timing, retry: options.retry });
  const resource = options.resource ?? graphResource;
  const tokens = options.tokens;
  return new GraphGateway(client, baseUrl, governor, timing, options.retry, (signal) =>
    tokens.grantedScopes ? tokens.grantedScopes(resource, { signal }) : Promise.resolve(undefined)
  );
}
