import { sha256Hex } from '../../domain/sha256Hex';
import type { BulkLabelJob } from './BulkLabelJob';

/** What identifies a job's work: the label, where, and every item in order. A resume must match it. */
export function jobFingerprint(job: BulkLabelJob, ids: readonly string[]): Promise<string> {
  const where = job.target.kind === 'listItems' ? `listItems ${job.target.listUrl}` : 'driveItems';
  return sha256Hex(`${job.label}\n${where}\n${ids.join('\n')}`);
}
