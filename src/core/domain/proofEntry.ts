import { z } from 'zod';
import { canonicalJson } from './canonicalJson';
import { sha256Hex } from './sha256Hex';

/**
 * One entry of the proof register (dispositions, decisions, holds), chained to the one before it:
 * `hash` is SHA-256 of the canonical JSON of `{ sequence, recordedAt, payload, previousHash }`, and
 * `previousHash` is the previous entry's `hash` (64 zeros for the first entry).
 */
export interface ProofEntry<Payload = unknown> {
  /** 0 for the first entry, then one more each time. */
  sequence: number;
  /** UTC, ISO 8601. */
  recordedAt: string;
  payload: Payload;
  previousHash: string;
  hash: string;
}

export const genesisHash = '0'.repeat(64);

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits');

/** Validates an entry read back from storage (a SharePoint list item, IndexedDB, a file). */
export const proofEntrySchema = z
  .object({
    sequence: z.number().int().min(0),
    recordedAt: z.string(),
    payload: z.unknown(),
    previousHash: hex64,
    hash: hex64
  })
  .strict();

/**
 * The hash an entry should carry, or `undefined` when its payload is not plain JSON data.
 *
 * @example await proofEntryHash({ sequence: 0, recordedAt: '2024-01-01T00:00:00.000Z', payload: {}, previousHash: genesisHash })
 */
export async function proofEntryHash(entry: Omit<ProofEntry, 'hash'>): Promise<string | undefined> {
  const canonical = canonicalJson({
    sequence: entry.sequence,
    recordedAt: entry.recordedAt,
    payload: entry.payload,
    previousHash: entry.previousHash
  });
  return canonical.ok ? sha256Hex(canonical.text) : undefined;
}
