import { encodePathSegment } from '../../http/encodePathSegment';
import type { DriveItem } from '@microsoft/microsoft-graph-types';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { listPath, type ListRef } from './ListRef';

/**
 * The file behind a library's list item, for the operations Graph offers only on drive items (retention label):
 * `GET /sites/{s}/lists/{l}/items/{n}/driveItem?$select=id,name,parentReference`.
 * Permission (least privileged): Files.Read.All (delegated and application).
 */
export function getListItemDriveItemCall(ref: ListRef, itemId: string): GraphCall<DriveItem> {
  return {
    method: 'GET',
    url: `${listPath(ref)}/items/${encodePathSegment(itemId)}/driveItem?$select=id,name,parentReference`,
    action: 'find the file of the list item'
  };
}

export function getListItemDriveItem(gateway: GraphGateway, ref: ListRef, itemId: string, options?: CallOptions): Promise<DriveItem> {
  return gateway.call(getListItemDriveItemCall(ref, itemId), options);
}
