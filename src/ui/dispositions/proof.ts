import { writeCsv } from '../../core/domain/writeCsv';
import type { ProofEntrySummary } from '../../core/services/disposition/ProofEntrySummary';

const registerColumns: [string, (entry: ProofEntrySummary) => string][] = [
  ['Sequence', (e) => String(e.sequence)],
  ['Recorded (UTC)', (e) => e.recordedAt],
  ['Kind', (e) => e.kind],
  ['Subject', (e) => e.subjectName],
  ['Subject id', (e) => e.subject],
  ['Action', (e) => e.action],
  ['Stage', (e) => String(e.stage)],
  ['By', (e) => e.by],
  ['Justification', (e) => e.justification],
  ['Outcome', (e) => e.outcome],
  ['Label', (e) => e.detail.label ?? ''],
  ['Relabelled to', (e) => e.detail.relabelTo ?? ''],
  ['Extended until', (e) => e.detail.until ?? ''],
  ['Reviewer added', (e) => e.detail.reviewer ?? ''],
  ['Previous hash', (e) => e.previousHash],
  ['Hash', (e) => e.hash]
];

/**
 * The proof register as CSV for Excel (BOM, CRLF), every cell escaped by the domain's `escapeCsvField` with
 * formula injection neutralised: a justification such as `=HYPERLINK(...)` opens as text, never as a formula.
 *
 * @example registerCsv(entries).split('\r\n')[0] // '\uFEFFSequence,Recorded (UTC),Kind,...'
 */
export function registerCsv(entries: readonly ProofEntrySummary[]): string {
  return writeCsv(
    [registerColumns.map(([header]) => header), ...entries.map((entry) => registerColumns.map(([, value]) => value(entry)))],
    undefined,
    { neutraliseFormulas: true }
  );
}

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
