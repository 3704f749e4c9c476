import type { LabelOption, QueueItem } from '../../core/services/disposition/DispositionQueue';

/** What approving a selection does to each item, said before the person confirms. */
export interface ApprovalImpact {
  /** At their last stage and not held: deleted from SharePoint, with a proof entry. */
  destroyed: QueueItem[];
  /** Not at their last stage and not held: on to their next review stage. */
  nextStage: QueueItem[];
  /** On hold (Custodian's or eDiscovery's): refused, nothing recorded for them. */
  held: QueueItem[];
  /** Regulatory records at their last stage: refused, as only Purview disposes of regulatory records. */
  regulatory: QueueItem[];
}

/**
 * Sorts a selection by what approving it does; a held item is refused whatever its stage, and a regulatory record at
 * its last stage is refused too (Custodian would be refused deleting it), so "will be destroyed" counts only what is.
 */
export function approvalImpact(items: readonly QueueItem[], labels: readonly LabelOption[] = []): ApprovalImpact {
  const regulatoryLabels = new Set(labels.filter((label) => label.isRegulatory).map((label) => label.name.toLowerCase()));
  const impact: ApprovalImpact = { destroyed: [], nextStage: [], held: [], regulatory: [] };
  for (const item of items) {
    if (item.holds.length > 0) impact.held.push(item);
    else if (item.currentStage < item.stages.length) impact.nextStage.push(item);
    else if (regulatoryLabels.has(item.labelName.toLowerCase())) impact.regulatory.push(item);
    else impact.destroyed.push(item);
  }
  return impact;
}
