import type { CallOptions } from '../../graph/GraphCall';
import { CustodianError } from '../../http/CustodianError';
import type { RecordsSite } from '../recordsSite/RecordsSite';
import type { EntryVersion } from '../recordsSite/RecordsListStore';
import type { CheckpointStore } from './CheckpointStore';
import { isChunkDone, type JobCheckpoint, type JobFailure } from './JobCheckpoint';
import { jobFailuresList, jobsList, type JobRow } from './jobLists';

const clip = (text: string, max = 255): string => ([...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text);

/**
 * Whether a stored progress row is the one a save carried. SharePoint keeps a date column to the second and gives it
 * back without milliseconds ('2034-01-01T00:00:00Z' for '2034-01-01T00:00:00.000Z'), so the time is compared as
 * an instant to the second, the rest as it is.
 */
function sameProgress(stored: JobRow, sent: JobRow): boolean {
  const second = (iso: string): number => Math.floor(Date.parse(iso) / 1000);
  return (
    JSON.stringify({ ...stored, updatedAt: undefined }) === JSON.stringify({ ...sent, updatedAt: undefined }) &&
    second(stored.updatedAt) === second(sent.updatedAt)
  );
}

/**
 * Checkpoints in the records site's lists ("Custodian Jobs", "Custodian Job Failures"), through Graph. Failures are
 * written before the progress row that marks their chunk done, so a crash between the two loses nothing: on load, a
 * failure whose chunk is not done is dropped (the chunk runs again) and repeats of one item are kept once.
 * The progress row is written with its eTag, so two runners on one job cannot both advance it: the second gets
 * `entryChanged` and stops.
 */
export function createRecordsSiteCheckpointStore(site: RecordsSite, options: CallOptions = {}): CheckpointStore {
  const jobs = site.list(jobsList);
  const failures = site.list(jobFailuresList);
  const versions = new Map<string, EntryVersion>();
  return {
    async load(jobId) {
      const entry = await jobs.find(jobId, options);
      if (!entry) return undefined;
      versions.set(jobId, entry);
      const rows = await failures.query({ jobId }, options);
      const byItem = new Map<string, JobFailure>();
      for (const r of rows) {
        if (!isChunkDone(entry.value, r.value.chunk)) continue;
        byItem.set(r.value.itemId, {
          id: r.value.itemId,
          chunk: r.value.chunk,
          code: r.value.code,
          status: r.value.status,
          reason: r.value.reason
        });
      }
      return { ...entry.value, failures: [...byItem.values()] };
    },
    async save(checkpoint: JobCheckpoint, added: readonly JobFailure[]) {
      for (const f of added)
        await failures.create(
          { jobId: checkpoint.jobId, itemId: f.id, chunk: f.chunk, code: clip(f.code), status: f.status, reason: clip(f.reason) },
          options
        );
      const { failures: _all, ...row } = checkpoint;
      const previous = versions.get(checkpoint.jobId) ?? (await jobs.find(checkpoint.jobId, options));
      try {
        versions.set(checkpoint.jobId, previous ? await jobs.update(previous, row, options) : await jobs.create(row, options));
      } catch (e) {
        // A write whose answer was lost and that was sent again meets its own change (412): that is not a rival.
        if (!(e instanceof CustodianError && e.code === 'entryChanged')) throw e;
        const current = await jobs.find(checkpoint.jobId, options);
        if (!current || !sameProgress(current.value, jobsList.schema.parse(row))) throw e;
        versions.set(checkpoint.jobId, current);
      }
    }
  };
}
