import { spPost } from '@pnp/sp';
import { withAction } from '../CustodianSharePoint';
import type { SharePointSite } from '../createSharePoint';
import { policyStoreUnderscored } from './ComplianceTag';

/** "A maximum 100 is allowed" ids per call (CLI for Microsoft 365; the Microsoft page gives no number). */
export const maxBulkItemIds = 100;

/**
 * Labels (or, with `''`, unlabels) up to 100 list items in one call and returns the ids that FAILED:
 * `POST {site}/_api/SP_CompliancePolicy_SPPolicyStoreProxy_SetComplianceTagOnBulkItems`
 * `{ listUrl, complianceTagValue, itemIds }` -> `{ value: int[] }` ("CSOM methods for applying retention labels").
 * Permission: Sites.FullControl.All for a record label, else Sites.ReadWrite.All (SharePoint).
 *
 * @example const failed = await setComplianceTagOnBulkItems(site, listUrl, 'Invoices - 7 Years', [1, 2, 3]);
 */
export async function setComplianceTagOnBulkItems(
  site: SharePointSite,
  listUrl: string,
  complianceTagValue: string,
  itemIds: readonly number[],
  signal?: AbortSignal
): Promise<number[]> {
  if (itemIds.length === 0) return [];
  if (itemIds.length > maxBulkItemIds)
    throw new RangeError(`SetComplianceTagOnBulkItems takes at most ${maxBulkItemIds} ids per call, not ${itemIds.length}.`);
  if (itemIds.some((id) => !Number.isSafeInteger(id) || id < 1)) throw new RangeError('List item ids are positive integers.');
  const q = withAction(
    site.api(`${policyStoreUnderscored}SetComplianceTagOnBulkItems`),
    `apply the retention label to ${itemIds.length} item${itemIds.length === 1 ? '' : 's'}`
  );
  const result = await spPost<unknown>(q, { body: JSON.stringify({ listUrl, complianceTagValue, itemIds }), signal });
  return Array.isArray(result) ? result.filter((v): v is number => typeof v === 'number') : [];
}
