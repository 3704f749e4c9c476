import { encodePathSegment } from '../../http/encodePathSegment';
import { encodeQueryValue } from '../../http/encodeQueryValue';
import type { ListItem } from '@microsoft/microsoft-graph-types';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { listPath, type ListRef } from './ListRef';

/**
 * One list item with its fields (all, or the columns named): `GET /sites/{s}/lists/{l}/items/{n}?$expand=fields`.
 * Permission (least privileged): Sites.Read.All (delegated and application).
 */
export function getListItemCall(ref: ListRef, itemId: string, fields?: readonly string[]): GraphCall<ListItem> {
  const expand = fields?.length ? encodeQueryValue(`fields($select=${fields.join(',')})`) : 'fields';
  return {
    method: 'GET',
    url: `${listPath(ref)}/items/${encodePathSegment(itemId)}?$expand=${expand}`,
    action: 'read the list item'
  };
}

export function getListItem(
  gateway: GraphGateway,
  ref: ListRef,
  itemId: string,
  options: CallOptions & { fields?: readonly string[] } = {}
): Promise<ListItem> {
  return gateway.call(getListItemCall(ref, itemId, options.fields), options);
}
