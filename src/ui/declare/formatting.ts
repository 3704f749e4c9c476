import type { RecordState } from '../../core/domain/recordRestrictions';
import type { RetentionEndResult } from '../../core/domain/retentionEnd';
import { formatDate } from '../common/dates';

/** "Record, locked", "Not a record" and so on. */
export function describeRecordState(state: RecordState): string {
  switch (state.behavior) {
    case null:
      return 'Not a record';
    case 'doNotRetain':
    case 'retain':
      return 'Not a record (its label keeps or deletes it on a schedule)';
    case 'retainAsRecord':
      return state.isLocked ? 'Record, locked' : 'Record, unlocked';
    case 'retainAsRegulatoryRecord':
      return 'Regulatory record, locked';
  }
}

const endActions: Record<string, string> = {
  delete: 'then it is deleted',
  startDispositionReview: 'then a records manager reviews it',
  none: 'then its retention settings stop applying'
};

/** When retention ends, as one sentence. */
export function describeRetentionEnd(end: RetentionEndResult, locale?: string): string {
  if (!end.ok) return end.reason;
  switch (end.kind) {
    case 'date':
      return `${formatDate(end.endDate, locale)}, ${endActions[end.action] ?? 'then its end action runs'}${end.extended ? ' (extended by a reviewer)' : ''}.`;
    case 'forever':
      return 'Never: it is kept forever.';
    case 'awaitingEvent':
      return end.eventTypeName
        ? `Not yet known: retention starts when the event "${end.eventTypeName}" happens.`
        : 'Not yet known: retention starts when an event happens.';
    case 'noRetention':
      return 'Its label does not retain it.';
  }
}
