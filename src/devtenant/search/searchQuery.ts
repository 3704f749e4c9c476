import { errors } from '../errors';
import { hasAnyScope } from '../auth/personas';
import { type Ctx, json, jsonBody, type Reply, requirePrincipal } from '../http/context';
import type { Route } from '../http/router';
import { KqlNotServed, parseKql } from './kqlQuery';
import { kqlToSql, searchTermsOf } from './kqlToSql';
import type { IndexRow } from './managedProperties';
import { catchUpSearchIndex } from './searchIndex';
import { othersPersonalSiteIds } from '../store/personalSites';
import { searchHit } from './searchHit';
import { entityTypeScopes, readSearchRequest, type SearchRequest } from './searchRequest';

/**
 * `POST /search/query` (https://learn.microsoft.com/graph/api/search-query) for the entity types listItem and
 * driveItem: KQL over the managed properties of the dev tenant's search index, paged with `from` and `size`.
 * Permissions (search-query, delegated): Mail.Read, Calendars.Read, Files.Read.All, Sites.Read.All, ... for the
 * call; then per entity type what search-api-overview's table names (listItem: Sites.Read.All; driveItem:
 * Files.Read.All or Sites.Read.All). Every persona reads every site, as for GET, so hits are not trimmed further,
 * except OneDrives: each is its owner's alone, as for GET.
 */

function orderBy(request: SearchRequest): string {
  const keys = request.sort.map(({ property, descending }) => {
    let column = property.column;
    if (property.name === 'IsDocument') column = '(is_library = 1 AND is_folder = 0)';
    return `${column} ${descending ? 'DESC' : 'ASC'}`;
  });
  // Without sortProperties the order is the index's own (Microsoft's is relevance): stable from page to page.
  return [...keys, 'rid'].join(', ');
}

function checkEntityScopes(ctx: Ctx, request: SearchRequest): void {
  const principal = requirePrincipal(ctx);
  for (const t of request.entityTypes) {
    const needed = entityTypeScopes[t as 'driveItem' | 'listItem'];
    if (!hasAnyScope(principal, needed)) throw errors.missingScope(needed);
  }
}

function query(ctx: Ctx): Reply {
  const request = readSearchRequest(jsonBody(ctx));
  checkEntityScopes(ctx, request);
  const db = ctx.tenant.db;
  let tree;
  let condition;
  try {
    tree = parseKql(request.queryString);
    condition = kqlToSql(db, tree);
  } catch (e) {
    if (!(e instanceof KqlNotServed)) throw e;
    throw errors.badRequest(`${e.message} (docs/devtenant.md, "Search", lists the KQL the dev tenant serves.)`, 'kqlNotServed');
  }
  catchUpSearchIndex(db);
  const driveItemsOnly = request.entityTypes.length === 1 && request.entityTypes[0] === 'driveItem';
  // Security trimming of OneDrives: another user's personal site is not shared with the caller (graph/personalAccess.ts).
  const hidden = othersPersonalSiteIds(db, requirePrincipal(ctx).userId);
  const trim = hidden.length > 0 ? ` AND site_id NOT IN (${hidden.map(() => '?').join(', ')})` : '';
  const where = `${driveItemsOnly ? 'is_library = 1' : '1'} AND (${condition.sql})${trim}`;
  const params = [...condition.params, ...hidden];
  const total = (db.prepare(`SELECT count(*) AS n FROM search_index WHERE ${where}`).get(...params) as { n: number }).n;
  const rows =
    request.size === 0
      ? []
      : (db
          .prepare(`SELECT * FROM search_index WHERE ${where} ORDER BY ${orderBy(request)} LIMIT ? OFFSET ?`)
          .all(...params, request.size, request.from) as IndexRow[]);
  const asDriveItem = request.entityTypes.includes('driveItem');
  const hits = rows.map((row, i) => searchHit(ctx, row, request.from + i + 1, asDriveItem, request.fields));
  return json({
    '@odata.context': `${ctx.origin}/${ctx.version}/$metadata#Collection(microsoft.graph.searchResponse)`,
    value: [
      {
        searchTerms: searchTermsOf(tree),
        hitsContainers: [
          {
            // An empty page has no `hits` at all, as Graph answers it; clients treat the property as optional.
            ...(hits.length > 0 ? { hits } : {}),
            total,
            moreResultsAvailable: request.from + hits.length < total
          }
        ]
      }
    ]
  });
}

export const searchRoutes: readonly Route[] = [
  {
    pattern: 'search/query',
    ops: {
      POST: {
        scopes: [
          'Mail.Read',
          'Calendars.Read',
          'Files.Read.All',
          'Sites.Read.All',
          'ExternalItem.Read.All',
          'Acronym.Read.All',
          'Bookmark.Read.All',
          'ChannelMessage.Read.All',
          'Chat.Read',
          'Mail.ReadWrite',
          'Calendars.ReadWrite',
          'Files.ReadWrite.All',
          'Sites.ReadWrite.All'
        ],
        run: query
      }
    }
  }
];
