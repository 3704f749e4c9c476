import type { Ctx } from '../http/context';
import { getEntityByName } from '../store/entities';

/** Whether the retention label called `labelName` declares the items it labels records (regulatory or not). */
export function isRecordBehaviorName(ctx: Ctx, labelName: string): boolean {
  const b = getEntityByName(ctx.tenant.db, 'retentionLabel', labelName)?.behaviorDuringRetentionPeriod;
  return b === 'retainAsRecord' || b === 'retainAsRegulatoryRecord';
}
