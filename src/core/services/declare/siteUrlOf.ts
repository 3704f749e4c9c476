import type { GraphGateway } from '../../graph/GraphGateway';
import { getSite } from '../../graph/sites/getSite';

/** The site's absolute URL, from Graph: SharePoint REST is addressed by it. Permission: Sites.Read.All. */
export async function siteUrlOf(graph: GraphGateway, siteId: string): Promise<string> {
  const site = await getSite(graph, siteId, ['webUrl'], { action: 'find the site of the document' });
  return String(site.webUrl ?? '');
}
