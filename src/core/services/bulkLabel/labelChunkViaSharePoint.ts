import type { Timing } from '../../http/Timing';
import { CustodianError } from '../../http/CustodianError';
import { setComplianceTagOnBulkItems } from '../../sharepoint/policyStore/setComplianceTagOnBulkItems';
import type { ChunkOutcome } from './ChunkOutcome';
import type { ListItemsTarget } from './BulkLabelJob';
import { failureOf } from './failureOf';

/**
 * Labels up to 100 list items in one `SetComplianceTagOnBulkItems` call. The service answers only the ids that
 * failed, without a reason: the report says what is known. A call that failed because the service stayed busy
 * is made again, up to `passes` more times. Permission: Sites.FullControl.All for a record label, else
 * Sites.ReadWrite.All (SharePoint).
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
      const failed = new Set(
        await setComplianceTagOnBulkItems(
          target.site,
          target.listUrl,
          label,
          items.map((i) => i.id),
          signal
        )
      );
      return {
        kind: 'settled',
        failures: items
          .filter((i) => failed.has(i.id))
          .map((i) => ({
            id: String(i.id),
            code: 'notLabelled',
            status: 0,
            reason: `SharePoint did not apply the label '${label}': the item may be a record whose label cannot change, or no longer exist.`
          }))
      };
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
