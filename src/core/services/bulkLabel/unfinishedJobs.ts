import { isChunkDone, type JobCheckpoint } from '../jobs/JobCheckpoint';
import { jobsList } from '../jobs/jobLists';
import type { RecordsSite } from '../recordsSite/RecordsSite';
import { parseApplyDefaultJobId, type ApplyDefaultJob } from './applyDefaultJobId';

/** A bulk labelling run that stopped before it finished (page closed, cancelled, or failed). */
export interface UnfinishedJob {
  label: string;
  total: number;
  /** Items settled (labelled or failed) before it stopped. */
  done: number;
  status: 'running' | 'cancelled';
  /** ISO 8601: when it last saved its progress. */
  updatedAt: string;
}

/** A run that applied a library's default, with its saved progress. */
export interface AppliedJob {
  checkpoint: Omit<JobCheckpoint, 'failures'>;
  job: ApplyDefaultJob;
}

/** How many items a checkpoint has settled. */
export function doneItems(checkpoint: Pick<JobCheckpoint, 'total' | 'chunkSize' | 'doneThrough' | 'doneAhead'>): number {
  const chunks = Math.ceil(checkpoint.total / checkpoint.chunkSize);
  let done = 0;
  for (let c = 0; c < chunks; c++) {
    if (isChunkDone(checkpoint, c)) done += Math.min(checkpoint.chunkSize, checkpoint.total - c * checkpoint.chunkSize);
  }
  return done;
}

/** Every run that applied a library's default (Custodian's jobs list on the records site), newest first. */
export async function readApplyDefaultJobs(recordsSite: RecordsSite, signal?: AbortSignal): Promise<AppliedJob[]> {
  const rows = await recordsSite.list(jobsList).query({ kind: 'bulkLabel:listItems' }, { signal });
  return rows
    .map((row) => ({ checkpoint: row.value, job: parseApplyDefaultJobId(row.value.jobId) }))
    .filter((row): row is AppliedJob => row.job !== undefined)
    .sort((a, b) => b.job.startedAt - a.job.startedAt);
}

/** The newest run applying `label` to the library, when it stopped before finishing. */
export function stoppedJobFor(jobs: readonly AppliedJob[], listId: string, label: string | null): AppliedJob | undefined {
  const latest = label ? jobs.find((j) => j.job.listId === listId && j.job.label === label) : undefined;
  return latest && latest.checkpoint.status !== 'completed' ? latest : undefined;
}

/** A stopped run as the site owner is told about it. */
export function unfinishedJobOf(stopped: AppliedJob): UnfinishedJob {
  return {
    label: stopped.job.label,
    total: stopped.checkpoint.total,
    done: doneItems(stopped.checkpoint),
    status: stopped.checkpoint.status === 'cancelled' ? 'cancelled' : 'running',
    updatedAt: stopped.checkpoint.updatedAt
  };
}
