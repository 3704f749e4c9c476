import { z } from 'zod';
import { defineRecordsList } from '../recordsSite/defineRecordsList';

/** One row per job: where it got to. Failures are rows of `jobFailuresList`, as a row holds 255 characters a column. */
export const jobsList = defineRecordsList({
  title: 'Custodian Jobs',
  description: 'Bulk labelling jobs and how far each got (written by Custodian; do not edit).',
  key: 'jobId',
  columns: {
    jobId: { kind: 'text', indexed: true },
    // Indexed: unfinished jobs are looked up by kind (`unfinishedJobs`).
    kind: { kind: 'text', indexed: true },
    fingerprint: { kind: 'text' },
    total: { kind: 'number' },
    chunkSize: { kind: 'number' },
    doneThrough: { kind: 'number' },
    doneAhead: { kind: 'json' },
    status: { kind: 'choice', choices: ['running', 'cancelled', 'completed'] },
    updatedAt: { kind: 'dateTime' }
  },
  schema: z.object({
    jobId: z.string().min(1),
    kind: z.string(),
    fingerprint: z.string(),
    total: z.number().int().nonnegative(),
    chunkSize: z.number().int().positive(),
    doneThrough: z.number().int().nonnegative(),
    doneAhead: z.array(z.number().int().nonnegative()),
    status: z.enum(['running', 'cancelled', 'completed']),
    updatedAt: z.string()
  })
});

export type JobRow = z.infer<typeof jobsList.schema>;

/** One row per item a job could not finish, with its reason. */
export const jobFailuresList = defineRecordsList({
  title: 'Custodian Job Failures',
  description: 'Items a bulk job could not label, with the reason (written by Custodian; do not edit).',
  key: 'jobId',
  columns: {
    jobId: { kind: 'text', indexed: true },
    itemId: { kind: 'text' },
    chunk: { kind: 'number' },
    code: { kind: 'text' },
    status: { kind: 'number' },
    reason: { kind: 'text' }
  },
  schema: z.object({
    jobId: z.string().min(1),
    itemId: z.string(),
    chunk: z.number().int().nonnegative(),
    code: z.string(),
    status: z.number().int(),
    reason: z.string()
  })
});
