import type { FilePlanLabel } from '../../domain/filePlanLabel';
import { retentionLabelFromGraph } from '../../domain/retentionLabelFromGraph';
import type { CallOptions } from '../../graph/GraphCall';
import type { GraphGateway } from '../../graph/GraphGateway';
import { listRetentionEvents } from '../../graph/retentionEvents/listRetentionEvents';
import { listRetentionLabels } from '../../graph/retentionLabels/listRetentionLabels';
import { retentionEventFacts, type RetentionEventFact } from '../events/RetentionEventFact';

/** What decides every item's retention besides the item itself: the file plan and the events fired. */
export interface RetentionFacts {
  labels: FilePlanLabel[];
  /** Labels Graph returned that Custodian cannot read faithfully, with why (their items show as unknown). */
  unreadableLabels: { name: string; reasons: string[] }[];
  events: RetentionEventFact[];
}

/**
 * Reads the file plan (with event types) and the retention events: two collections, a few requests whatever the
 * number of items. Permission (least privileged): RecordsManagement.Read.All (labels are delegated only).
 */
export async function readRetentionFacts(graph: GraphGateway, options: CallOptions = {}): Promise<RetentionFacts> {
  const [graphLabels, graphEvents] = await Promise.all([
    listRetentionLabels(graph, { ...options, withEventTypes: true }),
    listRetentionEvents(graph, options)
  ]);
  const labels: FilePlanLabel[] = [];
  const unreadableLabels: RetentionFacts['unreadableLabels'] = [];
  for (const payload of graphLabels) {
    const read = retentionLabelFromGraph(payload);
    if (read.ok) labels.push(read.label);
    else unreadableLabels.push({ name: payload.displayName ?? payload.id ?? '?', reasons: read.reasons });
  }
  return { labels, unreadableLabels, events: retentionEventFacts(graphEvents) };
}
