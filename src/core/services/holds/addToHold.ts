import type { DispositionWorkspace } from '../disposition/dispositionWorkspace';
import { anchorAfterHoldChange } from './anchorAfterHoldChange';

export interface AddToHoldRequest {
  holdId: string;
  /** Item keys (`siteId|listId|itemId`). */
  items?: string[];
  /** Site ids: the hold then covers every item of the site. */
  sites?: string[];
  justification: string;
}

/** Adds items or sites to a hold; the signed-in user adds them. */
export async function addToHold(workspace: DispositionWorkspace, request: AddToHoldRequest): Promise<void> {
  const s = await workspace.ready();
  const { holdId, items, sites, justification } = request;
  await s.review.holds.add({ holdId, items, sites, justification, by: await s.review.signedIn(), now: await workspace.now() });
  await anchorAfterHoldChange(workspace, s);
}
