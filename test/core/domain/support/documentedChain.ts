import type { ProofRegisterLine } from '../../../../src/core/domain/proofRegisterLine';
import { sha256, sortedKeyJson } from '../../../support/documentedProofHash';

/** A register entry as docs/domain.md ("Proof register") describes it, built here without the core. */
export interface DocumentedEntry {
  sequence: number;
  recordedAt: string;
  payload: unknown;
  previousHash: string;
  hash: string;
}

export const genesis = '0'.repeat(64);

/** The documented hash: SHA-256 of the sorted-key JSON of { sequence, recordedAt, payload, previousHash }. */
export const documentedHash = (entry: Omit<DocumentedEntry, 'hash'>): string =>
  sha256(
    sortedKeyJson({ sequence: entry.sequence, recordedAt: entry.recordedAt, payload: entry.payload, previousHash: entry.previousHash })
  );

/**
 * Chains payloads from entry `from` on, onto `before` (the entries kept as they were), the way Custodian records
 * them or the way a forger who knows the documented hash recomputes every later entry.
 */
export function documentedChain(payloads: readonly unknown[], before: readonly DocumentedEntry[] = []): DocumentedEntry[] {
  const entries = [...before];
  for (const payload of payloads) {
    const sequence = entries.length;
    const previousHash = sequence === 0 ? genesis : entries[sequence - 1].hash;
    const recordedAt = `2034-03-${String(sequence + 1).padStart(2, '0')}T10:00:00.000Z`;
    entries.push({ sequence, recordedAt, payload, previousHash, hash: documentedHash({ sequence, recordedAt, payload, previousHash }) });
  }
  return entries;
}

/** The fields of a register line that are hashed, as its payload. */
export type LinePayload = Pick<
  ProofRegisterLine,
  'kind' | 'subject' | 'subjectName' | 'action' | 'stage' | 'by' | 'justification' | 'outcome' | 'detail'
>;

/** Register lines (as the Proof tab shows them) chained with the documented hash, each with an anchor when given. */
export function documentedLines(payloads: readonly (LinePayload & { anchorId?: string })[]): ProofRegisterLine[] {
  const entries = documentedChain(payloads.map(({ anchorId: _anchorId, ...payload }) => payload));
  return entries.map(({ sequence, recordedAt, previousHash, hash }, i) => {
    const { anchorId, ...payload } = payloads[i];
    return { sequence, recordedAt, ...payload, previousHash, hash, ...(anchorId ? { anchor: { id: anchorId, hash } } : {}) };
  });
}
