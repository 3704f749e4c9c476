import { z } from 'zod';
import { purviewLimits } from './purviewLimits';

/**
 * How long a label retains (or waits before deleting): a whole number of days, or forever.
 * Graph spells these `retentionDurationInDays { days }` and `retentionDurationForever`; the
 * import CSV spells them `365` and `Unlimited`.
 */
export type RetentionDuration = { kind: 'days'; days: number } | { kind: 'forever' };

export const retentionDurationKinds = ['days', 'forever'] as const;

export const retentionDurationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('days'), days: z.number().int().min(1).max(purviewLimits.retentionDaysMax) }),
  z.object({ kind: z.literal('forever') })
]);
