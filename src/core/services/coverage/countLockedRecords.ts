import type { GraphGateway } from '../../graph/GraphGateway';
import { getListItemRetentionLabelCall } from '../../graph/listItems/getListItemRetentionLabel';
import { runBatch } from '../../graph/runBatch';
import type { LibraryFile } from '../libraryPlan/libraryFiles';
import type { LibraryRef } from '../libraryPlan/siteLibraries';

/**
 * Locked records among the given record files: each one's retention label settings (list item fields do not say
 * whether a record is locked), one request per record through its list item, batched.
 */
export async function countLockedRecords(
  graph: GraphGateway,
  library: LibraryRef,
  recordFiles: readonly LibraryFile[],
  signal?: AbortSignal
): Promise<number> {
  if (recordFiles.length === 0) return 0;
  const labels = await runBatch(
    graph,
    recordFiles.map((record) => getListItemRetentionLabelCall(library.ref, String(record.id))),
    { signal }
  );
  return labels.filter((outcome) => {
    if (!outcome.ok) throw outcome.error;
    return outcome.value.retentionLabel?.retentionSettings?.isRecordLocked === true;
  }).length;
}
