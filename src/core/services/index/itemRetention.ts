import type { FilePlanLabel } from '../../domain/filePlanLabel';
import { retentionEnd, type RetentionEndResult, type RetentionItemDates } from '../../domain/retentionEnd';
import type { EventDateFinder } from '../events/eventDateFinder';
import type { IndexedItem } from './IndexedItem';

/** An item's retention: the domain's answer, or `unlabelled`. */
export type ItemRetention = RetentionEndResult | { ok: true; kind: 'unlabelled' };

/** The dates `retentionEnd` counts from, including the event date that Purview would have stamped. */
export function retentionDatesOf(
  item: IndexedItem,
  label: FilePlanLabel | undefined,
  labels: readonly FilePlanLabel[],
  events: EventDateFinder
): RetentionItemDates {
  const retention = label?.retention;
  const eventDate =
    retention && retention.trigger === 'dateOfEvent'
      ? events.eventDate({ id: retention.eventTypeId, name: retention.eventTypeName }, item.assetId, item.labelledAt)
      : undefined;
  return {
    created: item.created,
    ...(item.modified ? { modified: item.modified } : {}),
    // SharePoint leaves the written time empty for a label inherited before it tracked it; the creation date is then
    // the earliest the label can have been applied.
    labelled: item.labelledAt ?? item.created,
    ...(eventDate ? { eventDate } : {}),
    eventDates: events.eventDates(labels, item.assetId, item.labelledAt)
  };
}

/**
 * Decides an item's retention with the domain's `retentionEnd`, the label found by name (ignoring case, as
 * Purview matches names). A label missing from the file plan is `unknownLabel`, never a guess.
 */
export function itemRetention(
  item: IndexedItem,
  labelsByName: ReadonlyMap<string, FilePlanLabel>,
  labels: readonly FilePlanLabel[],
  events: EventDateFinder
): ItemRetention {
  if (item.labelName === undefined) return { ok: true, kind: 'unlabelled' };
  const label = labelsByName.get(item.labelName.toLowerCase());
  if (!label) {
    return {
      ok: false,
      code: 'unknownLabel',
      reason: `The item's label "${item.labelName}" is not in the file plan Custodian can read.`,
      chain: [item.labelName]
    };
  }
  return retentionEnd(label, retentionDatesOf(item, label, labels, events), labels);
}
