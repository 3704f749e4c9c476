import type { DriveItem } from '@microsoft/microsoft-graph-types';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { named } from './DriveItemRef';
import { childPath } from './uploadSmallFile';

/**
 * A file by its path in a library: `GET /drives/{d}/root:/{folder}/{name}:` (each segment percent-encoded).
 * Permission (least privileged): Files.Read.All (delegated and application).
 */
export function getDriveItemByPathCall(driveId: string, folderPath: string, fileName: string): GraphCall<DriveItem> {
  return { method: 'GET', url: childPath(driveId, folderPath, fileName), action: `find ${named(fileName)}` };
}

export function getDriveItemByPath(
  gateway: GraphGateway,
  driveId: string,
  folderPath: string,
  fileName: string,
  options?: CallOptions
): Promise<DriveItem> {
  return gateway.call(getDriveItemByPathCall(driveId, folderPath, fileName), options);
}
