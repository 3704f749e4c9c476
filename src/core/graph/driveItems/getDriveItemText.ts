import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { driveItemPath, named, type DriveItemRef } from './DriveItemRef';

/**
 * A small text file's content: `GET /drives/{d}/items/{i}/content` (Graph answers 302 to a pre-authenticated
 * download URL, which fetch follows). For files that fit in memory only.
 * Permission (least privileged): Files.Read.All (delegated and application).
 */
export function getDriveItemTextCall(ref: DriveItemRef, itemName?: string): GraphCall<string> {
  return { method: 'GET', url: `${driveItemPath(ref)}/content`, responseType: 'text', action: `read ${named(itemName)}` };
}

export function getDriveItemText(gateway: GraphGateway, ref: DriveItemRef, options?: CallOptions & { itemName?: string }): Promise<string> {
  return gateway.call(getDriveItemTextCall(ref, options?.itemName), options);
}
