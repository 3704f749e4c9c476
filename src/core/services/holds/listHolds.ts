import type { DispositionWorkspace } from '../disposition/dispositionWorkspace';
import { holdSummary, type HoldSummary } from './HoldSummary';

/** Custodian's holds, active and released, with what each covers. */
export async function listHolds(workspace: DispositionWorkspace): Promise<HoldSummary[]> {
  const s = await workspace.ready();
  return (await s.review.holds.list()).map(holdSummary);
}
