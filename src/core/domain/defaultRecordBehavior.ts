import { z } from 'zod';

/** Whether a record label leaves the item locked or unlocked when applied (record versioning). */
export const defaultRecordBehaviors = ['startLocked', 'startUnlocked'] as const;

export type DefaultRecordBehavior = (typeof defaultRecordBehaviors)[number];

export const defaultRecordBehaviorSchema = z.enum(defaultRecordBehaviors);
