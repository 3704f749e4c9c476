import type { ItemRetentionLabel } from '@microsoft/microsoft-graph-types';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { driveItemPath, named, type DriveItemRef } from './DriveItemRef';

/**
 * Applies (or replaces) a retention label by its display name: `PATCH /drives/{d}/items/{i}/retentionLabel { name }`
 * (201 the first time, 200 after). Repeating it gives the same result, so it is retried after a dropped connection.
 * Permission (least privileged): Files.ReadWrite.All; a label that declares a record needs Sites.FullControl.All.
 */
export function setRetentionLabelCall(ref: DriveItemRef, labelName: string, itemName?: string): GraphCall<ItemRetentionLabel> {
  return {
    method: 'PATCH',
    url: `${driveItemPath(ref)}/retentionLabel`,
    body: { name: labelName },
    idempotent: true,
    action: `apply the retention label '${labelName}' to ${named(itemName)}`
  };
}

export function setRetentionLabel(
  gateway: GraphGateway,
  ref: DriveItemRef,
  labelName: string,
  options?: CallOptions & { itemName?: string }
): Promise<ItemRetentionLabel> {
  return gateway.call(setRetentionLabelCall(ref, labelName, options?.itemName), options);
}
