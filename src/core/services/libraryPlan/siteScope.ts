import type { SensitivityLabel } from '@microsoft/microsoft-graph-types';
import type { GraphGateway } from '../../graph/GraphGateway';
import { listSensitivityLabels } from '../../graph/sensitivityLabels/listSensitivityLabels';
import { getSiteByUrl } from '../../graph/sites/getSiteByUrl';
import type { SharePointSite } from '../../sharepoint/createSharePoint';
import { openRecordsSite, recordsSiteById, type RecordsSite } from '../recordsSite/RecordsSite';
import { once } from '../shared/once';

export interface SiteScopeDeps {
  /** Graph, through Custodian's pipeline (token, retry, rate governor). */
  graph: GraphGateway;
  /** SharePoint REST for the site being configured (`createSharePoint(siteUrl, { governor: graph.governor, ... })`). */
  site: SharePointSite;
  /** Where Custodian keeps its lists; empty means the site itself. */
  recordsSiteUrl?: string;
  now?: () => number;
}

/**
 * One site a site owner configures, as the library plan, coverage and bulk labelling services share it: what they
 * all need is read once per scope (the site's id, the records site, the tenant's sensitivity labels).
 */
export interface SiteScope {
  readonly graph: GraphGateway;
  readonly site: SharePointSite;
  readonly now: () => number;
  /** Graph's id of the site being configured. */
  siteId(): Promise<string>;
  /** Where Custodian keeps library plans and bulk job checkpoints. */
  recordsSite(): Promise<RecordsSite>;
  sensitivityLabels(): Promise<SensitivityLabel[]>;
}

export function createSiteScope(deps: SiteScopeDeps): SiteScope {
  const { graph, site } = deps;
  const siteId = once(async () => String((await getSiteByUrl(graph, site.siteUrl)).id));
  return {
    graph,
    site,
    now: deps.now ?? (() => Date.now()),
    siteId,
    recordsSite: once(async () =>
      deps.recordsSiteUrl ? openRecordsSite(graph, deps.recordsSiteUrl) : recordsSiteById(graph, await siteId())
    ),
    sensitivityLabels: once(() => listSensitivityLabels(graph))
  };
}
