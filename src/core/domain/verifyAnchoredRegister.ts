import type { AnchoredHead } from './proofAnchorTrust';
import type { ProofEntry } from './proofEntry';
import { verifyProofRegister, type ProofProblem } from './verifyProofRegister';

export type AnchoredVerification =
  | { ok: true; count: number; headHash: string; anchoredHead?: AnchoredHead }
  | {
      ok: false;
      problem: ProofProblem;
      /** 0-based position of the first entry that was tampered with (or where one is missing). */
      position: number;
      reason: string;
      /** The anchor whose head the register no longer passes through. */
      anchor?: AnchoredHead;
    };

/**
 * Checks a proof register against every anchor: the chain must be intact (`verifyProofRegister`) and pass through
 * each anchor's head, so each anchor is a point on the chain that the next one extends. Rewriting an entry and
 * recomputing every later hash then breaks at the first anchor after the entry, and a forger would have to alter
 * that anchor, a locked record the tenant refuses to change. Names the entry: exactly when the anchor before it
 * holds the entry just before; otherwise the first entry after that anchor, with the range in the reason.
 *
 * @example await verifyAnchoredRegister(entries, [{ id: '01ABC', name: 'head-0000000002-….json', sequence: 2, hash }])
 */
export async function verifyAnchoredRegister(entries: readonly unknown[], anchors: readonly AnchoredHead[]): Promise<AnchoredVerification> {
  const chain = await verifyProofRegister(entries);
  if (!chain.ok) return chain;
  const sorted = [...anchors].sort((a, b) => a.sequence - b.sequence);
  let matched: AnchoredHead | undefined;
  for (const anchor of sorted) {
    const named = `anchor ${anchor.id} (${anchor.name})`;
    if (anchor.sequence >= entries.length)
      return {
        ok: false,
        problem: 'removed',
        position: entries.length,
        reason: `The register ends at entry ${entries.length - 1}, but ${named} holds entry ${anchor.sequence}: the newest entries were removed.`,
        anchor
      };
    if ((entries[anchor.sequence] as ProofEntry).hash !== anchor.hash) {
      const from = matched ? matched.sequence + 1 : 0;
      const reason =
        from >= anchor.sequence
          ? `Entry ${anchor.sequence} was rewritten and the chain recomputed: its hash is not the one ${named} holds for it.`
          : `One of entries ${from} to ${anchor.sequence} was rewritten and the chain recomputed: entry ${anchor.sequence} does not match ${named}${matched ? `, while entry ${matched.sequence} matches anchor ${matched.id}` : ''}.`;
      return { ok: false, problem: 'altered', position: Math.min(from, anchor.sequence), reason, anchor };
    }
    matched = anchor;
  }
  return { ...chain, ...(matched ? { anchoredHead: matched } : {}) };
}
