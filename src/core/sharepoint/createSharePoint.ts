import { SPQueryable, spfi, type ISPQueryable, type SPFI } from '@pnp/sp';
import type { TokenProvider } from '../auth/TokenProvider';
import { RateGovernor, type RateGovernorOptions } from '../http/RateGovernor';
import type { RetryPolicy } from '../http/retryRules';
import { systemTiming, type Timing } from '../http/Timing';
import { CustodianSharePoint } from './CustodianSharePoint';

export interface SharePointSite {
  /** Absolute site URL without a trailing slash: `https://contoso.sharepoint.com/sites/legal`. */
  siteUrl: string;
  /** PnPjs for the site, with Custodian's behaviour (`import '@pnp/sp/webs'` to use `site.sp.web`). */
  sp: SPFI;
  /** A queryable for `{siteUrl}/{path}` with the same behaviour, for endpoints PnPjs does not wrap. */
  api(path: string): ISPQueryable;
}

export interface SharePointOptions {
  tokens: TokenProvider;
  resource?: string;
  timing?: Timing;
  retry?: RetryPolicy;
  governor?: RateGovernor | Partial<RateGovernorOptions>;
}

/**
 * `spfi(siteUrl)` with Custodian's behaviour (token, retry, governor, errors). Operations reach the endpoints
 * PnPjs does not wrap through `site.api('_api/...')`, which inherits the same behaviour.
 *
 * @example const legal = createSharePoint('https://contoso.sharepoint.com/sites/legal', { tokens });
 */
export function createSharePoint(siteUrl: string, options: SharePointOptions): SharePointSite {
  const timing = options.timing ?? systemTiming;
  const governor = options.governor instanceof RateGovernor ? options.governor : new RateGovernor(timing, options.governor);
  const url = siteUrl.replace(/\/+$/, '');
  const root = SPQueryable(url).using(
    CustodianSharePoint({
      tokens: options.tokens,
      resource: options.resource,
      governor,
      timing,
      retry: options.retry,
      idempotentPosts: isIdempotentPolicyCall
    })
  );
  return { siteUrl: url, sp: spfi(root), api: (path) => SPQueryable(root, path) };
}

/** Setting a label or lock state to a value is safe to repeat; reading one is too. */
function isIdempotentPolicyCall(url: string): boolean {
  return /SPPolicyStoreProxy[._](GetListComplianceTag|SetListComplianceTag|SetComplianceTagOnBulkItems|LockRecordItem|UnlockRecordItem)/i.test(
    url
  );
}
