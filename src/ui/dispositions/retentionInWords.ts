import type { ItemRetention } from '../../core/services/index/itemRetention';

const endWords = { startDispositionReview: 'a disposition review', delete: 'deletion', none: 'nothing further' } as const;

/** The domain's retention decision for an item, in words, judged at the tenant's `now`: "Ended on 2026-01-04 (UTC), then deletion". */
export function retentionInWords(r: ItemRetention, now: string): string {
  if (!r.ok) return `Cannot be decided: ${r.reason}`;
  switch (r.kind) {
    case 'unlabelled':
      return 'No retention label';
    case 'date':
      return `${Date.parse(r.endsAt) <= Date.parse(now) ? 'Ended' : 'Ends'} on ${r.endDate} (UTC), then ${endWords[r.action as keyof typeof endWords] ?? r.action}`;
    case 'forever':
      return 'Kept forever';
    case 'awaitingEvent':
      return `Starts when the event${r.eventTypeName ? ` “${r.eventTypeName}”` : ''} happens`;
    case 'noRetention':
      return 'No retention period';
  }
}
