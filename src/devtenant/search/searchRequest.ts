import { errors } from '../errors';
import { type ManagedProperty, sortableProperty } from './managedProperties';

/**
 * Reads the body of `POST /search/query` (https://learn.microsoft.com/graph/api/search-query) into one search
 * request, checked against what Microsoft documents for the searchRequest resource and the Search API's known
 * limitations; what the dev tenant does not serve is refused, never ignored.
 */

/** searchRequest.entityTypes (searchrequest resource: "Possible values are ..."). */
export const entityTypes = [
  'event',
  'message',
  'driveItem',
  'externalItem',
  'site',
  'list',
  'listItem',
  'drive',
  'chatMessage',
  'person',
  'acronym',
  'bookmark',
  'qna'
] as const;
export type EntityType = (typeof entityTypes)[number];

/** The entity types one request may combine: the table under "Known limitations" of search-api-overview, as groups. */
const combinable: readonly (readonly EntityType[])[] = [
  ['acronym', 'bookmark', 'qna'],
  ['message'],
  ['chatMessage'],
  ['event'],
  ['person'],
  ['drive', 'driveItem', 'externalItem', 'list', 'listItem', 'site']
];

/** The types the dev tenant serves; the others answer 501. */
const served: readonly EntityType[] = ['driveItem', 'listItem'];

/** searchRequest.size: "The maximum value is 500" (searchrequest resource); the default page is 25 (search-api-overview). */
export const maxPageSize = 500;
export const defaultPageSize = 25;
/** searchRequest.sortProperties: "There can be at most 5 sort properties in the collection." */
const maxSortProperties = 5;

/** Properties of a searchRequest the dev tenant does not implement. */
const unserved = [
  'aggregations',
  'aggregationFilters',
  'collapseProperties',
  'contentSources',
  'enableTopResults',
  'queryAlterationOptions',
  'region',
  'resultTemplateOptions',
  'sharePointOneDriveOptions',
  'trimDuplicates'
];

export interface SearchRequest {
  entityTypes: EntityType[];
  queryString: string;
  from: number;
  size: number;
  /** Requested `fields`, as written (unknown ones are dropped when answering, as Microsoft documents). */
  fields: string[] | undefined;
  sort: { property: ManagedProperty; descending: boolean }[];
}

function wholeNumber(body: Record<string, unknown>, name: string, fallback: number): number {
  const v = body[name];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 2 ** 31 - 1)
    throw errors.badRequest(`The property '${name}' must be a whole number from 0 to 2147483647.`);
  return v;
}

function readEntityTypes(request: Record<string, unknown>): EntityType[] {
  const types = request.entityTypes;
  if (!Array.isArray(types) || types.length === 0)
    throw errors.badRequest("The property 'entityTypes' is required: one or more entity types.");
  const out: EntityType[] = [];
  for (const t of types) {
    const known = entityTypes.find((e) => typeof t === 'string' && e.toLowerCase() === t.toLowerCase());
    if (!known) throw errors.badRequest(`'${String(t)}' is not an entity type of the Search API (${entityTypes.join(', ')}).`);
    if (!out.includes(known)) out.push(known);
  }
  if (!combinable.some((group) => out.every((t) => group.includes(t))))
    throw errors.badRequest(
      `The entity types ${out.join(', ')} cannot be searched in one request (search-api-overview, "Known limitations").`
    );
  const notServed = out.filter((t) => !served.includes(t));
  if (notServed.length > 0) throw errors.notImplemented(`search of ${notServed.join(', ')} (it serves driveItem and listItem)`);
  return out;
}

function readQuery(request: Record<string, unknown>): string {
  const query = request.query;
  if (query === null || typeof query !== 'object' || Array.isArray(query)) throw errors.badRequest("The property 'query' is required.");
  const { queryString, queryTemplate, ...rest } = query as Record<string, unknown>;
  const other = Object.keys(rest);
  if (other.length > 0) throw errors.notImplemented(`the searchQuery property '${other[0]}'`);
  if (typeof queryString !== 'string' || queryString.trim() === '')
    throw errors.badRequest("The property 'query.queryString' is required.");
  if (queryTemplate === undefined || queryTemplate === null) return queryString;
  if (typeof queryTemplate !== 'string' || !queryTemplate.includes('{searchTerms}'))
    throw errors.badRequest("The property 'query.queryTemplate' must be a string holding {searchTerms}.");
  // search-concept-query-template: the template's {searchTerms} stands for the query string. The parentheses keep its
  // meaning whole when the template adds restrictions around it.
  return queryTemplate.split('{searchTerms}').join(`(${queryString})`);
}

function readFields(request: Record<string, unknown>): string[] | undefined {
  const fields = request.fields;
  if (fields === undefined || fields === null) return undefined;
  if (!Array.isArray(fields) || fields.some((f) => typeof f !== 'string'))
    throw errors.badRequest("The property 'fields' must be an array of strings.");
  return fields as string[];
}

function readSort(request: Record<string, unknown>): SearchRequest['sort'] {
  const sort = request.sortProperties;
  if (sort === undefined || sort === null) return [];
  if (!Array.isArray(sort)) throw errors.badRequest("The property 'sortProperties' must be an array.");
  if (sort.length > maxSortProperties) throw errors.badRequest(`There can be at most ${maxSortProperties} sort properties.`);
  return sort.map((s: unknown) => {
    const { name, isDescending } = (s ?? {}) as Record<string, unknown>;
    if (typeof name !== 'string' || name === '') throw errors.badRequest('Each sort property needs a name.');
    if (isDescending !== undefined && typeof isDescending !== 'boolean')
      throw errors.badRequest(`The sort property '${name}' has an isDescending that is not true or false.`);
    const property = sortableProperty(name);
    // search-api-overview: "If the property specified in the request is not sortable or does not exist, the response will return an error, HTTP 400".
    if (!property) throw errors.badRequest(`The property '${name}' is not sortable or does not exist.`);
    return { property, descending: isDescending === true };
  });
}

/** The one searchRequest of a query body. */
export function readSearchRequest(body: Record<string, unknown>): SearchRequest {
  const requests = body.requests;
  if (!Array.isArray(requests) || requests.length === 0)
    throw errors.badRequest("The property 'requests' is required: one search request.");
  // search-api-overview, "Known limitations": "the service currently supports only a single searchRequest at a time".
  if (requests.length > 1) throw errors.badRequest('Only one search request at a time is supported.');
  const request = requests[0] as Record<string, unknown>;
  if (request === null || typeof request !== 'object' || Array.isArray(request))
    throw errors.badRequest('A search request must be an object.');
  const types = readEntityTypes(request);
  const known = ['entityTypes', 'query', 'from', 'size', 'fields', 'sortProperties'];
  for (const key of Object.keys(request)) {
    if (known.includes(key)) continue;
    if (unserved.includes(key)) throw errors.notImplemented(`the searchRequest property '${key}'`);
    throw errors.badRequest(`'${key}' is not a property of a search request.`);
  }
  const size = wholeNumber(request, 'size', defaultPageSize);
  if (size > maxPageSize) throw errors.badRequest(`The page size ${size} is over the maximum of ${maxPageSize} (searchRequest.size).`);
  return {
    entityTypes: types,
    queryString: readQuery(request),
    from: wholeNumber(request, 'from', 0),
    size,
    fields: readFields(request),
    sort: readSort(request)
  };
}

/** Least privileged first, per entity type (search-api-overview, "Scope search based on entity types"). */
export const entityTypeScopes: Record<'driveItem' | 'listItem', readonly string[]> = {
  driveItem: ['Files.Read.All', 'Files.ReadWrite.All', 'Sites.Read.All', 'Sites.ReadWrite.All'],
  listItem: ['Sites.Read.All', 'Sites.ReadWrite.All']
};
