import type { JobFailure } from '../jobs/JobCheckpoint';
import type { BulkReadBack } from './readBackBulkResult';

/** A chunk's result: its failures (every other item of it was labelled), or `aborted` when it must run again. */
export type ChunkOutcome = { kind: 'settled'; failures: Omit<JobFailure, 'chunk'>[]; readBack?: BulkReadBack } | { kind: 'aborted' };
