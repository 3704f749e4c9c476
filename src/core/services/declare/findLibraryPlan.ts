import type { CallOptions } from '../../graph/GraphCall';
import type { GraphGateway } from '../../graph/GraphGateway';
import { findListByName } from '../../graph/lists/findListByName';
import { libraryKeyOf, libraryPlansList, type LibraryPlan } from '../libraryPlan/libraryPlansList';
import { openRecordsSite } from '../recordsSite/RecordsSite';

/** A library's plan on the records site; undefined when it has none (or the plans list does not exist yet: nothing is created). */
export async function findLibraryPlan(
  graph: GraphGateway,
  recordsSiteUrl: string,
  library: { siteId: string; listId: string },
  options: CallOptions = {}
): Promise<LibraryPlan | undefined> {
  const site = await openRecordsSite(graph, recordsSiteUrl, options);
  if (!(await findListByName(graph, site.siteId, libraryPlansList.title, options))) return undefined;
  // What the core's getLibraryPlan does, without the module that also writes plans (SharePoint REST) in the pane's bundle.
  return (await site.list(libraryPlansList).find(libraryKeyOf(library), options))?.value;
}
