import { encodeQueryValue } from '../../http/encodeQueryValue';
import type { ListItem } from '@microsoft/microsoft-graph-types';
import type { CallOptions, GraphCall } from '../GraphCall';
import type { GraphGateway } from '../GraphGateway';
import { iteratePages } from '../iteratePages';
import { listPath, type ListRef } from './ListRef';

export interface DeltaResult {
  /** Changed or new items; a deleted one carries the `deleted` facet. The same id may repeat: the last wins. */
  items: ListItem[];
  /** Keep it: the next call with it returns only what changed since. */
  deltaLink: string;
}

/**
 * Changes to a list's items since `deltaLink` (or every item, the first time):
 * `GET /sites/{s}/lists/{l}/items/delta?$expand=fields`, following nextLinks to the `@odata.deltaLink`.
 * A 410 Gone (`resyncRequired`) means start again without a link. `fields` narrows the columns returned
 * (`$expand=fields($select=...)`), `top` sets the page size. Graph keeps the query options in its links (so does the dev
 * tenant); items that still come back without `fields` are re-read by the index.
 * Permission (least privileged): Sites.Read.All.
 */
export function listItemsDeltaCall(
  ref: ListRef,
  deltaLink?: string,
  options: { fields?: readonly string[]; top?: number } = {}
): GraphCall<unknown> {
  const expand = options.fields?.length ? encodeQueryValue(`fields($select=${options.fields.join(',')})`) : 'fields';
  const top = options.top ? `&$top=${options.top}` : '';
  return deltaLink
    ? { method: 'GET', url: deltaLink, action: 'read what changed in the list' }
    : { method: 'GET', url: `${listPath(ref)}/items/delta?$expand=${expand}${top}`, action: 'read the items of the list' };
}

export async function listItemsDelta(
  gateway: GraphGateway,
  ref: ListRef,
  deltaLink?: string,
  options: CallOptions & { onPage?: (items: ListItem[]) => void } = {}
): Promise<DeltaResult> {
  const items: ListItem[] = [];
  let link = '';
  for await (const page of iteratePages<ListItem>(gateway, listItemsDeltaCall(ref, deltaLink), options)) {
    options.onPage?.(page.items);
    items.push(...page.items);
    if (page.deltaLink) link = page.deltaLink;
  }
  return { items, deltaLink: link };
}
