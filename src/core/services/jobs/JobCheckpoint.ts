import { z } from 'zod';

/** An item a job could not finish, with the reason the person reads in the report. */
export interface JobFailure {
  /** The item's id as the job named it (a driveItem id, or a list item id). */
  id: string;
  /** The chunk the item was in: a failure counts only once its chunk is recorded as done. */
  chunk: number;
  /** The service's code (`regulatoryRecord`, `accessDenied`, `itemNotFound`) or Custodian's. */
  code: string;
  status: number;
  /** One sentence, in the user's terms. */
  reason: string;
}

/**
 * How far a job got: the items are cut into numbered chunks (a `$batch` or one bulk call each), and a chunk is
 * either done (its items labelled or failed with a reason) or not started. Chunks finish out of order when
 * several run at once: `doneThrough` is the low-water mark and `doneAhead` the few done past it.
 */
export interface JobCheckpoint {
  jobId: string;
  kind: string;
  /** Identifies the job's items and settings, so a resume with a different job is refused. */
  fingerprint: string;
  total: number;
  chunkSize: number;
  /** Chunks `0 .. doneThrough - 1` are done. */
  doneThrough: number;
  /** Chunk numbers at or past `doneThrough` that are done too. */
  doneAhead: number[];
  failures: JobFailure[];
  status: 'running' | 'cancelled' | 'completed';
  /** ISO 8601, from the job's clock. */
  updatedAt: string;
}

export const jobFailureSchema = z.object({
  id: z.string(),
  chunk: z.number().int().nonnegative(),
  code: z.string(),
  status: z.number().int(),
  reason: z.string()
});

export const jobCheckpointSchema = z.object({
  jobId: z.string().min(1),
  kind: z.string(),
  fingerprint: z.string(),
  total: z.number().int().nonnegative(),
  chunkSize: z.number().int().positive(),
  doneThrough: z.number().int().nonnegative(),
  doneAhead: z.array(z.number().int().nonnegative()),
  failures: z.array(jobFailureSchema),
  status: z.enum(['running', 'cancelled', 'completed']),
  updatedAt: z.string()
});

/** Whether chunk `n` is recorded as done. */
export function isChunkDone(checkpoint: Pick<JobCheckpoint, 'doneThrough' | 'doneAhead'>, n: number): boolean {
  return n < checkpoint.doneThrough || checkpoint.doneAhead.includes(n);
}

/** Records chunk `n` as done, moving the low-water mark past every chunk done in a row. */
export function markChunkDone(checkpoint: Pick<JobCheckpoint, 'doneThrough' | 'doneAhead'>, n: number): void {
  if (isChunkDone(checkpoint, n)) return;
  checkpoint.doneAhead.push(n);
  let moved = true;
  while (moved) {
    const i = checkpoint.doneAhead.indexOf(checkpoint.doneThrough);
    moved = i >= 0;
    if (moved) {
      checkpoint.doneAhead.splice(i, 1);
      checkpoint.doneThrough++;
    }
  }
  checkpoint.doneAhead.sort((a, b) => a - b);
}
