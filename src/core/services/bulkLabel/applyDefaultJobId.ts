/** A run applying a library's default label to its existing items, as its job id names it. */
export interface ApplyDefaultJob {
  listId: string;
  /** Epoch milliseconds: tells runs apart, the newest wins. */
  startedAt: number;
  /** Files added after the run started (a higher list item id) are left to the library default. */
  maxItemId: number;
  label: string;
}

/**
 * The job id of a run: everything needed to find its items again is in it, so a page closed halfway resumes with
 * the same items (the checkpoint refuses any other set).
 *
 * @example applyDefaultJobId({ listId: 'b45e…', startedAt: 1767225600000, maxItemId: 520, label: 'Invoices - 7 Years' })
 * // 'applyDefault b45e… 1767225600000 520 Invoices - 7 Years'
 */
export function applyDefaultJobId(job: ApplyDefaultJob): string {
  return `applyDefault ${job.listId} ${job.startedAt} ${job.maxItemId} ${job.label}`;
}

/** The run a job id names, or undefined for any other job. */
export function parseApplyDefaultJobId(jobId: string): ApplyDefaultJob | undefined {
  const m = /^applyDefault (\S+) (\d+) (\d+) (.+)$/.exec(jobId);
  return m ? { listId: m[1], startedAt: Number(m[2]), maxItemId: Number(m[3]), label: m[4] } : undefined;
}
