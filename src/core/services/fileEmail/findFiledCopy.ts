import type { CallOptions } from '../../graph/GraphCall';
import type { GraphGateway } from '../../graph/GraphGateway';
import { findFiledItems } from '../fileMessage/findFiledItems';
import type { LibraryPlan } from '../libraryPlan/libraryPlansList';

/** A message already filed: its file name and where to open it. */
export interface FiledCopy {
  name: string;
  webUrl: string;
}

/** The copy of a message already filed in a library, found by its internet message id (the oldest, as `fileMessage` keeps it). */
export async function findFiledCopy(
  graph: GraphGateway,
  plan: LibraryPlan,
  internetMessageId: string,
  options: CallOptions = {}
): Promise<FiledCopy | undefined> {
  if (!internetMessageId) return undefined;
  const items = await findFiledItems(graph, { siteId: plan.siteId, listId: plan.listId }, internetMessageId, {
    ...options,
    action: 'look for the email in the records library'
  });
  const oldest = [...items].sort((a, b) => Number(a.id) - Number(b.id))[0];
  if (!oldest) return undefined;
  const fields = (oldest.fields ?? {}) as Record<string, unknown>;
  return { name: String(fields.FileLeafRef ?? fields.Title ?? ''), webUrl: String(oldest.webUrl ?? '') };
}
