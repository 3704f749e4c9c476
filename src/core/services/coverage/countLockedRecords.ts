import type { ItemRetentionLabel } from '@microsoft/microsoft-graph-types';
import { getRetentionLabelCall } from '../../graph/driveItems/getRetentionLabel';
import type { GraphGateway } from '../../graph/GraphGateway';
import { getListItemDriveItemCall } from '../../graph/listItems/getListItemDriveItem';
import { getList } from '../../graph/lists/getList';
import { runBatch } from '../../graph/runBatch';
import type { LibraryFile } from '../libraryPlan/libraryFiles';
import type { LibraryRef } from '../libraryPlan/siteLibraries';

/**
 * Locked records among the given record files: their drive items, then each one's retention label settings (list
 * item fields do not say whether a record is locked), batched.
 */
export async function countLockedRecords(
  graph: GraphGateway,
  library: LibraryRef,
  recordFiles: readonly LibraryFile[],
  signal?: AbortSignal
): Promise<number> {
  if (recordFiles.length === 0) return 0;
  const list = await getList(graph, library.ref, { signal });
  const driveId = list.drive?.id;
  if (!driveId) return 0;
  const files = await runBatch(
    graph,
    recordFiles.map((r) => getListItemDriveItemCall(library.ref, String(r.id))),
    { signal }
  );
  const itemIds = files.map((o) => {
    if (!o.ok) throw o.error;
    return String(o.value.id);
  });
  const labels = await runBatch<ItemRetentionLabel>(
    graph,
    itemIds.map((itemId) => getRetentionLabelCall({ driveId, itemId })),
    { signal }
  );
  return labels.filter((o) => {
    if (!o.ok) throw o.error;
    return o.value.retentionSettings?.isRecordLocked === true;
  }).length;
}
