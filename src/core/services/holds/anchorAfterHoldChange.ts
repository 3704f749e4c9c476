import type { DispositionWorkspace, OpenedWorkspace } from '../disposition/dispositionWorkspace';

/** Hold changes are not anchored one by one; the head is anchored after each, so verification covers them. */
export async function anchorAfterHoldChange(workspace: DispositionWorkspace, opened: OpenedWorkspace): Promise<void> {
  await opened.review.anchorNow(await workspace.now());
}
