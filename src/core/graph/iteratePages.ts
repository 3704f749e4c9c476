import type { CallOptions, GraphCall } from './GraphCall';
import type { GraphGateway } from './GraphGateway';

export interface Page<T> {
  items: T[];
  /** Present on the last page of a delta query: keep it to ask for changes since. */
  deltaLink?: string;
}

interface CollectionBody<T> {
  value?: T[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

/**
 * Yields each page of a collection, following `@odata.nextLink` whole (never parsing `$skiptoken`), with the
 * first call's headers carried along (Graph does not carry `ConsistencyLevel` or `Prefer` to the next page).
 * A delta query ends with a page carrying `deltaLink`.
 *
 * @example for await (const page of iteratePages(graph, listItemsCall(site, list))) index(page.items);
 */
export async function* iteratePages<T>(
  gateway: GraphGateway,
  first: GraphCall<unknown>,
  options: CallOptions = {}
): AsyncGenerator<Page<T>> {
  let call: GraphCall<unknown> | undefined = { ...first, parse: undefined };
  for (let guard = 0; call; guard++) {
    if (guard > 100_000) throw new RangeError('Stopped after 100,000 pages: the service keeps returning a nextLink.');
    const body = ((await gateway.call(call, options)) ?? {}) as CollectionBody<T>;
    const next: string | undefined = body['@odata.nextLink'];
    yield { items: body.value ?? [], ...(next ? {} : body['@odata.deltaLink'] ? { deltaLink: body['@odata.deltaLink'] } : {}) };
    call = next ? { method: 'GET', url: next, headers: first.headers, action: first.action, version: first.version } : undefined;
  }
}

/** Every item of a collection, all pages. For large collections prefer `iteratePages`. */
export async function listAll<T>(gateway: GraphGateway, first: GraphCall<unknown>, options: CallOptions = {}): Promise<T[]> {
  const out: T[] = [];
  for await (const page of iteratePages<T>(gateway, first, options)) out.push(...page.items);
  return out;
}
