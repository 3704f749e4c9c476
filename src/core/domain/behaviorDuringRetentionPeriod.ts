import { z } from 'zod';

/**
 * What a retention label does to an item while its retention period lasts, in Graph's spelling
 * (`microsoft.graph.security.behaviorDuringRetentionPeriod`). `doNotRetain` is a delete-only label;
 * `retainAsRegulatoryRecord` is only offered once a tenant has run `Set-RegulatoryComplianceUI -Enabled $true`.
 */
export const behaviorsDuringRetentionPeriod = ['doNotRetain', 'retain', 'retainAsRecord', 'retainAsRegulatoryRecord'] as const;

export type BehaviorDuringRetentionPeriod = (typeof behaviorsDuringRetentionPeriod)[number];

export const behaviorDuringRetentionPeriodSchema = z.enum(behaviorsDuringRetentionPeriod);

/** True for the two behaviours that mark an item as a record, e.g. `isRecordBehavior('retainAsRecord') === true`. */
export function isRecordBehavior(behavior: BehaviorDuringRetentionPeriod): boolean {
  return behavior === 'retainAsRecord' || behavior === 'retainAsRegulatoryRecord';
}
