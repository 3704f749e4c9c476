import type { ItemRetentionLabel } from '@microsoft/microsoft-graph-types';
import type { FilePlanLabel } from '../../domain/filePlanLabel';
import type { RecordState } from '../../domain/recordRestrictions';

const behaviors = ['doNotRetain', 'retain', 'retainAsRecord', 'retainAsRegulatoryRecord'] as const;

/**
 * The domain's record state from Graph's itemRetentionLabel: no label (or `name: null`) is `behavior: null`; a
 * behaviour Custodian does not know stays unknown so the rules refuse everything until it is checked.
 *
 * `retentionSettings` is optional on the itemRetentionLabel page, so a label read without it says nothing of
 * its behaviour: the behaviour then comes from the label's definition in the file plan (a label that only
 * classifies retains nothing), and the lock from its default record behaviour (Purview's default, `startLocked`;
 * a regulatory record is always locked). A label the file plan does not hold stays unknown, never "retain".
 *
 * @example recordStateFromLabel({ name: 'Contracts' }, [{ name: 'Contracts', retention: { behavior: 'retainAsRecord', ... } }])
 * // { behavior: 'retainAsRecord', isLocked: true }
 */
export function recordStateFromLabel(
  label: ItemRetentionLabel | null | undefined,
  filePlan: readonly Pick<FilePlanLabel, 'name' | 'retention'>[] = []
): RecordState {
  if (!label?.name) return { behavior: null, isLocked: false };
  const settings = label.retentionSettings;
  if (settings?.behaviorDuringRetentionPeriod) {
    const raw = settings.behaviorDuringRetentionPeriod;
    const behavior = (behaviors as readonly string[]).includes(raw) ? (raw as RecordState['behavior']) : ('unknown' as never);
    return { behavior, isLocked: settings.isRecordLocked === true };
  }
  // Purview label names are unique in a tenant, and Graph's item label carries the display name.
  const definition = filePlan.find((entry) => entry.name === label.name);
  if (!definition) return { behavior: 'unknown' as never, isLocked: settings?.isRecordLocked === true };
  const retention = definition.retention;
  if (!retention) return { behavior: 'doNotRetain', isLocked: false };
  const startsLocked =
    retention.behavior === 'retainAsRegulatoryRecord' ||
    (retention.behavior === 'retainAsRecord' && retention.defaultRecordBehavior !== 'startUnlocked');
  const isLocked = typeof settings?.isRecordLocked === 'boolean' ? settings.isRecordLocked : startsLocked;
  return { behavior: retention.behavior, isLocked };
}
