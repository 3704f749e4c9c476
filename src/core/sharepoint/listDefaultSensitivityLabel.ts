import { spGet, spPostMerge } from '@pnp/sp';
import { withAction } from './CustodianSharePoint';
import type { SharePointSite } from './createSharePoint';

/**
 * A document library's default sensitivity label: the list property `DefaultSensitivityLabelForLibrary`, a label
 * id (an empty string when there is none). SharePoint gives it to files uploaded to the library, and to existing
 * files edited there, that have no sensitivity label or an automatically applied one of lower priority
 * (Microsoft Learn, "Configure a default sensitivity label for a SharePoint document library").
 */

function listPath(listId: string): string {
  return `_api/web/lists(guid'${listId.replace(/^\{|\}$/g, '')}')`;
}

/**
 * The library's default sensitivity label id, or null when it has none:
 * `GET {site}/_api/web/lists(guid'{listId}')?$select=DefaultSensitivityLabelForLibrary`.
 * Permission: Sites.Read.All (SharePoint).
 */
export async function getListDefaultSensitivityLabel(site: SharePointSite, listId: string, signal?: AbortSignal): Promise<string | null> {
  const q = withAction(
    site.api(`${listPath(listId)}?$select=DefaultSensitivityLabelForLibrary`),
    'read the default sensitivity label of the library'
  );
  const list = await spGet<{ DefaultSensitivityLabelForLibrary?: string | null } | null | undefined>(q, { signal });
  const value = list?.DefaultSensitivityLabelForLibrary;
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * Sets (a label id) or clears (null) the library's default sensitivity label:
 * `POST {site}/_api/web/lists(guid'{listId}')` with `X-HTTP-Method: MERGE` and `{ DefaultSensitivityLabelForLibrary }`
 * (an empty string clears it). SharePoint refuses a label that is not published to the user.
 * Permission: Sites.Manage.All (SharePoint; changing list settings needs Manage Lists).
 */
export async function setListDefaultSensitivityLabel(
  site: SharePointSite,
  listId: string,
  labelId: string | null,
  signal?: AbortSignal
): Promise<void> {
  const q = withAction(
    site.api(listPath(listId)),
    labelId ? 'set the default sensitivity label of the library' : 'clear the default sensitivity label of the library'
  );
  await spPostMerge(q, { body: JSON.stringify({ DefaultSensitivityLabelForLibrary: labelId ?? '' }), signal });
}
