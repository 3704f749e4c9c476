import type { FilePlanLabel } from '../../domain/filePlanLabel';
import { labelChangeShortensRetention } from '../../domain/labelChangeShortensRetention';
import type { GraphGateway } from '../../graph/GraphGateway';
import type { RecordsSite } from '../recordsSite/RecordsSite';
import { checkHolds, holdRefusal } from './checkHolds';
import { existingHoldRegister } from './existingHoldRegister';

export interface LabellingTarget {
  graph: GraphGateway;
  /** Where Custodian's hold register is. */
  recordsSite: () => Promise<RecordsSite>;
  siteId: string;
  siteUrl: string;
  library: { id: string; name: string };
}

/**
 * Refuses, before anything is labelled, giving a library's unlabelled items a label that deletes without retaining
 * (`labelChangeShortensRetention`) while a hold covers any of them: Purview would delete them, and Purview knows
 * nothing of Custodian's own holds. `label` undefined (not found in the file plan) is checked as one that may delete.
 */
export async function refuseHeldLabelling(
  target: LabellingTarget,
  label: { name: string; known?: FilePlanLabel },
  unlabelled: readonly { id: number | string; name: string }[]
): Promise<void> {
  if (!unlabelled.length) return;
  if (label.known && !labelChangeShortensRetention(undefined, label.known.retention)) return;
  const { graph, siteId, siteUrl, library } = target;
  const held = await checkHolds(
    { graph, register: async () => existingHoldRegister(graph, await target.recordsSite()) },
    unlabelled.map((i) => ({ key: `${siteId}|${library.id}|${String(i.id)}`, name: i.name, siteUrl }))
  );
  if (held.length) throw holdRefusal(held, `Custodian didn't label the items of ${library.name} with "${label.name}".`);
}
