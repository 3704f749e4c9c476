import type { DispositionWorkspace } from '../disposition/dispositionWorkspace';
import { anchorAfterHoldChange } from './anchorAfterHoldChange';

export interface ReleaseHoldRequest {
  holdId: string;
  justification: string;
}

/** Releases a hold (it is kept, released, with what it covered); the signed-in user releases it. */
export async function releaseHold(workspace: DispositionWorkspace, request: ReleaseHoldRequest): Promise<void> {
  const s = await workspace.ready();
  await s.review.holds.release({
    holdId: request.holdId,
    justification: request.justification,
    by: await s.review.signedIn(),
    now: await workspace.now()
  });
  await anchorAfterHoldChange(workspace, s);
}
