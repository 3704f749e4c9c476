import { encodeQueryValue } from '../../http/encodeQueryValue';
import type { ListItem } from '@microsoft/microsoft-graph-types';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { iteratePages, type Page } from '../iteratePages';
import { listPath, type ListRef } from './ListRef';

/**
 * The items of a list matching an OData filter on their columns, with their fields:
 * `GET /sites/{s}/lists/{l}/items?$expand=fields&$filter=...`. Filter on indexed columns only: Graph refuses a
 * filter on any other column unless the request carries `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`,
 * which is not documented and fails past SharePoint's 5,000-item list view threshold; Custodian never sends it
 * (to search across libraries, use `searchListItems`). Build `filter` with `quoteODataString` for every literal;
 * it is percent-encoded here. Permission (least privileged): Sites.Read.All (delegated and application).
 *
 * @example findListItemsCall(list, `fields/InternetMessageId eq ${quoteODataString('<a@b>')}`)
 */
export function findListItemsCall(ref: ListRef, filter: string, options: { top?: number } = {}): GraphCall<unknown> {
  const top = options.top ? `&$top=${options.top}` : '';
  return {
    method: 'GET',
    url: `${listPath(ref)}/items?$expand=fields&$filter=${encodeQueryValue(filter)}${top}`,
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
