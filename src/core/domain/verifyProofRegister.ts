import { genesisHash, proofEntryHash, proofEntrySchema, type ProofEntry } from './proofEntry';

export const proofProblems = ['altered', 'removed', 'inserted', 'reordered'] as const;
export type ProofProblem = (typeof proofProblems)[number];

export type ProofVerification =
  | { ok: true; count: number; headHash: string }
  | {
      ok: false;
      problem: ProofProblem;
      /** 0-based position in the list given, of the first entry that was tampered with (or where one is missing). */
      position: number;
      reason: string;
    };

/**
 * Checks a proof register and names the first entry that was altered, removed, inserted or
 * reordered. Tampering that rewrites every later entry's hash, or removes or alters the newest
 * entries, leaves a chain that is consistent in itself: pass `expectedHead` (the latest sequence and
 * hash, kept somewhere the register's editors cannot write, such as the audit log or a signed export)
 * to catch that too. An entry appended to the end with wrong links is reported as altering the entry
 * before it, since the two cannot be told apart.
 *
 * @example await verifyProofRegister(entries) // { ok: false, problem: 'removed', position: 3, reason: 'Entry 3 is missing ...' }
 */
export async function verifyProofRegister(
  entries: readonly unknown[],
  options: { expectedHead?: { sequence: number; hash: string } } = {}
): Promise<ProofVerification> {
  const parsed = entries.map((entry) => {
    const result = proofEntrySchema.safeParse(entry);
    return result.success ? (result.data as ProofEntry) : undefined;
  });
  const selfConsistent = await Promise.all(
    parsed.map(async (entry) => entry !== undefined && (await proofEntryHash(entry)) === entry.hash)
  );
  const count = entries.length;
  const entryAt = (position: number): ProofEntry | undefined => parsed[position];

  // Every entry intact and the full chain present, but not in sequence order: reordered.
  if (selfConsistent.every(Boolean)) {
    const sorted = [...(parsed as ProofEntry[])].sort((a, b) => a.sequence - b.sequence);
    const chained = sorted.every(
      (entry, index) => entry.sequence === index && entry.previousHash === (index === 0 ? genesisHash : sorted[index - 1].hash)
    );
    const moved = (parsed as ProofEntry[]).findIndex((entry, index) => entry.sequence !== index);
    if (chained && moved !== -1) {
      return {
        ok: false,
        problem: 'reordered',
        position: moved,
        reason: `The entries are out of order: position ${moved} holds entry ${(parsed[moved] as ProofEntry).sequence}.`
      };
    }
  }

  let previousHash = genesisHash;
  let expected = 0;
  const hasSequence = (sequence: number): boolean => parsed.some((entry) => entry?.sequence === sequence);
  for (let position = 0; position < count; position += 1) {
    const entry = entryAt(position);
    if (entry !== undefined && selfConsistent[position] && entry.sequence === expected && entry.previousHash === previousHash) {
      previousHash = entry.hash;
      expected += 1;
      continue;
    }
    const after = entryAt(position + 1);
    if (after !== undefined && selfConsistent[position + 1] && after.sequence === expected && after.previousHash === previousHash) {
      return {
        ok: false,
        problem: 'inserted',
        position,
        reason: `The entry at position ${position} was inserted: the chain continues without it.`
      };
    }
    if (entry === undefined || !selfConsistent[position]) {
      return { ok: false, problem: 'altered', position, reason: `Entry ${position} was altered: its content no longer matches its hash.` };
    }
    if (entry.previousHash === previousHash) {
      return { ok: false, problem: 'altered', position, reason: `Entry ${position} was altered: its sequence number was changed.` };
    }
    if (entry.sequence === expected) {
      // Either the previous entry was changed and re-hashed, or this one's link was. The next entry
      // still pointing at this one means this one is original.
      const culprit = position === 0 || (after !== undefined && after.previousHash !== entry.hash) ? position : position - 1;
      return {
        ok: false,
        problem: 'altered',
        position: culprit,
        reason: `Entry ${culprit} was altered and its hash recomputed: the chain breaks after it.`
      };
    }
    const before = entryAt(position - 1);
    if (before !== undefined && entry.sequence === expected - 1 && entry.previousHash === before.previousHash) {
      // Two entries claim the same place. Of two identical copies the later one is named.
      const inserted = entry.hash === before.hash ? position : position - 1;
      return {
        ok: false,
        problem: 'inserted',
        position: inserted,
        reason: `The entry at position ${inserted} was inserted: it claims the place of entry ${entry.sequence}.`
      };
    }
    if (entry.sequence > expected && !hasSequence(expected)) {
      return {
        ok: false,
        problem: 'removed',
        position,
        reason:
          entry.sequence - expected === 1
            ? `Entry ${expected} is missing: position ${position} holds entry ${entry.sequence}.`
            : `Entries ${expected} to ${entry.sequence - 1} are missing: position ${position} holds entry ${entry.sequence}.`
      };
    }
    return { ok: false, problem: 'inserted', position, reason: `The entry at position ${position} does not belong in the chain here.` };
  }

  const head = options.expectedHead;
  if (head !== undefined) {
    if (expected <= head.sequence) {
      return {
        ok: false,
        problem: 'removed',
        position: count,
        reason: `The register ends at entry ${expected - 1}, but entry ${head.sequence} was recorded: the newest entries were removed.`
      };
    }
    if ((parsed[head.sequence] as ProofEntry).hash !== head.hash) {
      return {
        ok: false,
        problem: 'altered',
        position: head.sequence,
        reason: `Entry ${head.sequence} does not match the hash recorded for it: it or an earlier entry was rewritten.`
      };
    }
  }
  return { ok: true, count, headHash: previousHash };
}
