import type { GraphGateway } from '../../graph/GraphGateway';
import { findListByName } from '../../graph/lists/findListByName';
import { holdsList } from '../disposition/dispositionLists';
import { openRecordsSite, type RecordsSite } from '../recordsSite/RecordsSite';
import { createHoldRegister, type HoldRegister } from './holdRegister';

/** A register with no holds: what a records site without the holds list (or no records site) amounts to. */
export const noCustodianHolds: Pick<HoldRegister, 'covering'> = { covering: async () => () => [] };

/**
 * Custodian's hold register on the records site, for a check that only reads: when the holds list does not exist
 * nobody has made a hold, and nothing is created (the register itself creates its lists on first use, which needs
 * Sites.Manage.All and is a change a refusal must not make).
 */
export async function existingHoldRegister(
  graph: GraphGateway,
  recordsSite: string | RecordsSite
): Promise<Pick<HoldRegister, 'covering'>> {
  const site = typeof recordsSite === 'string' ? await openRecordsSite(graph, recordsSite) : recordsSite;
  if (!(await findListByName(graph, site.siteId, holdsList.title))) return noCustodianHolds;
  return createHoldRegister(site);
}
