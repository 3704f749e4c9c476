import type { ProofEntrySummary } from '../../core/services/disposition/ProofEntrySummary';

/** The disposals one reviewer completed on one UTC day: what a certificate of disposal covers. */
export interface DisposalBatch {
  /** `YYYY-MM-DD|by`. */
  id: string;
  day: string;
  by: string;
  entries: ProofEntrySummary[];
}

/**
 * Groups the register's disposals (final approvals whose outcome was disposal) into batches by day and approver,
 * newest first, for certificates of disposal.
 */
export function disposalBatches(entries: readonly ProofEntrySummary[]): DisposalBatch[] {
  const batches = new Map<string, DisposalBatch>();
  for (const entry of entries) {
    if (entry.kind !== 'decision' || entry.outcome !== 'disposed') continue;
    const day = entry.recordedAt.slice(0, 10);
    const id = `${day}|${entry.by}`;
    const batch = batches.get(id) ?? { id, day, by: entry.by, entries: [] };
    batch.entries.push(entry);
    batches.set(id, batch);
  }
  return [...batches.values()].sort((a, b) => b.day.localeCompare(a.day) || a.by.localeCompare(b.by));
}
