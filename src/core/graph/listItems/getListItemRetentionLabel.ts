import type { DriveItem, ItemRetentionLabel } from '@microsoft/microsoft-graph-types';
import { encodePathSegment } from '../../http/encodePathSegment';
import type { GraphCall } from '../GraphCall';
import { listPath, type ListRef } from './ListRef';

/**
 * The retention label (with its record settings, such as `isRecordLocked`) of the file behind a library's list item, in
 * one request instead of two (the drive item, then its label): the list item's `driveItem` with the label expanded,
 * `GET /sites/{s}/lists/{l}/items/{n}/driveItem?$select=id&$expand=retentionLabel` (Graph documents the expansion on
 * a drive item read, "Get retentionLabel"). The label is absent when the file has none.
 * Permission (least privileged): Files.Read.All (delegated and application).
 */
export function getListItemRetentionLabelCall(
  ref: ListRef,
  itemId: string
): GraphCall<DriveItem & { retentionLabel?: ItemRetentionLabel }> {
  return {
    method: 'GET',
    url: `${listPath(ref)}/items/${encodePathSegment(itemId)}/driveItem?$select=id&$expand=retentionLabel`,
    action: 'read the retention label of the list item'
  };
}
