import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { driveItemPath, named, type DriveItemRef } from './DriveItemRef';

/**
 * Removes the retention label and its settings: `DELETE /drives/{d}/items/{i}/retentionLabel` (204).
 * Permission (least privileged): Files.ReadWrite.All; removing a record label needs Sites.FullControl.All and a
 * signed-in user (not app-only). A regulatory record's label cannot be removed by anyone.
 */
export function removeRetentionLabelCall(ref: DriveItemRef, itemName?: string): GraphCall<void> {
  return {
    method: 'DELETE',
    url: `${driveItemPath(ref)}/retentionLabel`,
    responseType: 'none',
    action: `remove the retention label from ${named(itemName)}`
  };
}

export function removeRetentionLabel(
  gateway: GraphGateway,
  ref: DriveItemRef,
  options?: CallOptions & { itemName?: string }
): Promise<void> {
  return gateway.call(removeRetentionLabelCall(ref, options?.itemName), options);
}
