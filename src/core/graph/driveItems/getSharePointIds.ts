import type { DriveItem } from '@microsoft/microsoft-graph-types';
import type { GraphCall } from '../GraphCall';
import { driveItemPath, named, type DriveItemRef } from './DriveItemRef';

/**
 * A file's SharePoint ids (site, list, list item): `GET /drives/{d}/items/{i}?$select=id,sharepointIds`. Graph
 * returns `sharepointIds` only when selected (driveItem resource: "Returned only on $select"); the list item id is
 * what the documented `PATCH /sites/{s}/lists/{l}/items/{n}/fields` needs. Permission: Files.Read.All.
 */
export function getSharePointIdsCall(ref: DriveItemRef, itemName?: string): GraphCall<Pick<DriveItem, 'id' | 'sharepointIds'>> {
  return { method: 'GET', url: `${driveItemPath(ref)}?$select=id,sharepointIds`, action: `find the list item of ${named(itemName)}` };
}
