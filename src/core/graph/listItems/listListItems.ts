import { encodeQueryValue } from '../../http/encodeQueryValue';
import type { ListItem } from '@microsoft/microsoft-graph-types';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { iteratePages, type Page } from '../iteratePages';
import { listPath, type ListRef } from './ListRef';

/**
 * A list's items with their fields, page by page: `GET /sites/{s}/lists/{l}/items?$expand=fields[($select=...)]&$top=`.
 * Lookup and person columns come back as `<Name>LookupId`; at most 12 lookups per query.
 * Permission (least privileged): Sites.Read.All (delegated and application).
 */
export function listListItemsCall(ref: ListRef, options: { fields?: readonly string[]; top?: number } = {}): GraphCall<unknown> {
  const expand = options.fields?.length ? `fields($select=${options.fields.map(encodeQueryValue).join(',')})` : 'fields';
  const top = options.top ? `&$top=${options.top}` : '';
  return { method: 'GET', url: `${listPath(ref)}/items?$expand=${expand}${top}`, action: 'read the items of the list' };
}

export function listListItems(
  gateway: GraphGateway,
  ref: ListRef,
  options: CallOptions & { fields?: readonly string[]; top?: number } = {}
): AsyncGenerator<Page<ListItem>> {
  return iteratePages<ListItem>(gateway, listListItemsCall(ref, options), options);
}
