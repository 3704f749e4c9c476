import { spPost } from '@pnp/sp';
import { withAction } from '../CustodianSharePoint';
import type { SharePointSite } from '../createSharePoint';
import { policyStoreUnderscored, type ComplianceTag } from './ComplianceTag';

/**
 * A library's default retention label, or null when it has none:
 * `POST {site}/_api/SP_CompliancePolicy_SPPolicyStoreProxy_GetListComplianceTag` `{ listUrl }`.
 * `listUrl` is absolute: the site's origin and the library's root folder (`https://contoso.sharepoint.com/sites/legal/Contracts`).
 * Permission: Sites.Read.All (SharePoint).
 */
export async function getListComplianceTag(site: SharePointSite, listUrl: string, signal?: AbortSignal): Promise<ComplianceTag | null> {
  const q = withAction(site.api(`${policyStoreUnderscored}GetListComplianceTag`), 'read the default retention label of the library');
  const result = await spPost<ComplianceTag | null | undefined>(q, { body: JSON.stringify({ listUrl }), signal });
  return result && typeof result === 'object' && 'TagName' in result ? result : null;
}
