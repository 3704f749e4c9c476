import type { SecurityNamespace } from '@microsoft/microsoft-graph-types';
import { unwrapSingleValue } from '../../domain/unwrapSingleValue';
import { parseAssetIdQuery } from './parseAssetIdQuery';

/** A fired retention event, reduced to what decides which items' retention it starts. */
export interface RetentionEventFact {
  id: string;
  displayName: string;
  eventTypeId?: string;
  eventTypeName?: string;
  /** Asset ids from the `files` queries. */
  assetIds: string[];
  /**
   * No `files` query names an asset id: Purview starts every item labelled for the event's type ("If an asset ID is
   * not entered, all content with labels of that event type get the same retention date applied to them",
   * https://learn.microsoft.com/purview/event-driven-retention).
   */
  everyItem?: boolean;
  /** A `files` query Custodian cannot evaluate (another property, free text...): the items it starts are not known. */
  unreadableQuery?: boolean;
  /** When retention starts (`eventTriggerDateTime`, or the creation time). */
  triggeredAt: string;
  /** When the event was created: items labelled after it are not started by it (Purview needs a new event). */
  createdAt: string;
}

/**
 * A retention event as Graph's pages show it: the resource page names the queries `eventQueries`, while the
 * create, get and list examples (security-retentionevent-post, -get, -list) name them `eventQuery`.
 */
type DocumentedRetentionEvent = SecurityNamespace.RetentionEvent & { eventQuery?: SecurityNamespace.EventQuery[] | null };

/** The event's queries under either documented name; both are read when an answer carries both. */
export function eventQueriesOf(event: DocumentedRetentionEvent): SecurityNamespace.EventQuery[] {
  const queries = [...(event.eventQueries ?? []), ...(event.eventQuery ?? [])];
  return queries.filter((query) => typeof query === 'object' && query !== null);
}

/**
 * Reads Graph's `retentionEvent` (with `$expand=retentionEventType`); events without a date are skipped. An event
 * wrapped as `{ "value": { ... } }` (the Get example) is read as the event inside.
 */
export function retentionEventFacts(events: readonly unknown[]): RetentionEventFact[] {
  const out: RetentionEventFact[] = [];
  for (const wrapped of events) {
    const event = unwrapSingleValue(wrapped).value as DocumentedRetentionEvent | null | undefined;
    if (typeof event !== 'object' || event === null) continue;
    const createdAt = event.createdDateTime ?? event.eventTriggerDateTime;
    const triggeredAt = event.eventTriggerDateTime ?? createdAt;
    if (!event.id || !createdAt || !triggeredAt) continue;
    const readings = eventQueriesOf(event)
      .filter((q) => q.queryType === 'files')
      .map((q) => parseAssetIdQuery(typeof q.query === 'string' ? q.query : ''));
    const assetIds = readings.flatMap((r) => r.assetIds);
    out.push({
      id: event.id,
      displayName: event.displayName ?? event.id,
      ...(event.retentionEventType?.id ? { eventTypeId: event.retentionEventType.id } : {}),
      ...(event.retentionEventType?.displayName ? { eventTypeName: event.retentionEventType.displayName } : {}),
      assetIds,
      ...(readings.every((r) => r.reach === 'everyItem') ? { everyItem: true } : {}),
      ...(readings.some((r) => r.reach === 'unreadable') ? { unreadableQuery: true } : {}),
      triggeredAt,
      createdAt
    });
  }
  return out;
}
