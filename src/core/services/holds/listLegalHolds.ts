import type { DispositionWorkspace } from '../disposition/dispositionWorkspace';

/** An eDiscovery legal hold as the Holds tab shows it beside Custodian's own. */
export interface LegalHoldSummary {
  caseName: string;
  holdId: string;
  name: string;
  /** KQL narrowing the hold in Purview; blank when it holds everything on its sites. */
  contentQuery: string;
  /** The sites it covers, by their web address (what Graph's site sources give). */
  sites: string[];
}

/**
 * The enabled eDiscovery legal holds of open cases, read from Purview through Graph. They are managed in Purview;
 * Custodian shows them because they block disposal of every item on their sites.
 * Permission: eDiscovery.Read.All, and an eDiscovery role in Purview (a 403 without it).
 */
export async function listLegalHolds(workspace: DispositionWorkspace): Promise<LegalHoldSummary[]> {
  const s = await workspace.ready();
  return (await s.review.legalHolds()).map((hold) => ({
    caseName: hold.caseName,
    holdId: hold.holdId,
    name: hold.name,
    contentQuery: hold.contentQuery,
    sites: hold.sites.map((site) => site.webUrl ?? site.id ?? '').filter(Boolean)
  }));
}
