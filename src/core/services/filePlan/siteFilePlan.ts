import type { FilePlanLabel } from '../../domain/filePlanLabel';
import type { CallOptions } from '../../graph/GraphCall';
import type { GraphGateway } from '../../graph/GraphGateway';
import type { SharePointSite } from '../../sharepoint/createSharePoint';
import { getAvailableTagsForSite } from '../../sharepoint/policyStore/getAvailableTagsForSite';
import { readFilePlan, type UnreadableLabel } from './readFilePlan';
import { labelNameKey } from './sameLabelName';

/** A retention label as the site sees it. */
export interface SiteLabel {
  label: FilePlanLabel;
  /** Published to this site (SharePoint's GetAvailableTagsForSite); only those can be a library's default. */
  availableToSite: boolean;
}

export interface SiteFilePlan {
  labels: SiteLabel[];
  /** Labels Graph describes in a way Custodian cannot read faithfully, with why; shown, never guessed. */
  unreadable: UnreadableLabel[];
}

export interface SiteFilePlanDeps {
  graph: GraphGateway;
  /** The site being configured, for SharePoint's policy store. */
  site: SharePointSite;
}

/** The retention labels of the tenant's file plan, with descriptors, settings and user descriptions, and which ones the site may use. */
export async function readSiteFilePlan(deps: SiteFilePlanDeps, options: CallOptions = {}): Promise<SiteFilePlan> {
  const [filePlan, tags] = await Promise.all([
    // An event-based label's "Based on" names its event type ("Event: Contract Expiry"), as Purview's file plan does.
    readFilePlan(deps.graph, { signal: options.signal, withEventTypes: true }),
    getAvailableTagsForSite(deps.site, options.signal)
  ]);
  const available = new Set(tags.map((t) => labelNameKey(t.TagName)));
  return {
    labels: filePlan.labels.map((label) => ({ label, availableToSite: available.has(labelNameKey(label.name)) })),
    unreadable: filePlan.unreadable
  };
}
