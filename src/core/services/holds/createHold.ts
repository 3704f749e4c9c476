import type { DispositionWorkspace } from '../disposition/dispositionWorkspace';
import { anchorAfterHoldChange } from './anchorAfterHoldChange';
import type { HoldSummary } from './HoldSummary';

export interface CreateHoldRequest {
  name: string;
  /** Required: kept in the proof register. */
  reason: string;
}

/** Creates an active hold covering nothing yet; the signed-in user creates it. */
export async function createHold(workspace: DispositionWorkspace, request: CreateHoldRequest): Promise<HoldSummary> {
  const s = await workspace.ready();
  const { hold } = await s.review.holds.create({
    name: request.name,
    reason: request.reason,
    by: await s.review.signedIn(),
    now: await workspace.now()
  });
  await anchorAfterHoldChange(workspace, s);
  return { ...hold, items: [], sites: [] };
}
