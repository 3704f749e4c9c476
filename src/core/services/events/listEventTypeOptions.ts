import { listRetentionEventTypes } from '../../graph/retentionEvents/listRetentionEventTypes';
import type { DispositionWorkspace } from '../disposition/dispositionWorkspace';

export interface EventTypeOption {
  id: string;
  name: string;
  /** Labels bound to the type: only their items can start. */
  labelNames: string[];
}

export interface ListEventTypesRequest {
  signal?: AbortSignal;
}

/** The tenant's retention event types, each with the file plan labels bound to it (read by the index). */
export async function listEventTypeOptions(
  workspace: DispositionWorkspace,
  request: ListEventTypesRequest = {}
): Promise<EventTypeOption[]> {
  const { signal } = request;
  const s = await workspace.ready();
  const [types] = await Promise.all([
    listRetentionEventTypes(workspace.graph, { signal }),
    s.index.facts() ? Promise.resolve() : s.index.refresh({ now: await workspace.now(), signal })
  ]);
  const labels = s.index.facts()?.labels ?? [];
  return types
    .filter((t) => t.id)
    .map((t) => ({
      id: String(t.id),
      name: t.displayName ?? String(t.id),
      labelNames: labels
        .filter(
          (l) =>
            l.retention?.trigger === 'dateOfEvent' &&
            (l.retention.eventTypeId === t.id || l.retention.eventTypeName?.toLowerCase() === t.displayName?.toLowerCase())
        )
        .map((l) => l.name)
    }));
}
