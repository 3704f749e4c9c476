import { encodePathSegment } from '../../http/encodePathSegment';
import type { FieldValueSet } from '@microsoft/microsoft-graph-types';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { listPath, type ListRef } from './ListRef';

/**
 * Sets column values (internal names): `PATCH /sites/{s}/lists/{l}/items/{n}/fields`, with `If-Match: {eTag}` when
 * given, so a change made by someone else meanwhile gives 412 instead of being overwritten. Managed metadata columns
 * are not writable through Graph. Permission (least privileged): Sites.ReadWrite.All (delegated and application).
 *
 * @example updateListItemFieldsCall(list, '7', { Title: "O'Brien & Sons" }, '"{GUID},3"')
 */
export function updateListItemFieldsCall(
  ref: ListRef,
  itemId: string,
  fields: Record<string, unknown>,
  eTag?: string
): GraphCall<FieldValueSet> {
  return {
    method: 'PATCH',
    url: `${listPath(ref)}/items/${encodePathSegment(itemId)}/fields`,
    body: fields,
    headers: eTag ? { 'If-Match': eTag } : undefined,
    // With an eTag a repeat after a dropped connection would fail 412 on our own change; without one it is a plain set.
    idempotent: !eTag,
    action: 'save the metadata'
  };
}

export function updateListItemFields(
  gateway: GraphGateway,
  ref: ListRef,
  itemId: string,
  fields: Record<string, unknown>,
  options: CallOptions & { eTag?: string } = {}
): Promise<FieldValueSet> {
  return gateway.call(updateListItemFieldsCall(ref, itemId, fields, options.eTag), options);
}
