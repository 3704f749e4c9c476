import { z } from 'zod';

/**
 * What happens when the retention period ends, in Graph's spelling. Graph documents
 * `none | delete | startDispositionReview`; its own List example (and @microsoft/microsoft-graph-types 2.43)
 * also has `relabel`, paired with `labelToBeApplied`, so it is accepted here too.
 */
export const actionsAfterRetentionPeriod = ['none', 'delete', 'startDispositionReview', 'relabel'] as const;

export type ActionAfterRetentionPeriod = (typeof actionsAfterRetentionPeriod)[number];

export const actionAfterRetentionPeriodSchema = z.enum(actionsAfterRetentionPeriod);
