import { spPost } from '@pnp/sp';
import { withAction } from '../CustodianSharePoint';
import type { SharePointSite } from '../createSharePoint';
import { policyStoreUnderscored } from './ComplianceTag';

export interface ListComplianceTagSettings {
  /** The label's name; an empty string clears the default. */
  complianceTagValue: string;
  /** Also label the items already in the library (SharePoint does it in the background). */
  syncToItems?: boolean;
}

/**
 * Sets a library's default retention label:
 * `POST {site}/_api/SP_CompliancePolicy_SPPolicyStoreProxy_SetListComplianceTag`
 * `{ listUrl, complianceTagValue, blockDelete: false, blockEdit: false, syncToItems }`. blockDelete and blockEdit
 * are always false, as CLI for Microsoft 365 sends them: the service takes them from the label.
 * Permission: Sites.FullControl.All for a record label, else Sites.ReadWrite.All (SharePoint).
 */
export async function setListComplianceTag(
  site: SharePointSite,
  listUrl: string,
  settings: ListComplianceTagSettings,
  signal?: AbortSignal
): Promise<void> {
  const q = withAction(
    site.api(`${policyStoreUnderscored}SetListComplianceTag`),
    settings.complianceTagValue ? 'set the default retention label of the library' : 'clear the default retention label of the library'
  );
  const body = {
    listUrl,
    complianceTagValue: settings.complianceTagValue,
    blockDelete: false,
    blockEdit: false,
    syncToItems: settings.syncToItems ?? false
  };
  await spPost(q, { body: JSON.stringify(body), signal });
}
