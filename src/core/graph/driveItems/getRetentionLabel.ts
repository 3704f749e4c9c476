import type { ItemRetentionLabel } from '@microsoft/microsoft-graph-types';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { driveItemPath, type DriveItemRef } from './DriveItemRef';

/**
 * The retention label on a drive item, with its record settings: `GET /drives/{d}/items/{i}/retentionLabel`.
 * Permission (least privileged): Files.Read.All (delegated and application).
 */
export function getRetentionLabelCall(ref: DriveItemRef): GraphCall<ItemRetentionLabel> {
  return { method: 'GET', url: `${driveItemPath(ref)}/retentionLabel`, action: 'read the retention label' };
}

export function getRetentionLabel(gateway: GraphGateway, ref: DriveItemRef, options?: CallOptions): Promise<ItemRetentionLabel> {
  return gateway.call(getRetentionLabelCall(ref), options);
}
