import { CustodianError } from '../../http/CustodianError';

/**
 * True when Graph refuses a delta link and asks for a full resync: `410 Gone` with `resyncRequired` (or the
 * `resyncChangesApplyDifferences` / `resyncChangesUploadDifferences` inner codes, driveitem-delta).
 */
export function isResyncRequired(e: unknown): boolean {
  if (!(e instanceof CustodianError)) return false;
  const codes = `${e.code} ${e.innerCode ?? ''}`.toLowerCase();
  return e.status === 410 || codes.includes('resync') || codes.includes('syncstatenotfound');
}
