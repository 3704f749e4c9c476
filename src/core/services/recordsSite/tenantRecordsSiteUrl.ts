import type { GraphGateway } from '../../graph/GraphGateway';
import { getSite } from '../../graph/sites/getSite';
import { once } from '../shared/once';

/**
 * The records site on the tenant's own SharePoint host, e.g. `https://contoso.sharepoint.com/sites/records` for
 * the path `/sites/records`. The host comes from the root site (`siteCollection.hostname`), read on the first call
 * only, and again after a failure. Permission: Sites.Read.All.
 */
export function tenantRecordsSiteUrl(graph: GraphGateway, recordsSitePath: string): () => Promise<string> {
  return once(async () => {
    const root = await getSite(graph, 'root', ['siteCollection'], { action: 'find your SharePoint' });
    return `https://${String(root.siteCollection?.hostname)}${recordsSitePath}`;
  });
}
