import type { ActionAfterRetentionPeriod } from './actionAfterRetentionPeriod';
import type { FilePlanLabel } from './filePlanLabel';
import { quoteForMessage } from './quoteForMessage';
import { parseUtcInstant, utcDate, type InstantInput } from './utcInstant';

const dayInMilliseconds = 86400000;

/** The dates of an item that retention can count from. */
export interface RetentionItemDates {
  /** Created (SharePoint, OneDrive) or sent/received (Exchange). */
  created: InstantInput;
  /** Last modified; SharePoint and OneDrive only. */
  modified?: InstantInput;
  /** When the item's current label was applied. */
  labelled: InstantInput;
  /** The date of the event for the current label's event type, once it has happened. */
  eventDate?: InstantInput;
  /** Event dates by event type name, for event-based labels reached later in a relabel chain. */
  eventDates?: Readonly<Record<string, InstantInput>>;
  /** A disposition reviewer extended the retention until this moment. */
  extendedUntil?: InstantInput;
}

/** One label's period in a relabel chain. */
export interface RetentionStep {
  labelName: string;
  startsAt: string;
  endsAt: string;
}

export type RetentionEndResult =
  | {
      ok: true;
      kind: 'date';
      /** The moment retention ends and `action` happens, in UTC (ISO 8601). */
      endsAt: string;
      /** The UTC date of `endsAt`, `YYYY-MM-DD`. */
      endDate: string;
      action: Exclude<ActionAfterRetentionPeriod, 'relabel'>;
      /** The label in force when retention ends (differs from the item's label after relabelling). */
      labelName: string;
      extended: boolean;
      steps: RetentionStep[];
    }
  | { ok: true; kind: 'forever'; labelName: string; steps: RetentionStep[] }
  | { ok: true; kind: 'awaitingEvent'; labelName: string; eventTypeName?: string; steps: RetentionStep[] }
  | { ok: true; kind: 'noRetention'; labelName: string; steps: RetentionStep[] }
  | { ok: false; code: 'invalidDate' | 'missingDate' | 'unknownLabel' | 'relabelCycle'; reason: string; chain: string[] };

/**
 * When retention ends for an item carrying a label: the UTC moment and date at which the label's end
 * action happens, following "relabel to" chains through `labels` (matched by name, ignoring case).
 *
 * How it counts, as Purview does: a period is a number of days (Purview turns months into 30 days);
 * it starts when the item was created, last modified, labelled, or when the label's event happened;
 * it cannot end before the label was applied (a label whose period is already over acts at once);
 * a relabelled item's new label counts "when labelled" from the moment the previous period ended.
 * Days are counted in UTC milliseconds, so daylight-saving changes and the machine's zone never move
 * the result; a leap day is simply one of the days. An extension by a disposition reviewer moves the
 * end later, never earlier.
 *
 * Labels without an end (forever), event-based labels whose event has not happened, and labels with
 * no retention at all give `kind` instead of a date; a chain that loops gives `relabelCycle`.
 *
 * @example retentionEnd(sevenYearsFromCreation, { created: '2020-02-29T12:00:00Z', labelled: '2020-03-01T00:00:00Z' })
 * // { ok: true, kind: 'date', endsAt: '2027-02-27T12:00:00.000Z', endDate: '2027-02-27', action: 'delete', ... }
 */
export function retentionEnd(label: FilePlanLabel, item: RetentionItemDates, labels: readonly FilePlanLabel[] = []): RetentionEndResult {
  const byName = new Map<string, FilePlanLabel>();
  for (const candidate of labels) {
    const key = candidate.name.toLowerCase();
    if (!byName.has(key)) byName.set(key, candidate);
  }
  const read = (value: InstantInput | undefined): number | undefined | 'invalid' => {
    if (value === undefined) return undefined;
    const time = parseUtcInstant(value);
    return time === undefined ? 'invalid' : time;
  };
  const dates = {
    created: read(item.created),
    modified: read(item.modified),
    labelled: read(item.labelled),
    eventDate: read(item.eventDate),
    extendedUntil: read(item.extendedUntil)
  };
  const chain: string[] = [label.name];
  for (const [name, value] of Object.entries(dates)) {
    if (value === 'invalid') {
      return {
        ok: false,
        code: 'invalidDate',
        reason: `The item's ${name} date is not a date with a time zone (such as 2024-05-01T09:30:00Z).`,
        chain
      };
    }
  }
  const created = dates.created as number | undefined;
  const modified = dates.modified as number | undefined;
  const extendedUntil = dates.extendedUntil as number | undefined;
  if (created === undefined || dates.labelled === undefined) {
    return { ok: false, code: 'missingDate', reason: 'The item needs a created date and the date its label was applied.', chain };
  }

  const steps: RetentionStep[] = [];
  const visited = new Set<string>([label.name.toLowerCase()]);
  let current = label;
  let labelledAt = dates.labelled as number;
  let isFirst = true;
  for (;;) {
    const retention = current.retention;
    if (retention === null) return { ok: true, kind: 'noRetention', labelName: current.name, steps };
    if (retention.duration.kind === 'forever') return { ok: true, kind: 'forever', labelName: current.name, steps };

    let start: number | undefined;
    if (retention.trigger === 'dateCreated') start = created;
    else if (retention.trigger === 'dateLabeled') start = labelledAt;
    else if (retention.trigger === 'dateModified') {
      start = modified;
      if (start === undefined) {
        return {
          ok: false,
          code: 'missingDate',
          reason: `The label ${quoteForMessage(current.name)} counts from the last modification, but the item has no modified date (only SharePoint and OneDrive items do).`,
          chain
        };
      }
    } else {
      const named = retention.eventTypeName === undefined ? undefined : item.eventDates?.[retention.eventTypeName];
      const event = named !== undefined ? read(named) : isFirst ? dates.eventDate : undefined;
      if (event === 'invalid') {
        return { ok: false, code: 'invalidDate', reason: "The item's event date is not a date with a time zone.", chain };
      }
      if (event === undefined) {
        return { ok: true, kind: 'awaitingEvent', labelName: current.name, eventTypeName: retention.eventTypeName, steps };
      }
      start = event;
    }

    const end = Math.max(start + retention.duration.days * dayInMilliseconds, labelledAt);
    steps.push({ labelName: current.name, startsAt: new Date(start).toISOString(), endsAt: new Date(end).toISOString() });

    if (retention.action === 'relabel' && retention.labelToBeApplied !== undefined) {
      const nextName = retention.labelToBeApplied;
      const next = byName.get(nextName.toLowerCase());
      chain.push(nextName);
      if (next === undefined) {
        return {
          ok: false,
          code: 'unknownLabel',
          reason: `The label ${quoteForMessage(current.name)} relabels to ${quoteForMessage(nextName)}, which is not in the file plan.`,
          chain
        };
      }
      if (visited.has(next.name.toLowerCase())) {
        return {
          ok: false,
          code: 'relabelCycle',
          reason: `The labels relabel to each other in a loop (${chain.map(quoteForMessage).join(' → ')}), so retention never ends.`,
          chain
        };
      }
      visited.add(next.name.toLowerCase());
      current = next;
      labelledAt = end;
      isFirst = false;
      continue;
    }

    const extended = extendedUntil !== undefined && extendedUntil > end;
    const final = extended ? (extendedUntil as number) : end;
    return {
      ok: true,
      kind: 'date',
      endsAt: new Date(final).toISOString(),
      endDate: utcDate(final),
      action: retention.action === 'relabel' ? 'none' : retention.action,
      labelName: current.name,
      extended,
      steps
    };
  }
}
