import type { FilePlanLabel } from '../../domain/filePlanLabel';
import { labelChangeShortensRetention } from '../../domain/labelChangeShortensRetention';
import { sameLabelName } from '../filePlan/sameLabelName';
import { checkHolds, holdRefusal } from '../holds/checkHolds';
import { existingHoldRegister, noCustodianHolds } from '../holds/existingHoldRegister';
import type { DeclareDeps } from './DeclareDeps';
import type { DocumentContext } from './DocumentContext';
import { siteUrlOf } from './siteUrlOf';

/**
 * Refuses, before any change is sent, labelling a held document with a label that keeps it for less or deletes it
 * sooner (`labelChangeShortensRetention`: a shorter or deleting relabel, or a delete-only label on an unlabelled one): Custodian's own holds (on the records site) and eDiscovery legal holds
 * both count, and holds that cannot be read count as a possible hold. A label Custodian does not find in the file
 * plan is treated as one that retained. Without a records site there is no Custodian hold register to read.
 */
export async function refuseHeldRelabel(deps: DeclareDeps, context: DocumentContext, to: FilePlanLabel | undefined): Promise<void> {
  const { document } = context;
  const current = document.retentionLabel?.name;
  if (!to || !document.listItem || (current && sameLabelName(current, to.name))) return;
  const from = current ? context.labels.find((l) => sameLabelName(l.name, current)) : undefined;
  const unknownCurrent = current !== undefined && from === undefined;
  if (!unknownCurrent && !labelChangeShortensRetention(from?.retention, to.retention)) return;
  const { list, id } = document.listItem;
  const siteUrl = await siteUrlOf(deps.graph, list.siteId);
  const held = await checkHolds(
    {
      graph: deps.graph,
      register: async () => (deps.recordsSiteUrl ? existingHoldRegister(deps.graph, await deps.recordsSiteUrl()) : noCustodianHolds)
    },
    [{ key: `${list.siteId}|${list.listId}|${id}`, name: document.name, ...(siteUrl ? { siteUrl } : {}) }]
  );
  if (held.length) throw holdRefusal(held, `Custodian did not change the label of '${document.name}' to "${to.name}".`);
}
