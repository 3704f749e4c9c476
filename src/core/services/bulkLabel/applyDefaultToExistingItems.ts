import type { CallOptions } from '../../graph/GraphCall';
import { CustodianError } from '../../http/CustodianError';
import { sameLabelName } from '../filePlan/sameLabelName';
import type { CheckpointStore } from '../jobs/CheckpointStore';
import { readLibraryFiles } from '../libraryPlan/libraryFiles';
import type { SiteScope } from '../libraryPlan/siteScope';
import { applyDefaultJobId, type ApplyDefaultJob } from './applyDefaultJobId';
import type { BulkLabelReport } from './BulkLabelJob';
import { bulkLabel } from './bulkLabel';
import { libraryDefaultLabel } from './libraryDefaultLabel';
import { refuseHeldBulkLabel } from './refuseHeldBulkLabel';
import { readApplyDefaultJobs, stoppedJobFor } from './unfinishedJobs';

export interface ApplyDefaultRequest {
  libraryId: string;
}

export interface BulkProgress {
  /** The job's items: those without a label, and those already carrying it (applied again, which changes nothing). */
  total: number;
  /** Of `total`, the items that already carried the label when this run started (an earlier run's included). */
  alreadyCarried: number;
  /** Labelled or failed so far, counting what earlier runs did. */
  done: number;
  labelled: number;
  failed: number;
}

export interface ApplyDefaultOptions extends CallOptions {
  onProgress?: (progress: BulkProgress) => void;
}

export interface BulkOutcome {
  status: 'completed' | 'cancelled';
  total: number;
  /** Items that carry the label now and did not when this run started: what the confirmation counted. */
  labelled: number;
  /** Items that carried the label already when this run started (applied again, unchanged). */
  alreadyCarried: number;
  failed: { id: string; name?: string; reason: string }[];
  notDone: number;
  /** True when it carried on from a run that had stopped. */
  resumed: boolean;
  /** How this run knows which items carry the label: items read back, judged by those, or taken from the answer. */
  checked?: { read: number; inferred: number; unverified: number };
}

export interface ApplyDefaultDeps {
  scope: SiteScope;
  /** Where runs save their progress (Custodian's jobs lists on the records site), opened when a run starts. */
  checkpoints: () => Promise<CheckpointStore>;
  /** Bulk calls (100 items each) in flight at once; a person's browser keeps it low. */
  maxConcurrency: number;
}

/**
 * Labels the library's existing items with its default label (items with no label, or already carrying it; items
 * labelled otherwise keep their label). Resumes a run that stopped; cancelled through `signal`.
 * Permission: Sites.ReadWrite.All (Sites.FullControl.All for a record label) on the site, and on the records site.
 */
export async function applyDefaultToExistingItems(
  deps: ApplyDefaultDeps,
  request: ApplyDefaultRequest,
  options: ApplyDefaultOptions = {}
): Promise<BulkOutcome> {
  const { scope } = deps;
  const signal = options.signal;
  const { lib, label } = await libraryDefaultLabel(
    scope,
    request.libraryId,
    (name) => `Custodian didn't label the items of ${name}.`,
    signal
  );
  const items = await readLibraryFiles(scope.graph, lib, signal);
  // Before the jobs lists are opened (opening may create them): a refusal changes nothing.
  await refuseHeldBulkLabel(
    scope,
    lib,
    label,
    items.filter((i) => i.label === ''),
    signal
  );
  const checkpoints = await deps.checkpoints();
  const jobs = await scope.recordsSite().then((r) => readApplyDefaultJobs(r, signal));

  // Items carrying the label when this run starts: applying it again changes nothing, so they are not counted as
  // labelled by this run (the confirmation counted only the items without a label).
  const carried = new Set(items.filter((i) => sameLabelName(i.label, label)).map((i) => String(i.id)));
  const runJob = async (jobId: string, maxItemId: number): Promise<BulkLabelReport> => {
    // The job's items are fixed by the label and the newest id when it started, so a resumed run finds the same
    // ones: files with no label, or the job's own label (those it already did). Files labelled otherwise keep it.
    const targets = items.filter((i) => i.id <= maxItemId && (i.label === '' || sameLabelName(i.label, label)));
    const alreadyCarried = targets.filter((t) => carried.has(String(t.id))).length;
    return bulkLabel(
      {
        jobId,
        label,
        target: { kind: 'listItems', site: scope.site, listUrl: lib.listUrl, items: targets.map((t) => ({ id: t.id, name: t.name })) }
      },
      {
        graph: scope.graph,
        checkpoints,
        now: scope.now,
        signal,
        maxConcurrency: deps.maxConcurrency,
        // Every finished chunk is saved, so a closed page resumes exactly where it stopped.
        checkpointIntervalMs: 0,
        onProgress: (p) => options.onProgress?.({ total: p.total, alreadyCarried, done: p.done, labelled: p.labelled, failed: p.failed })
      }
    );
  };
  const startNew = (): Promise<BulkLabelReport> => {
    const job: ApplyDefaultJob = {
      listId: lib.id,
      startedAt: scope.now(),
      maxItemId: items.reduce((max, i) => Math.max(max, i.id), 0),
      label
    };
    return runJob(applyDefaultJobId(job), job.maxItemId);
  };

  let report: BulkLabelReport;
  const stopped = stoppedJobFor(jobs, lib.id, label);
  if (stopped) {
    try {
      report = await runJob(stopped.checkpoint.jobId, stopped.job.maxItemId);
    } catch (e) {
      // Someone labelled or removed files of the job meanwhile: its saved progress no longer fits, so a new run
      // starts (files already done carry the label and are quick to do again).
      if (!(e instanceof CustodianError && e.code === 'jobChanged')) throw e;
      report = await startNew();
    }
  } else {
    report = await startNew();
  }
  const names = new Map(items.map((i) => [String(i.id), i.name]));
  return {
    status: report.status,
    total: report.total,
    labelled: report.labelled.filter((id) => !carried.has(id)).length,
    alreadyCarried: report.labelled.filter((id) => carried.has(id)).length,
    failed: report.failed.map((f) => ({ id: f.id, name: f.name ?? names.get(f.id), reason: f.reason })),
    notDone: report.notDone.length,
    resumed: report.resumed,
    ...(report.readBack
      ? { checked: { read: report.readBack.read, inferred: report.readBack.inferred, unverified: report.readBack.unverified } }
      : {})
  };
}
