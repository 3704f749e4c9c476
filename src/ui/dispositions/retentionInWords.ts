import type { ItemRetention } from '../../core/services/index/itemRetention';
import { formatDate } from '../common/dates';

const endWords = { startDispositionReview: 'a disposition review', delete: 'deletion', none: 'nothing further' } as const;

/** The domain's retention decision for an item, in words, judged at the tenant's `now`: "Ended on 4 Jan 2026, then deletion" (the date as `formatDate` writes it). */
export function retentionInWords(r: ItemRetention, now: string): string {
  if (!r.ok) return `Cannot be decided: ${r.reason}`;
  switch (r.kind) {
    case 'unlabelled':
      return 'No retention label';
    case 'date':
      return `${Date.parse(r.endsAt) <= Date.parse(now) ? 'Ended' : 'Ends'} on ${formatDate(r.endDate)}, then ${endWords[r.action as keyof typeof endWords] ?? r.action}`;
    case 'forever':
      return 'Kept forever';
    case 'awaitingEvent':
      return `Starts when the event${r.eventTypeName ? ` “${r.eventTypeName}”` : ''} happens`;
    case 'noRetention':
      return 'No retention period';
  }
}
