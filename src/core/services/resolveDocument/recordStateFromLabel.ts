import type { ItemRetentionLabel } from '@microsoft/microsoft-graph-types';
import type { RecordState } from '../../domain/recordRestrictions';

const behaviors = ['doNotRetain', 'retain', 'retainAsRecord', 'retainAsRegulatoryRecord'] as const;

/**
 * The domain's record state from Graph's itemRetentionLabel: no label (or `name: null`) is `behavior: null`; a
 * behaviour Custodian does not know stays unknown so the rules refuse everything until it is checked.
 */
export function recordStateFromLabel(label: ItemRetentionLabel | null | undefined): RecordState {
  if (!label?.name) return { behavior: null, isLocked: false };
  const raw = label.retentionSettings?.behaviorDuringRetentionPeriod ?? 'retain';
  const behavior = (behaviors as readonly string[]).includes(raw) ? (raw as RecordState['behavior']) : ('unknown' as never);
  return { behavior, isLocked: label.retentionSettings?.isRecordLocked === true };
}
