import type { SecurityNamespace } from '@microsoft/microsoft-graph-types';
import { parseUtcInstant, type InstantInput } from '../../domain/utcInstant';
import type { CallOptions } from '../../graph/GraphCall';
import type { GraphGateway } from '../../graph/GraphGateway';
import { createRetentionEvent } from '../../graph/retentionEvents/createRetentionEvent';
import { eventRefused } from './eventErrors';
import type { RetentionEventPreview } from './previewRetentionEvent';

/**
 * Fires a retention event the user has seen previewed and confirmed: `confirmedCount` must be the preview's
 * count, so a caller cannot fire without showing what it starts (an event cannot be cancelled, and deleting it
 * does not undo it). The event carries the preview's KQL query over `ComplianceAssetId` and its date.
 * Permission (least privileged): RecordsManagement.ReadWrite.All (delegated and application).
 *
 * @example const preview = await previewRetentionEvent(graph, index, request); // show preview.items, ask to confirm
 * await fireRetentionEvent(graph, preview, { confirmedCount: preview.count, now: new Date() });
 */
export async function fireRetentionEvent(
  graph: GraphGateway,
  preview: RetentionEventPreview,
  options: CallOptions & { confirmedCount: number; now: InstantInput }
): Promise<SecurityNamespace.RetentionEvent> {
  if (options.confirmedCount !== preview.count)
    throw eventRefused(
      'notConfirmed',
      `The confirmation was for ${options.confirmedCount} items, but the preview starts ${preview.count}.`,
      'Preview the event again and confirm the items it lists.'
    );
  // Purview starts every item labelled for the type, in every site, when the query names no asset id
  // (https://learn.microsoft.com/purview/event-driven-retention); the preview covers the indexed libraries only.
  if (preview.startsEveryItemOfType)
    throw eventRefused(
      'startsEveryItemOfType',
      'The query names no asset id, so the event would start every item labelled for its type in the whole tenant, held or not, and the preview shows only the libraries Custodian indexes.',
      'Name the asset ids the event is about (ComplianceAssetId:value). If it really concerns every item of its type, create it in Purview.'
    );
  // An event without a query starts every item labelled for its type, held or not (retentionEvent, filesQuery).
  if (!preview.filesQuery.trim() || preview.count === 0)
    throw eventRefused(
      'nothingToStart',
      'The preview starts no item: every item it matched is on hold or was already started.',
      'Nothing needs to be fired now. Fire the event again once the records manager has released the hold.'
    );
  const now = parseUtcInstant(options.now);
  const when = preview.request.eventDate === undefined ? now : parseUtcInstant(preview.request.eventDate);
  if (now === undefined || when === undefined)
    throw eventRefused('invalidEventDate', 'The event date is not a valid date with a time zone.', 'Choose the date the event happened.');
  return createRetentionEvent(
    graph,
    {
      displayName: preview.request.displayName,
      ...(preview.request.description ? { description: preview.request.description } : {}),
      eventTypeId: preview.eventType.id,
      filesQuery: preview.filesQuery,
      eventTriggerDateTime: new Date(when).toISOString()
    },
    options
  );
}
