import type { RetentionDuration } from './retentionDuration';
import type { RetentionSettings } from './filePlanLabel';

const days = (d: RetentionDuration): number => (d.kind === 'forever' ? Number.POSITIVE_INFINITY : d.days);

/** The new period ends earlier, or may: a shorter duration, or a different start (trigger) Custodian cannot compare. */
const endsSooner = (from: RetentionSettings, to: RetentionSettings): boolean =>
  to.trigger !== from.trigger || days(to.duration) < days(from.duration);

/**
 * Whether relabelling an item from `from` to `to` can destroy it sooner than it would be now, so a hold must be
 * checked first: the new label deletes (and the old one did not, or deleted later), or the old label retained and
 * the new one retains less (no retention, a delete-only label, a shorter period or another start).
 * `from` is the current label's retention: `undefined` or `null` (no label, or a label that only classifies); from
 * there only a delete-only label shortens.
 *
 * @example labelChangeShortensRetention(sevenYearsThenReview, oneYearThenDelete) // true
 */
export function labelChangeShortensRetention(
  from: RetentionSettings | null | undefined,
  to: RetentionSettings | null | undefined
): boolean {
  // First labelling: nothing keeps an unlabelled item today, so only a label that deletes without retaining
  // (a delete-only label, `doNotRetain`) brings a deletion closer; one that retains first protects it for its period.
  if (!from) return !!to && to.behavior === 'doNotRetain' && to.action === 'delete';
  const deletes = (r: RetentionSettings | null | undefined): r is RetentionSettings => !!r && r.action === 'delete';
  const retains = (r: RetentionSettings | null | undefined): r is RetentionSettings => !!r && r.behavior !== 'doNotRetain';
  if (deletes(to) && (!deletes(from) || endsSooner(from, to))) return true;
  if (retains(from) && (!retains(to) || endsSooner(from, to))) return true;
  return false;
}
