import { spGet } from '@pnp/sp';
import { encodeODataString } from '../../http/quoteODataString';
import { withAction } from '../CustodianSharePoint';
import type { SharePointSite } from '../createSharePoint';
import { policyStoreDotted, type ComplianceTag } from './ComplianceTag';

/**
 * The retention labels published to a site:
 * `GET {site}/_api/SP.CompliancePolicy.SPPolicyStoreProxy.GetAvailableTagsForSite(siteUrl=@a1)?@a1='{siteUrl}'`.
 * Permission: Sites.Read.All (SharePoint). Unpublished labels can still be applied by name.
 */
export async function getAvailableTagsForSite(site: SharePointSite, signal?: AbortSignal): Promise<ComplianceTag[]> {
  const q = site.api(`${policyStoreDotted}GetAvailableTagsForSite(siteUrl=@a1)`);
  // The alias goes into the URL by hand: PnP's query map would encode the quotes the literal needs.
  q.concat(`?@a1=${encodeODataString(site.siteUrl)}`);
  const result = await spGet<ComplianceTag[] | null>(withAction(q, 'list the retention labels available to this site'), { signal });
  return result ?? [];
}
