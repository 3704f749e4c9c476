import { encodeQueryValue } from '../../http/encodeQueryValue';
import type { ListItem } from '@microsoft/microsoft-graph-types';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { iteratePages, type Page } from '../iteratePages';
import { listPath, type ListRef } from './ListRef';

/**
 * The items of a list matching an OData filter on their columns, with their fields:
 * `GET /sites/{s}/lists/{l}/items?$expand=fields&$filter=...`. Build `filter` with `quoteODataString` for every
 * literal; it is percent-encoded here. Graph refuses filters on columns that are not indexed unless the request
 * carries `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`, which it does (at the risk Microsoft names: a
 * large list may then fail). Permission (least privileged): Sites.Read.All (delegated and application).
 *
 * @example findListItemsCall(list, `fields/ComplianceAssetId eq ${quoteODataString("O'Brien #7")}`)
 */
export function findListItemsCall(ref: ListRef, filter: string, options: { top?: number } = {}): GraphCall<unknown> {
  const top = options.top ? `&$top=${options.top}` : '';
  return {
    method: 'GET',
    url: `${listPath(ref)}/items?$expand=fields&$filter=${encodeQueryValue(filter)}${top}`,
    headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' },
    action: 'search the list'
  };
}

export function findListItems(
  gateway: GraphGateway,
  ref: ListRef,
  filter: string,
  options: CallOptions & { top?: number } = {}
): AsyncGenerator<Page<ListItem>> {
  return iteratePages<ListItem>(gateway, findListItemsCall(ref, filter, options), options);
}
