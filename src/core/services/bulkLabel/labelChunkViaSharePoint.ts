import type { Timing } from '../../http/Timing';
import { CustodianError } from '../../http/CustodianError';
import { readListItemComplianceTag } from '../../sharepoint/readListItemComplianceTag';
import { setComplianceTagOnBulkItems } from '../../sharepoint/policyStore/setComplianceTagOnBulkItems';
import type { ChunkOutcome } from './ChunkOutcome';
import type { ListItemsTarget } from './BulkLabelJob';
import { failureOf } from './failureOf';
import { readBackBulkResult } from './readBackBulkResult';

/**
 * Labels up to 100 list items in one `SetComplianceTagOnBulkItems` call, then reads back a few items of each group
 * its answer makes (`readBackBulkResult`: Microsoft does not say what the answered ids are), so the report says
 * which items carry the label, and what was read to know it. A call that failed because the service stayed busy
 * is made again, up to `passes` more times. Permission: Sites.FullControl.All for a record label, else
 * Sites.ReadWrite.All (SharePoint); the read-back needs Sites.Read.All.
 */
export async function labelChunkViaSharePoint(
  target: ListItemsTarget,
  items: ListItemsTarget['items'],
  label: string,
  passes: number,
  timing: Timing,
  signal?: AbortSignal
): Promise<ChunkOutcome> {
  for (let pass = 0; ; pass++) {
    try {
      const ids = items.map((i) => i.id);
      const answered = await setComplianceTagOnBulkItems(target.site, target.listUrl, label, ids, signal);
      if (signal?.aborted) return { kind: 'aborted' };
      const { failures, readBack } = await readBackBulkResult(ids, answered, label, (id) =>
        readListItemComplianceTag(target.site, target.listUrl, id, signal)
      );
      // Cancelled while reading back: the call runs again on resume (labelling is idempotent), read back in full.
      if (signal?.aborted) return { kind: 'aborted' };
      return { kind: 'settled', failures, readBack };
    } catch (e) {
      if (signal?.aborted) return { kind: 'aborted' };
      if (!(e instanceof CustodianError)) throw e;
      const error = e;
      if (!(error.isTransient && pass < passes)) return { kind: 'settled', failures: items.map((i) => failureOf(String(i.id), error)) };
      await timing.sleep(1000 * (pass + 1), signal).catch(() => undefined);
      if (signal?.aborted) return { kind: 'aborted' };
    }
  }
}
