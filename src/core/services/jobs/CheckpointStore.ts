import type { JobCheckpoint, JobFailure } from './JobCheckpoint';

/**
 * Where a job keeps its checkpoint so a run killed halfway resumes where it stopped: the records site's jobs list
 * in a browser (`createRecordsSiteCheckpointStore`), a file in Node (`src/node/jobs/createFileCheckpointStore`),
 * or memory (`createMemoryCheckpointStore`, for one session).
 */
export interface CheckpointStore {
  /** The job's last saved checkpoint, or undefined when it never ran. */
  load(jobId: string): Promise<JobCheckpoint | undefined>;
  /**
   * Saves the checkpoint. `added` are the failures new since the previous save (`checkpoint.failures` holds them
   * all), so a store that appends (a list) writes only those. A save is acknowledged only once durable.
   */
  save(checkpoint: JobCheckpoint, added: readonly JobFailure[]): Promise<void>;
}
