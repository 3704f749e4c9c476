import { setRetentionLabelCall } from '../../graph/driveItems/setRetentionLabel';
import type { GraphGateway } from '../../graph/GraphGateway';
import { runBatch, type BatchOutcome } from '../../graph/runBatch';
import type { DriveItemsTarget } from './BulkLabelJob';
import type { ChunkOutcome } from './ChunkOutcome';
import { failureOf } from './failureOf';

/**
 * Labels up to 20 drive items in one `$batch` of `PATCH .../retentionLabel { name }` (runBatch already retries
 * inner 429/503 after their Retry-After). Items that still failed only because the service stayed busy or the
 * connection dropped are sent again, up to `passes` more times; the rest are failures with their reason.
 * Permission (least privileged): Files.ReadWrite.All; a record label needs Sites.FullControl.All.
 */
export async function labelChunkViaGraph(
  graph: GraphGateway,
  items: DriveItemsTarget['items'],
  label: string,
  passes: number,
  signal?: AbortSignal
): Promise<ChunkOutcome> {
  const aborted: ChunkOutcome = { kind: 'aborted' };
  const failures: (ChunkOutcome & { kind: 'settled' })['failures'] = [];
  let pending = [...items];
  for (let pass = 0; pending.length; pass++) {
    let outcomes: BatchOutcome<unknown>[];
    try {
      outcomes = await runBatch(
        graph,
        pending.map((i) => setRetentionLabelCall({ driveId: i.driveId, itemId: i.itemId }, label, i.name)),
        { signal }
      );
    } catch (e) {
      if (signal?.aborted) return aborted;
      throw e;
    }
    if (signal?.aborted) return aborted;
    const again: typeof pending = [];
    for (const [n, o] of outcomes.entries()) {
      if (o.ok) continue;
      if (o.error.code === 'aborted') return aborted;
      if (o.error.isTransient && pass < passes) again.push(pending[n]);
      else failures.push(failureOf(pending[n].itemId, o.error));
    }
    pending = again;
    if (pending.length) {
      try {
        await graph.timing.sleep(1000 * (pass + 1), signal);
      } catch {
        return aborted;
      }
    }
  }
  return { kind: 'settled', failures };
}
