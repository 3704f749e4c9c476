import type { FilePlanLabel, RetentionSettings } from '../../core/domain/filePlanLabel';
import type { RetentionDuration } from '../../core/domain/retentionDuration';

// The words for a label's retention, shared by the task pane and the web part so that one label reads the same in
// both. The web part's columns follow Purview's file plan ("Retention duration", "Disposition type"); the pane
// puts the same words in one line.

/** "7 years", "1 year", "30 days", "1 day", "forever". Years are whole 365-day years only, as Purview counts them. */
export function durationInWords(duration: RetentionDuration): string {
  if (duration.kind === 'forever') return 'forever';
  const { days } = duration;
  const [count, unit] = days % 365 === 0 ? [days / 365, 'year'] : [days, 'day'];
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** Purview's "Disposition type": "Auto-delete", "Review required (2 stages)", "Relabel to Archive", "No action". */
export function endActionInWords(retention: RetentionSettings | null): string {
  if (!retention) return 'No action';
  switch (retention.action) {
    case 'delete':
      return 'Auto-delete';
    case 'startDispositionReview': {
      const stages = retention.dispositionStages.length;
      return `Review required (${stages} stage${stages === 1 ? '' : 's'})`;
    }
    case 'relabel':
      return `Relabel to ${retention.labelToBeApplied ?? 'another label'}`;
    case 'none':
      return 'No action';
  }
}

const kindWords: Record<RetentionSettings['behavior'], string> = {
  retainAsRegulatoryRecord: 'Regulatory record',
  retainAsRecord: 'Record',
  retain: 'Retains',
  doNotRetain: 'Deletes'
};

/**
 * What a label does, in one line, in the web part's words: "Record for 7 years, then review required (2 stages)",
 * "Retains for 30 days, then auto-delete", "Deletes after 1 year", "Retains for 5 years" (then nothing), "Record forever",
 * "Classifies only".
 */
export function labelSummary(label: FilePlanLabel): string {
  const r = label.retention;
  if (!r) return 'Classifies only';
  const kind = kindWords[r.behavior];
  if (r.duration.kind === 'forever') return `${kind} forever`;
  const duration = durationInWords(r.duration);
  // "Delete only" labels have no retention period: the duration is when they delete.
  if (r.behavior === 'doNotRetain') return `${kind} after ${duration}`;
  if (r.action === 'none') return `${kind} for ${duration}`;
  const end = endActionInWords(r);
  return `${kind} for ${duration}, then ${end.charAt(0).toLowerCase()}${end.slice(1)}`;
}
