import { z } from 'zod';

/**
 * When the retention period starts, in Graph's spelling. `dateModified` exists only for SharePoint and
 * OneDrive; for Exchange, Purview uses the sent or received date for `dateCreated`.
 */
export const retentionTriggers = ['dateLabeled', 'dateCreated', 'dateModified', 'dateOfEvent'] as const;

export type RetentionTrigger = (typeof retentionTriggers)[number];

export const retentionTriggerSchema = z.enum(retentionTriggers);
