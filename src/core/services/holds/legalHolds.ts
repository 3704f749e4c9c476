import type { CallOptions } from '../../graph/GraphCall';
import type { GraphGateway } from '../../graph/GraphGateway';
import { listEdiscoveryCases } from '../../graph/ediscovery/listEdiscoveryCases';
import { listLegalHoldSiteSources } from '../../graph/ediscovery/listLegalHoldSiteSources';
import { listLegalHolds } from '../../graph/ediscovery/listLegalHolds';
import type { HoldSourceSite } from '../../domain/siteMatchesHoldSource';

/** An enabled eDiscovery legal hold, with the sites it covers. */
export interface LegalHold {
  caseId: string;
  caseName: string;
  holdId: string;
  name: string;
  /** KQL narrowing the hold; blank holds everything in its sites. Custodian cannot evaluate it per item. */
  contentQuery: string;
  /** Each site source's `site` as Graph gives it: a bare GUID or a composite id, and its `webUrl`. */
  sites: HoldSourceSite[];
}

/**
 * The enabled eDiscovery legal holds and the sites they cover, read from Graph (cases -> legalHolds ->
 * siteSources). Graph cannot say whether one item is held, so Custodian treats every item on a held site as held
 * (a hold with a content query might not cover it; disposal waits for a person to release or narrow the hold).
 * Permission (least privileged): eDiscovery.Read.All, and an eDiscovery role in Purview.
 */
export async function readLegalHolds(graph: GraphGateway, options: CallOptions = {}): Promise<LegalHold[]> {
  const out: LegalHold[] = [];
  for (const c of await listEdiscoveryCases(graph, options)) {
    if (!c.id || c.status === 'closed') continue;
    for (const hold of await listLegalHolds(graph, c.id, options)) {
      if (!hold.id || hold.isEnabled === false) continue;
      const sources = await listLegalHoldSiteSources(graph, c.id, hold.id, options);
      out.push({
        caseId: c.id,
        caseName: c.displayName ?? c.id,
        holdId: hold.id,
        name: hold.displayName ?? hold.id,
        contentQuery: hold.contentQuery ?? '',
        sites: sources
          // Microsoft's example gives the source the site's own id; it stands in when `site` is not expanded.
          .map((s) => ({ id: s.site?.id ?? s.id ?? null, webUrl: s.site?.webUrl ?? null }))
          .filter((s) => !!(s.id || s.webUrl))
      });
    }
  }
  return out;
}
