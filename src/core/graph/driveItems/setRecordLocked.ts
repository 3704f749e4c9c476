import type { ItemRetentionLabel } from '@microsoft/microsoft-graph-types';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { driveItemPath, named, type DriveItemRef } from './DriveItemRef';

/**
 * Locks or unlocks a record: `PATCH /drives/{d}/items/{i}/retentionLabel { retentionSettings: { isRecordLocked } }`.
 * Unlocking needs the tenant's record versioning on, and is refused for a regulatory record.
 * Permission (least privileged): Files.ReadWrite.All (delegated and application).
 */
export function setRecordLockedCall(ref: DriveItemRef, locked: boolean, itemName?: string): GraphCall<ItemRetentionLabel> {
  return {
    method: 'PATCH',
    url: `${driveItemPath(ref)}/retentionLabel`,
    body: { retentionSettings: { isRecordLocked: locked } },
    idempotent: true,
    action: `${locked ? 'lock' : 'unlock'} the record ${named(itemName)}`
  };
}

export function setRecordLocked(
  gateway: GraphGateway,
  ref: DriveItemRef,
  locked: boolean,
  options?: CallOptions & { itemName?: string }
): Promise<ItemRetentionLabel> {
  return gateway.call(setRecordLockedCall(ref, locked, options?.itemName), options);
}
