import type { FieldValueSet } from '@microsoft/microsoft-graph-types';
import type { GraphCall } from '../GraphCall';
import { driveItemPath, named, type DriveItemRef } from './DriveItemRef';

/**
 * Sets a library file's column values through its list item: `PATCH /drives/{d}/items/{i}/listItem/fields`
 * (listitem-update, reached from the driveItem), so a file just uploaded needs no look-up of its list item id.
 * Permission (least privileged): Sites.ReadWrite.All (delegated and application).
 */
export function updateDriveItemFieldsCall(ref: DriveItemRef, fields: Record<string, unknown>, itemName?: string): GraphCall<FieldValueSet> {
  return {
    method: 'PATCH',
    url: `${driveItemPath(ref)}/listItem/fields`,
    body: fields,
    idempotent: true,
    action: `save the properties of ${named(itemName)}`
  };
}
