import type { CallOptions } from '../../graph/GraphCall';
import type { GraphGateway } from '../../graph/GraphGateway';
import { searchSites } from '../../graph/sites/searchSites';

/** A site a person can choose, by name. */
export interface SiteSummary {
  name: string;
  webUrl: string;
}

/**
 * The sites the signed-in person can see whose name or description matches `query` (`*`: all of them), by name.
 * Permission: Sites.Read.All.
 */
export async function findSites(graph: GraphGateway, query = '*', options: CallOptions = {}): Promise<SiteSummary[]> {
  const sites = await searchSites(graph, query, options);
  return sites
    .filter((site) => site.webUrl)
    .map((site) => ({ name: site.displayName || site.name || String(site.webUrl), webUrl: String(site.webUrl) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
