import type { RecordsTenantSettings } from '../../domain/recordRestrictions';
import type { GraphGateway } from '../../graph/GraphGateway';
import type { SharePointSite } from '../../sharepoint/createSharePoint';

/** What opening and declaring a document need, bound once by the composition root. */
export interface DeclareDeps {
  graph: GraphGateway;
  /** Host names besides *.sharepoint.com whose documents Graph can resolve. */
  extraHosts?: readonly string[];
  settings?: RecordsTenantSettings;
  actor?: { isContainerAdmin: boolean };
  /**
   * The records site's URL (`https://contoso.sharepoint.com/sites/records`), where the library plans are kept: a
   * plan adds the columns it requires to the library's own. Without it, only the library's own are asked.
   */
  recordsSiteUrl?: () => Promise<string>;
  /**
   * SharePoint REST for a site (`createSharePoint(siteUrl, { tokens })`): person and managed metadata columns are
   * written through it. Without it, a declaration that sets one is refused before anything is sent.
   */
  sharePoint?: (siteUrl: string) => SharePointSite;
  /** Now, in ms since the epoch (the labelled date, the status after declaring); `Date.now` by default. */
  clock?: () => number;
}
