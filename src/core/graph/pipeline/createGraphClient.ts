import { Client, HTTPMessageHandler } from '@microsoft/microsoft-graph-client';
import type { TokenProvider } from '../../auth/TokenProvider';
import type { RateGovernor } from '../../http/RateGovernor';
import type { RetryPolicy } from '../../http/retryRules';
import type { Timing } from '../../http/Timing';
import { GovernorMiddleware } from './GovernorMiddleware';
import { RetryMiddleware } from './RetryMiddleware';
import { TokenAuthMiddleware } from './TokenAuthMiddleware';

export interface GraphClientParts {
  /** `https://graph.microsoft.com`, or the dev tenant's origin. */
  baseUrl: string;
  tokens: TokenProvider;
  /** Origin -> the resource its tokens are for; the base URL's origin must be in it. */
  resources: ReadonlyMap<string, string>;
  governor: RateGovernor;
  timing: Timing;
  retry?: RetryPolicy;
}

/**
 * The Graph client with Custodian's chain, assembled once per client: auth (TokenProvider) -> retry -> rate
 * governor -> the library's HTTPMessageHandler (fetch). Only the base URL and the token provider change between
 * Microsoft 365 and the dev tenant.
 */
export function createGraphClient(parts: GraphClientParts): Client {
  return Client.initWithMiddleware({
    baseUrl: parts.baseUrl,
    defaultVersion: 'v1.0',
    middleware: [
      new TokenAuthMiddleware(parts.tokens, parts.resources),
      new RetryMiddleware(parts.timing, parts.retry),
      new GovernorMiddleware(parts.governor, parts.timing),
      new HTTPMessageHandler()
    ]
  });
}
