import type { QueueItem } from '../../core/services/disposition/DispositionQueue';

/** What approving a selection does to each item, said before the person confirms. */
export interface ApprovalImpact {
  /** At their last stage and not held: deleted from SharePoint, with a proof entry. */
  destroyed: QueueItem[];
  /** Not at their last stage and not held: on to their next review stage. */
  nextStage: QueueItem[];
  /** On hold (Custodian's or eDiscovery's): refused, nothing recorded for them. */
  held: QueueItem[];
}

/** Sorts a selection by what approving it does; a held item is refused whatever its stage. */
export function approvalImpact(items: readonly QueueItem[]): ApprovalImpact {
  const impact: ApprovalImpact = { destroyed: [], nextStage: [], held: [] };
  for (const item of items) {
    if (item.holds.length > 0) impact.held.push(item);
    else if (item.currentStage >= item.stages.length) impact.destroyed.push(item);
    else impact.nextStage.push(item);
  }
  return impact;
}
