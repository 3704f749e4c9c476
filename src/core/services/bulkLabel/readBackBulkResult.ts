import type { JobFailure } from '../jobs/JobCheckpoint';

/** What the read-back of bulk calls found, summed over the calls of a job. */
export interface BulkReadBack {
  /** Items whose label was read back from SharePoint after their call. */
  read: number;
  /** Items not read, judged by the items read back from the same group of the same call. */
  inferred: number;
  /**
   * Items that could not be read back (the read failed): judged by their group, or, where nothing of the group
   * could be read, as the answer is usually taken (the answered ids failed).
   */
  unverified: number;
  /** Ids SetComplianceTagOnBulkItems answered with. */
  answered: number;
  /**
   * What the answered ids turned out to be: the items that were not labelled (`failures`), the ones that were
   * (`successes`), or no telling (`unclear`: both groups alike, or a group mixed). Microsoft does not document it.
   */
  meaning: 'failures' | 'successes' | 'unclear';
}

/** A label as read back: the label's name (`''` for none), or undefined for an item that is gone. */
export type ReadLabel = (id: number) => Promise<string | undefined>;

/** How many items of each group a call reads back before judging the rest of the group by them. */
export const readBackSample = 2;

type GroupVerdict = 'all' | 'none' | 'some' | 'unread' | undefined;

/**
 * Finds which items of one SetComplianceTagOnBulkItems call carry the label now. Microsoft documents the call as
 * returning `List<int>` and says nothing of what the ids are (CLI for Microsoft 365 and PnP PowerShell ignore
 * them); whatever they mean, they split the call's items into two groups, each treated alike. So a few items of
 * each group are read back: where those agree, the rest of the group is judged by them; where they disagree, the
 * whole group is read.
 *
 * @example await readBackBulkResult([1, 2, 3], [3], 'Tax', read) // 3 failed when reading it shows another label
 */
export async function readBackBulkResult(
  ids: readonly number[],
  answered: readonly number[],
  label: string,
  read: ReadLabel
): Promise<{ failures: Omit<JobFailure, 'chunk'>[]; readBack: BulkReadBack }> {
  const answeredSet = new Set(answered);
  const groups = [ids.filter((id) => answeredSet.has(id)), ids.filter((id) => !answeredSet.has(id))];
  // SharePoint matches label names without regard to case.
  const carries = (found: string | undefined): boolean => found !== undefined && found.toLowerCase() === label.toLowerCase();
  const found = new Map<number, string | undefined>();
  const unreadable = new Set<number>();
  const readOne = async (id: number): Promise<void> => {
    try {
      found.set(id, await read(id));
    } catch {
      unreadable.add(id);
    }
  };
  const verdicts: GroupVerdict[] = [];
  for (const group of groups) {
    const sample = sampleOf(group, readBackSample);
    for (const id of sample) await readOne(id);
    const alike = new Set(sample.filter((id) => found.has(id)).map((id) => carries(found.get(id)))).size <= 1;
    if (!alike) for (const id of group) if (!found.has(id) && !unreadable.has(id)) await readOne(id);
    const wasRead = group.filter((id) => found.has(id));
    const carrying = wasRead.filter((id) => carries(found.get(id))).length;
    verdicts.push(
      group.length === 0
        ? undefined
        : wasRead.length === 0
          ? 'unread'
          : carrying === wasRead.length
            ? 'all'
            : carrying === 0
              ? 'none'
              : 'some'
    );
  }
  const failures: Omit<JobFailure, 'chunk'>[] = [];
  groups.forEach((group, g) => {
    for (const id of group) {
      const wasRead = found.has(id);
      // A group nothing of which could be read is taken as the answer usually is: the answered ids failed.
      const ok = wasRead ? carries(found.get(id)) : verdicts[g] === 'unread' ? g === 1 : verdicts[g] === 'all';
      const how = wasRead ? 'read' : verdicts[g] === 'unread' ? 'unverified' : 'inferred';
      if (!ok) failures.push({ id: String(id), code: 'notLabelled', status: 0, reason: notLabelledReason(label, how, found.get(id)) });
    }
  });
  const unverified = groups.reduce(
    (n, group, g) => n + group.filter((id) => !found.has(id) && (verdicts[g] === 'unread' || unreadable.has(id))).length,
    0
  );
  const readBack = {
    read: found.size,
    inferred: ids.length - found.size - unverified,
    unverified,
    answered: answeredSet.size,
    meaning: meaningOf(verdicts[0], verdicts[1])
  };
  return { failures, readBack };
}

/** What the answered ids are, from how each group turned out: the one reading that fits both groups, if any. */
function meaningOf(answered: GroupVerdict, others: GroupVerdict): BulkReadBack['meaning'] {
  if (answered === 'some' || others === 'some' || answered === 'unread' || others === 'unread') return 'unclear';
  const fitsFailures = answered !== 'all' && others !== 'none';
  const fitsSuccesses = answered !== 'none' && others !== 'all';
  if (fitsFailures && !fitsSuccesses) return 'failures';
  if (fitsSuccesses && !fitsFailures) return 'successes';
  return 'unclear';
}

/** The first and last items (then evenly between): enough to tell whether a group is alike. */
function sampleOf(group: readonly number[], size: number): number[] {
  if (group.length <= size) return [...group];
  const step = (group.length - 1) / (size - 1);
  return [...new Set(Array.from({ length: size }, (_, i) => group[Math.round(i * step)]))];
}

function notLabelledReason(label: string, how: 'read' | 'inferred' | 'unverified', found: string | undefined): string {
  const what = `SharePoint did not apply the label '${label}'`;
  if (how === 'unverified') return `${what}, as its answer says (the item could not be read back to check).`;
  if (how === 'inferred') return `${what}: the items of the same answer read back do not carry it.`;
  if (found === undefined) return `${what}: the item no longer exists.`;
  if (found === '') return `${what}: read back, the item has no label.`;
  return `${what}: read back, the item still carries '${found}' (a record whose label cannot change, or an item on hold).`;
}

/** Sums the read-backs of a job's calls; calls that disagree on the meaning make it unclear. */
export function addReadBack(total: BulkReadBack | undefined, call: BulkReadBack): BulkReadBack {
  if (!total) return call;
  return {
    read: total.read + call.read,
    inferred: total.inferred + call.inferred,
    answered: total.answered + call.answered,
    unverified: total.unverified + call.unverified,
    meaning: total.meaning === call.meaning ? total.meaning : 'unclear'
  };
}
