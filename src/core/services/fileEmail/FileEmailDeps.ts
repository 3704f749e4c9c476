import type { GraphGateway } from '../../graph/GraphGateway';
import type { SharePointSite } from '../../sharepoint/createSharePoint';

/** What opening and filing a message need, bound once by the composition root. */
export interface FileEmailDeps {
  graph: GraphGateway;
  /** The records site's URL (`https://contoso.sharepoint.com/sites/records`), where the library plans are kept. */
  recordsSiteUrl: () => Promise<string>;
  /**
   * SharePoint REST for a site: reads the default retention label of a records library that has no plan (Graph has no
   * way to), so that it is preselected. Without it such a library preselects nothing.
   */
  sharePoint?: (siteUrl: string) => SharePointSite;
}
