import { encodeQueryValue } from '../../http/encodeQueryValue';
import type { DriveItem } from '@microsoft/microsoft-graph-types';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { driveItemPath, type DriveItemRef } from './DriveItemRef';

/**
 * A drive item with its list item fields and retention label:
 * `GET /drives/{d}/items/{i}?$expand=listItem($expand=fields),retentionLabel`.
 * Permission (least privileged): Files.Read.All (delegated and application).
 */
export function getDriveItemCall(ref: DriveItemRef): GraphCall<DriveItem> {
  return {
    method: 'GET',
    url: `${driveItemPath(ref)}?$expand=${encodeQueryValue('listItem($expand=fields)')}`,
    action: 'read the document and its metadata'
  };
}

export function getDriveItem(gateway: GraphGateway, ref: DriveItemRef, options?: CallOptions): Promise<DriveItem> {
  return gateway.call(getDriveItemCall(ref), options);
}
