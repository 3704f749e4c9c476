import type { FilePlanLabel } from '../../domain/filePlanLabel';
import { retentionLabelFromGraph } from '../../domain/retentionLabelFromGraph';
import type { CallOptions } from '../../graph/GraphCall';
import type { GraphGateway } from '../../graph/GraphGateway';
import { listRetentionLabels } from '../../graph/retentionLabels/listRetentionLabels';

/** A label Graph describes in a way Custodian cannot represent, with the reasons, so a surface can say so. */
export interface UnreadableLabel {
  name: string;
  reasons: string[];
}

/** The tenant's file plan as the domain models it. */
export interface FilePlan {
  labels: FilePlanLabel[];
  unreadable: UnreadableLabel[];
}

/** Graph's retention label payloads as the file plan; a payload the domain cannot read is listed, never thrown. */
export function filePlanFromGraph(payloads: readonly unknown[]): FilePlan {
  const labels: FilePlanLabel[] = [];
  const unreadable: UnreadableLabel[] = [];
  for (const payload of payloads) {
    const read = retentionLabelFromGraph(payload);
    if (read.ok) labels.push(read.label);
    else {
      const p = payload as { displayName?: string; id?: string };
      unreadable.push({ name: p.displayName ?? p.id ?? 'A label', reasons: read.reasons });
    }
  }
  return { labels, unreadable };
}

/**
 * Reads the file plan: every retention label with its descriptors (and, with `withEventTypes`, each event-based
 * label's event type, which retention dates need). Permission: RecordsManagement.Read.All (delegated).
 */
export async function readFilePlan(graph: GraphGateway, options: CallOptions & { withEventTypes?: boolean } = {}): Promise<FilePlan> {
  return filePlanFromGraph(await listRetentionLabels(graph, options));
}
