import { spPost } from '@pnp/sp';
import { withAction } from '../CustodianSharePoint';
import type { SharePointSite } from '../createSharePoint';
import { policyStoreDotted } from './ComplianceTag';

/**
 * Locks a record: `POST {site}/_api/SP.CompliancePolicy.SPPolicyStoreProxy.LockRecordItem()` `{ listUrl, itemId }`.
 * The SharePoint counterpart of Graph's `PATCH .../retentionLabel { retentionSettings: { isRecordLocked: true } }`.
 * Permission: Sites.ReadWrite.All (SharePoint).
 */
export async function lockRecordItem(site: SharePointSite, listUrl: string, itemId: number, signal?: AbortSignal): Promise<void> {
  const q = withAction(site.api(`${policyStoreDotted}LockRecordItem()`), 'lock the record');
  await spPost(q, { body: JSON.stringify({ listUrl, itemId }), signal });
}
