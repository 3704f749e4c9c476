import type { List } from '@microsoft/microsoft-graph-types';
import type { CallOptions } from '../../graph/GraphCall';
import type { GraphGateway } from '../../graph/GraphGateway';
import { findListByName } from '../../graph/lists/findListByName';
import { getList } from '../../graph/lists/getList';
import { listSiteLists } from '../../graph/lists/listSiteLists';
import type { SharePointSite } from '../../sharepoint/createSharePoint';
import { getListComplianceTag } from '../../sharepoint/policyStore/getListComplianceTag';
import { siteUrlOf } from '../declare/siteUrlOf';
import { missingEmailColumns } from '../fileMessage/emailColumns';
import { libraryKeyOf, libraryPlansList, type LibraryPlan } from '../libraryPlan/libraryPlansList';
import { openRecordsSite } from '../recordsSite/RecordsSite';

/** A records library that can take email (it has the columns `fileMessage` fills, and a drive). */
export interface EmailLibrary {
  /** `{siteId}/{listId}`: what the person's choice remembers. */
  key: string;
  name: string;
  /** The plan's default retention label, or for a library without a plan the library's own default: preselected. */
  defaultLabel?: string;
  /** The library's plan; for a records-site library without one, a plan with no defaults and nothing required. */
  plan: LibraryPlan;
}

/**
 * The libraries that take email: those a library plan on the records site maps, and the records site's own
 * libraries without a plan, each kept when it has the email columns and a drive (a site owner sets a library up for
 * email from the File plan web part, which adds the columns and saves a plan). Reads only: nothing is created. With
 * `sharePoint`, a library without a plan offers its own default retention label (GetListComplianceTag); when that
 * cannot be read, nothing is preselected and the person chooses.
 * Permission: Sites.Read.All (Graph, and SharePoint for the default label).
 */
export async function emailLibraries(
  graph: GraphGateway,
  recordsSiteUrl: string,
  options: CallOptions = {},
  sharePoint?: (siteUrl: string) => SharePointSite
): Promise<EmailLibrary[]> {
  const site = await openRecordsSite(graph, recordsSiteUrl, options);
  const [plans, siteLibraries] = await Promise.all([
    findListByName(graph, site.siteId, libraryPlansList.title, options).then((list) =>
      list ? site.list(libraryPlansList).list(options) : []
    ),
    listSiteLists(graph, site.siteId, options).then((lists) =>
      lists.filter((l) => l.list?.template === 'documentLibrary' && !l.list?.hidden)
    )
  ]);
  const planned = new Set(plans.map(({ value }) => value.libraryKey));
  const unplanned = siteLibraries
    .filter((l) => l.id && !planned.has(libraryKeyOf({ siteId: site.siteId, listId: String(l.id) })))
    .map((l): LibraryPlan => {
      const ref = { siteId: site.siteId, listId: String(l.id) };
      return {
        libraryKey: libraryKeyOf(ref),
        ...ref,
        driveId: '',
        libraryName: String(l.displayName ?? l.name ?? ''),
        requiredColumns: [],
        updatedAt: ''
      };
    });
  const checked = await Promise.all(
    [...plans.map(({ value }) => value), ...unplanned].map(async (plan): Promise<EmailLibrary | undefined> => {
      // A library that is gone or not shared with this person is not offered.
      const list: List | undefined = await getList(graph, { siteId: plan.siteId, listId: plan.listId }, options).catch(() => undefined);
      // A plan keeps the drive it was saved for (none: a list, which cannot hold a message); an unplanned library has its own.
      const driveId = planned.has(plan.libraryKey) ? plan.driveId : String(list?.drive?.id ?? '');
      if (!list || !driveId || missingEmailColumns(list.columns ?? []).length > 0) return undefined;
      const defaultLabel = planned.has(plan.libraryKey)
        ? plan.defaultRetentionLabel
        : sharePoint && list.webUrl
          ? await siteUrlOf(graph, plan.siteId)
              .then((siteUrl) => getListComplianceTag(sharePoint(siteUrl), decodeURI(String(list.webUrl)), options.signal))
              .then(
                (tag) => tag?.TagName || undefined,
                () => undefined
              )
          : undefined;
      return {
        key: plan.libraryKey,
        name: plan.libraryName || String(list.displayName ?? ''),
        ...(defaultLabel ? { defaultLabel } : {}),
        plan: { ...plan, driveId }
      };
    })
  );
  return checked.filter((l): l is EmailLibrary => l !== undefined).sort((a, b) => a.name.localeCompare(b.name));
}
