import { spPost } from '@pnp/sp';
import { withAction } from '../CustodianSharePoint';
import type { SharePointSite } from '../createSharePoint';
import { policyStoreDotted } from './ComplianceTag';

/**
 * Unlocks a record: `POST {site}/_api/SP.CompliancePolicy.SPPolicyStoreProxy.UnlockRecordItem()` `{ listUrl, itemId }`.
 * Refused for a regulatory record, and when the tenant turns record versioning off.
 * Permission: Sites.ReadWrite.All (SharePoint).
 */
export async function unlockRecordItem(site: SharePointSite, listUrl: string, itemId: number, signal?: AbortSignal): Promise<void> {
  const q = withAction(site.api(`${policyStoreDotted}UnlockRecordItem()`), 'unlock the record');
  await spPost(q, { body: JSON.stringify({ listUrl, itemId }), signal });
}
