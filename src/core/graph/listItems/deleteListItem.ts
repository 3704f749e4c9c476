import { encodePathSegment } from '../../http/encodePathSegment';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { named } from '../driveItems/DriveItemRef';
import { listPath, type ListRef } from './ListRef';

/**
 * Deletes a list item (for a library, the file with it): `DELETE /sites/{s}/lists/{l}/items/{n}` (204), with
 * `If-Match: {eTag}` when given so a file changed since it was reviewed is not deleted (412). SharePoint refuses
 * to delete records and, on hold, keeps a copy in the Preservation Hold library.
 * Permission (least privileged): Sites.ReadWrite.All (delegated and application).
 */
export function deleteListItemCall(ref: ListRef, itemId: string, options: { eTag?: string; itemName?: string } = {}): GraphCall<void> {
  return {
    method: 'DELETE',
    url: `${listPath(ref)}/items/${encodePathSegment(itemId)}`,
    headers: options.eTag ? { 'If-Match': options.eTag } : undefined,
    responseType: 'none',
    // Deleting twice answers 404 the second time, which the caller reads as "already gone".
    idempotent: true,
    action: `delete ${named(options.itemName)}`
  };
}

export function deleteListItem(
  gateway: GraphGateway,
  ref: ListRef,
  itemId: string,
  options: CallOptions & { eTag?: string; itemName?: string } = {}
): Promise<void> {
  return gateway.call(deleteListItemCall(ref, itemId, options), options);
}
