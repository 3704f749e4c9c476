import type { CallOptions, GraphCall } from '../GraphCall';
import { managedProperties } from './managedProperties';
import type { GraphGateway } from '../GraphGateway';

/**
 * Microsoft Search over SharePoint list items (`POST /search/query`, entity type `listItem`), the documented,
 * tenant-scale way to find items across sites and libraries: a `$filter` over list items stops at a library's
 * 5,000-item list view threshold unless every column it names is indexed, while search answers from the
 * tenant's index (search-api-overview, "Use the Microsoft Search API to search content in OneDrive and SharePoint").
 * Results are security-trimmed to the signed-in user and reflect the index, which trails changes by minutes.
 * Permission (least privileged, delegated): Sites.Read.All. Application access would need `region` in the request
 * (search-query: "required for application permissions"); Custodian searches as the signed-in person.
 */

/** searchRequest.size: "The maximum value is 500" (searchRequest resource). */
export const searchPageSize = 500;

export interface ListItemSearch {
  /** KQL, built with the helpers of `http/escapeKql` for every value. */
  queryString: string;
  /** Managed properties each hit's `fields` should carry (search-api-overview, "Get selected properties"). */
  fields: readonly string[];
  /** Results per request, at most 500. */
  size?: number;
}

/** One hit, as the core reads it: what Microsoft's listItem resource shows, `fields` keyed in lower case. */
export interface ListItemHit {
  hitId: string;
  /** The listItem's id: its unique id (a GUID) in Microsoft's examples. */
  id?: string;
  siteId?: string;
  webUrl?: string;
  name?: string;
  createdDateTime?: string;
  lastModifiedDateTime?: string;
  createdBy?: string;
  /** The requested managed properties Microsoft returned, names lower-cased (Graph camel-cases them as written). */
  fields: Record<string, unknown>;
}

export interface ListItemHitPage {
  hits: ListItemHit[];
  /** searchHitsContainer.total: every result that satisfies the query, not those of the page. */
  total: number;
  moreResultsAvailable: boolean;
}

export function searchListItemsCall(search: ListItemSearch, from: number): GraphCall<ListItemHitPage> {
  const size = Math.min(search.size ?? searchPageSize, searchPageSize);
  return {
    method: 'POST',
    url: '/search/query',
    body: {
      requests: [{ entityTypes: ['listItem'], query: { queryString: search.queryString }, fields: [...search.fields], from, size }]
    },
    // A query changes nothing: repeating it after a dropped connection is safe.
    idempotent: true,
    action: 'search the records',
    parse: (body) => listItemHitPage(body)
  };
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

function lowerKeys(value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out[k.toLowerCase()] = v;
  return out;
}

/**
 * Reads a searchResponse: `value[0].hitsContainers[0]` (one request, one container). An answer without containers
 * (Microsoft leaves them out when nothing matched in some examples) is an empty last page.
 */
export function listItemHitPage(body: unknown): ListItemHitPage {
  const response = (body as { value?: { hitsContainers?: unknown[] }[] } | undefined)?.value?.[0];
  const container = (response?.hitsContainers?.[0] ?? {}) as { hits?: unknown[]; total?: unknown; moreResultsAvailable?: unknown };
  const hits = (container.hits ?? []).map((raw): ListItemHit => {
    const hit = raw as { hitId?: unknown; resource?: Record<string, unknown> };
    const resource = hit.resource ?? {};
    const parent = (resource.parentReference ?? {}) as { siteId?: unknown };
    const createdBy = (resource.createdBy as { user?: { displayName?: unknown } } | undefined)?.user?.displayName;
    const out: ListItemHit = { hitId: text(hit.hitId) ?? '', fields: lowerKeys(resource.fields) };
    for (const [key, value] of [
      ['id', text(resource.id)],
      ['siteId', text(parent.siteId)],
      ['webUrl', text(resource.webUrl)],
      ['name', text(resource.name)],
      ['createdDateTime', text(resource.createdDateTime)],
      ['lastModifiedDateTime', text(resource.lastModifiedDateTime)],
      ['createdBy', text(createdBy)]
    ] as const)
      if (value !== undefined) out[key] = value;
    return out;
  });
  const total = typeof container.total === 'number' ? container.total : Number(container.total ?? hits.length);
  return { hits, total: Number.isFinite(total) ? total : hits.length, moreResultsAvailable: container.moreResultsAvailable === true };
}

/**
 * Every page of hits, asking `from` further each time until Microsoft says no more results are available (or a
 * page comes back empty, so a service that keeps saying "more" cannot loop for ever).
 *
 * @example for await (const page of searchListItems(graph, { queryString: 'ComplianceTag:"HR"', fields: ['ListId'] })) ...
 */
export async function* searchListItems(
  gateway: GraphGateway,
  search: ListItemSearch,
  options: CallOptions = {}
): AsyncGenerator<ListItemHitPage> {
  for (let from = 0; ;) {
    const page = await gateway.call(searchListItemsCall(search, from), options);
    yield page;
    if (!page.moreResultsAvailable || page.hits.length === 0) return;
    from += page.hits.length;
  }
}

/** A requested managed property of a hit, as text ('' when Microsoft left it out); names compare ignoring case. */
export function hitText(hit: ListItemHit, property: string): string {
  return text(hit.fields[property.toLowerCase()]) ?? '';
}

/**
 * The list item a hit stands for, from the `ListId` and `ListItemID` fields it was asked for (GUID braces dropped);
 * undefined for a hit that names no list item (a page, a folder of another kind).
 */
export function hitListItem(hit: ListItemHit): { listId: string; itemId: string } | undefined {
  const listId = hitText(hit, managedProperties.listId).replace(/[{}]/g, '');
  const itemId = hitText(hit, managedProperties.listItemId);
  return listId && /^\d+$/.test(itemId) ? { listId, itemId } : undefined;
}
