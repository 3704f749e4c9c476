import { isChunkDone, markChunkDone, type JobCheckpoint, type JobFailure } from '../jobs/JobCheckpoint';
import { refusalError } from '../declareRecord/refusalError';
import type { BulkLabelJob, BulkLabelReport, BulkLabelRun } from './BulkLabelJob';
import type { ChunkOutcome } from './ChunkOutcome';
import { CheckpointSaver } from './CheckpointSaver';
import { ConcurrencyWindow } from './ConcurrencyWindow';
import { jobFingerprint } from './jobFingerprint';
import { labelChunkViaGraph } from './labelChunkViaGraph';
import { labelChunkViaSharePoint } from './labelChunkViaSharePoint';
import { addReadBack, type BulkReadBack } from './readBackBulkResult';

/** Graph's 20 requests per `$batch`; SetComplianceTagOnBulkItems' 100 ids per call. */
const chunkSizes = { driveItems: 20, listItems: 100 } as const;
/**
 * Chunks may finish out of order, but never more than this far past the oldest unfinished one, so the
 * checkpoint's list of chunks done ahead stays short (it is one 255-character column on the records site).
 */
const maxChunksAhead = 32;

/** One item of the job, whatever the target: `id` names it in the report. */
interface Item {
  id: string;
  name?: string;
  driveId?: string;
  num?: number;
}

/**
 * Applies a retention label to many items, resumably: the items are cut into chunks (20 to a Graph `$batch`, or
 * 100 ids to a SetComplianceTagOnBulkItems call) that run several at once, as many as the rate governor's pace and
 * the round-trip time call for, so concurrency falls when the service throttles and rises when it stops. Each
 * finished chunk is recorded in the checkpoint (saved every few seconds and at the end); a run cancelled with
 * `signal`, or killed, resumes from it when started again with the same `jobId`. Every item ends labelled or
 * failed with its reason, each named once in the report; a cancelled run lists the rest as not done.
 * Throws a `CustodianError` when the checkpoint belongs to a different job, or cannot be saved.
 */
export async function bulkLabel(job: BulkLabelJob, run: BulkLabelRun): Promise<BulkLabelReport> {
  const { target } = job;
  const items = uniqueItems(
    target.kind === 'driveItems'
      ? target.items.map((i) => ({ id: i.itemId, name: i.name, driveId: i.driveId }))
      : target.items.map((i) => ({ id: String(i.id), name: i.name, num: i.id }))
  );
  const chunkSize = chunkSizes[target.kind];
  const chunkCount = Math.ceil(items.length / chunkSize);
  const fingerprint = await jobFingerprint(
    job,
    items.map((i) => i.id)
  );
  const saved = await run.checkpoints.load(job.jobId);
  if (saved && (saved.fingerprint !== fingerprint || saved.chunkSize !== chunkSize))
    throw refusalError({
      code: 'jobChanged',
      what: `Custodian couldn't resume the job '${job.jobId}'.`,
      why: 'Its saved progress is for a different label or a different set of items.',
      whatToDo: 'Start it as a new job (with a new name), or run it again with the same items and label.'
    });
  const checkpoint: JobCheckpoint = saved ?? {
    jobId: job.jobId,
    kind: `bulkLabel:${target.kind}`,
    fingerprint,
    total: items.length,
    chunkSize,
    doneThrough: 0,
    doneAhead: [],
    failures: [],
    status: 'running',
    updatedAt: new Date(run.now()).toISOString()
  };
  const saver = new CheckpointSaver(run.checkpoints, checkpoint, run.now, run.checkpointIntervalMs ?? 2000, run.graph.timing);
  const failedIds = new Set(checkpoint.failures.map((f) => f.id));
  const counts = { done: 0, failed: checkpoint.failures.length };
  for (let c = 0; c < chunkCount; c++) if (isChunkDone(checkpoint, c)) counts.done += chunk(items, c, chunkSize).length;

  const window = new ConcurrencyWindow(run.maxConcurrency ?? 16);
  const governor = run.graph.governor;
  const requestsPerChunk = target.kind === 'driveItems' ? chunkSize : 1;
  const passes = run.transientPasses ?? 3;
  const inFlight = new Set<Promise<void>>();
  let next = 0;
  let failure: unknown;
  let readBack: BulkReadBack | undefined;
  const progress = (): void =>
    run.onProgress?.({
      total: items.length,
      done: counts.done,
      labelled: counts.done - counts.failed,
      failed: counts.failed,
      inFlight: inFlight.size,
      concurrency: window.limit(governor.rate, requestsPerChunk),
      rate: governor.rate
    });

  const runChunk = async (c: number): Promise<void> => {
    const members = chunk(items, c, chunkSize);
    const started = run.now();
    const outcome: ChunkOutcome =
      target.kind === 'driveItems'
        ? await labelChunkViaGraph(
            run.graph,
            members.map((m) => ({ driveId: String(m.driveId), itemId: m.id, name: m.name })),
            job.label,
            passes,
            run.signal
          )
        : await labelChunkViaSharePoint(
            target,
            members.map((m) => ({ id: Number(m.num), name: m.name })),
            job.label,
            passes,
            run.graph.timing,
            run.signal
          );
    window.observe(run.now() - started);
    if (outcome.kind === 'aborted') return;
    if (outcome.readBack) readBack = addReadBack(readBack, outcome.readBack);
    const added: JobFailure[] = outcome.failures.map((f) => ({ ...f, chunk: c }));
    for (const f of added) {
      if (failedIds.has(f.id)) continue;
      failedIds.add(f.id);
      checkpoint.failures.push(f);
      saver.added.push(f);
      counts.failed++;
    }
    markChunkDone(checkpoint, c);
    counts.done += members.length;
    progress();
    await saver.maybeSave();
  };

  progress();
  while (!failure && !run.signal?.aborted) {
    while (next < chunkCount && isChunkDone(checkpoint, next)) next++;
    if (next >= chunkCount && inFlight.size === 0) break;
    const limit = window.limit(governor.rate, requestsPerChunk);
    if (next < chunkCount && inFlight.size < limit && next < checkpoint.doneThrough + maxChunksAhead) {
      const c = next++;
      const task: Promise<void> = runChunk(c)
        .catch((e: unknown) => {
          failure ??= e;
        })
        .finally(() => inFlight.delete(task));
      inFlight.add(task);
      continue;
    }
    await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (failure) {
    await saver.save('running').catch(() => undefined);
    throw failure;
  }
  const cancelled = run.signal?.aborted === true && !allDone(checkpoint, chunkCount);
  await saver.save(cancelled ? 'cancelled' : 'completed');
  progress();
  const out = report(job.jobId, items, chunkSize, checkpoint, cancelled, saved !== undefined);
  return readBack ? { ...out, readBack } : out;
}

function uniqueItems(items: Item[]): Item[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.id) && seen.add(i.id) !== undefined);
}

function chunk<T>(items: readonly T[], c: number, size: number): T[] {
  return items.slice(c * size, (c + 1) * size);
}

function allDone(checkpoint: JobCheckpoint, chunkCount: number): boolean {
  return checkpoint.doneThrough >= chunkCount;
}

function report(
  jobId: string,
  items: readonly Item[],
  chunkSize: number,
  checkpoint: JobCheckpoint,
  cancelled: boolean,
  resumed: boolean
): BulkLabelReport {
  const failures = new Map(checkpoint.failures.map((f) => [f.id, f]));
  const out: BulkLabelReport = {
    jobId,
    status: cancelled ? 'cancelled' : 'completed',
    total: items.length,
    labelled: [],
    failed: [],
    notDone: [],
    resumed
  };
  items.forEach((item, i) => {
    const failed = failures.get(item.id);
    if (!isChunkDone(checkpoint, Math.floor(i / chunkSize))) out.notDone.push(item.id);
    else if (failed) out.failed.push({ ...failed, ...(item.name !== undefined ? { name: item.name } : {}) });
    else out.labelled.push(item.id);
  });
  return out;
}
