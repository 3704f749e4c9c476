import type { GraphTemplateIds } from '../../domain/retentionLabelToGraphCreateBody';
import type { FilePlanTenantFacts } from '../../domain/validateFilePlanRow';
import type { GraphGateway } from '../../graph/GraphGateway';
import { listRetentionEventTypes } from '../../graph/retentionEvents/listRetentionEventTypes';
import { descriptorCollections, type DescriptorKind } from '../../graph/retentionLabels/filePlanDescriptorCollections';
import { listFilePlanDescriptorTemplates } from '../../graph/retentionLabels/listFilePlanDescriptorTemplates';
import { listRetentionLabels } from '../../graph/retentionLabels/listRetentionLabels';

/** The ids of the tenant's event types and descriptor templates by name, as the label create bodies reference them. */
export async function readGraphTemplateIds(graph: GraphGateway, signal?: AbortSignal): Promise<GraphTemplateIds> {
  const kinds = Object.keys(descriptorCollections) as DescriptorKind[];
  const [eventTypes, ...lists] = await Promise.all([
    listRetentionEventTypes(graph, { signal }),
    ...kinds.map((kind) => listFilePlanDescriptorTemplates(graph, kind, { signal }))
  ]);
  const byName = (list: readonly { id?: string; displayName?: string | null }[]): Record<string, string> =>
    Object.fromEntries(list.filter((t) => t.id && t.displayName).map((t) => [String(t.displayName), String(t.id)]));
  const table = Object.fromEntries(kinds.map((kind, i) => [descriptorCollections[kind], byName(lists[i])]));
  return { graphBaseUrl: `${graph.baseOrigin}/v1.0`, eventTypes: byName(eventTypes), ...table };
}

/** What Purview's import rules check against the tenant: the label names already taken and the event types. */
export async function readTenantFacts(graph: GraphGateway, ids: GraphTemplateIds, signal?: AbortSignal): Promise<FilePlanTenantFacts> {
  const labels = await listRetentionLabels(graph, { signal });
  return {
    existingLabels: labels.map((l) => l.displayName ?? '').filter(Boolean),
    eventTypes: Object.keys(ids.eventTypes ?? {})
  };
}
