import type { CallOptions } from '../../graph/GraphCall';
import type { GraphGateway } from '../../graph/GraphGateway';
import { findListByName } from '../../graph/lists/findListByName';
import { getList } from '../../graph/lists/getList';
import { emailColumns } from '../fileMessage/emailColumns';
import { libraryPlansList, type LibraryPlan } from '../libraryPlan/libraryPlansList';
import { openRecordsSite } from '../recordsSite/RecordsSite';

/** A records library whose library plan can take email (it has the columns `fileMessage` fills). */
export interface EmailLibrary {
  /** The plan's key, `{siteId}/{listId}`: what the person's choice remembers. */
  key: string;
  name: string;
  /** The plan's default retention label, preselected. */
  defaultLabel?: string;
  plan: LibraryPlan;
}

/**
 * The libraries a library plan on the records site maps, kept when they can take email (the columns `fileMessage`
 * fills, and a drive). Reads only: a records site without the plans list has no plan, and nothing is created.
 */
export async function emailLibraries(graph: GraphGateway, recordsSiteUrl: string, options: CallOptions = {}): Promise<EmailLibrary[]> {
  const site = await openRecordsSite(graph, recordsSiteUrl, options);
  if (!(await findListByName(graph, site.siteId, libraryPlansList.title, options))) return [];
  const plans = await site.list(libraryPlansList).list(options);
  const checked = await Promise.all(
    plans.map(async ({ value: plan }): Promise<EmailLibrary | undefined> => {
      if (!plan.driveId) return undefined;
      // A library that is gone or not shared with this person is not offered.
      const list = await getList(graph, { siteId: plan.siteId, listId: plan.listId }, options).catch(() => undefined);
      const columns = new Set((list?.columns ?? []).map((c) => c.name));
      if (!list || Object.values(emailColumns).some((c) => !columns.has(c))) return undefined;
      return {
        key: plan.libraryKey,
        name: plan.libraryName || String(list.displayName ?? ''),
        ...(plan.defaultRetentionLabel ? { defaultLabel: plan.defaultRetentionLabel } : {}),
        plan
      };
    })
  );
  return checked.filter((l): l is EmailLibrary => l !== undefined).sort((a, b) => a.name.localeCompare(b.name));
}
