import { errors } from '../errors';
import { type Ctx, json, type Reply } from '../http/context';
import type { Route } from '../http/router';
import { applySelect, pageCollection, selectOption } from '../http/query';
import { allSites, type SiteRow } from '../store/sites';
import { sharePointHost } from '../auth/personas';
import { isPersonalSite, personalSiteHost } from '../store/personalSites';
import { loadSite, siteWebUrl } from './common';

const readScopes = ['Sites.Read.All', 'Sites.ReadWrite.All', 'Sites.FullControl.All'] as const;

/** Graph's site (https://learn.microsoft.com/graph/api/resources/site). */
export function siteRepresentation(ctx: Ctx, site: SiteRow): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: site.id,
    name: site.name,
    displayName: site.display_name,
    description: site.description,
    webUrl: siteWebUrl(ctx, site),
    createdDateTime: site.created,
    lastModifiedDateTime: site.created,
    // A personal site (OneDrive) is a site collection on the tenant's -my host, as its id says.
    siteCollection: { hostname: isPersonalSite(site) ? personalSiteHost : sharePointHost }
  };
  if (site.path === '/') out.root = {};
  return out;
}

/** `GET /sites?search={query}`: sites whose name, title or description contains the words; `*` lists all. */
function searchSites(ctx: Ctx): Reply {
  const q = ctx.query.get('search');
  if (q === undefined) throw errors.badRequest("Listing sites needs the 'search' parameter, e.g. /sites?search=*.");
  const terms = q.trim() === '*' || q.trim() === '' ? [] : q.toLowerCase().split(/\s+/);
  // Personal sites are left out: site search does not find OneDrives with delegated permissions
  // (microsoftgraph/msgraph-sdk-powershell#544, "you cannot search for personal sites").
  const rows = allSites(ctx.tenant.db)
    .filter((s) => !isPersonalSite(s))
    .filter((s) => terms.every((t) => `${s.name} ${s.display_name} ${s.description}`.toLowerCase().includes(t)))
    .map((s) => siteRepresentation(ctx, s));
  return json(pageCollection(ctx, rows));
}

function getSite(ctx: Ctx, p: Record<string, string>): Reply {
  return json(applySelect(siteRepresentation(ctx, loadSite(ctx, p.siteId)), selectOption(ctx)));
}

export const siteRoutes: readonly Route[] = [
  {
    pattern: 'sites',
    ops: { GET: { scopes: readScopes, query: ['search', '$select', '$top', '$skiptoken', '$filter', '$orderby'], run: searchSites } }
  },
  { pattern: 'sites/{siteId}', ops: { GET: { scopes: readScopes, query: ['$select'], run: getSite } } }
];
