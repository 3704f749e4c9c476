import { spGet } from '@pnp/sp';
import { CustodianError } from '../http/CustodianError';
import { encodeODataString } from '../http/quoteODataString';
import { withAction } from './CustodianSharePoint';
import type { SharePointSite } from './createSharePoint';

/**
 * The retention label a list item carries now (`''` for none), or `undefined` when the item does not exist:
 * `GET {site}/_api/web/GetList(@u)/items({id})?$select=Id,_ComplianceTag&@u='{list server-relative url}'`.
 * SharePoint names the hidden column `OData__ComplianceTag` in JSON. `listUrl` is absolute, as
 * SetComplianceTagOnBulkItems takes it. Permission: Sites.Read.All (SharePoint).
 *
 * @example await readListItemComplianceTag(site, 'https://contoso.sharepoint.com/sites/legal/Contracts', 7) // 'Contracts - 10 Years'
 */
export async function readListItemComplianceTag(
  site: SharePointSite,
  listUrl: string,
  id: number,
  signal?: AbortSignal
): Promise<string | undefined> {
  const listPath = decodeURIComponent(new URL(listUrl).pathname);
  const q = site.api(`_api/web/GetList(@u)/items(${id})`);
  // The alias goes into the URL by hand: PnP's query map would encode the quotes the literal needs.
  q.concat(`?$select=Id,_ComplianceTag&@u=${encodeODataString(listPath)}`);
  try {
    const item = await spGet<Record<string, unknown>>(withAction(q, `read the retention label of item ${id}`), { signal });
    const tag = item.OData__ComplianceTag ?? item._ComplianceTag;
    return typeof tag === 'string' ? tag : '';
  } catch (e) {
    // An item that is gone: SharePoint's "Item does not exist. It may have been deleted by another user.", HRESULT
    // -2130575338 (the SPException of a missing file or item, as CLI for Microsoft 365's tests show it).
    if (e instanceof CustodianError && (e.status === 404 || e.code.startsWith('-2130575338'))) return undefined;
    throw e;
  }
}
