import type { RejectedAnchor } from '../../domain/proofAnchorTrust';
import type { DispositionWorkspace } from './dispositionWorkspace';
import { proofEntrySummary, type ProofEntrySummary } from './ProofEntrySummary';

export type ProofVerificationSummary =
  | {
      ok: true;
      count: number;
      headHash: string;
      /** The newest trusted anchor: the entry it holds and its drive item id (printed on certificates). */
      anchoredSequence?: number;
      anchorId?: string;
    }
  | {
      ok: false;
      problem: 'altered' | 'removed' | 'inserted' | 'reordered' | 'anchorRejected';
      reason: string;
      entry?: { sequence: number; subjectName: string };
      anchor?: { id: string; name: string };
      /** Files in the anchors library that verification refused, each with why. */
      rejectedAnchors?: RejectedAnchor[];
    };

/** The proof register, every entry, with the verdict of its verification against the anchored head. */
export interface ProofRegisterReport {
  entries: ProofEntrySummary[];
  verification: ProofVerificationSummary;
}

/** The proof register, verified against its anchors (the certificate of disposal is drawn from it). */
export async function readProofRegister(workspace: DispositionWorkspace): Promise<ProofRegisterReport> {
  const s = await workspace.ready();
  const result = await s.review.verify();
  const verification: ProofVerificationSummary = result.ok
    ? {
        ok: true,
        count: result.count,
        headHash: result.headHash,
        ...(result.anchoredHead ? { anchoredSequence: result.anchoredHead.sequence, anchorId: result.anchoredHead.id } : {})
      }
    : {
        ok: false,
        problem: result.problem,
        reason: result.reason,
        ...(result.entry ? { entry: { sequence: result.entry.sequence, subjectName: result.entry.subjectName } } : {}),
        ...(result.anchor ? { anchor: result.anchor } : {}),
        rejectedAnchors: result.rejectedAnchors
      };
  const anchorAt = new Map(result.trustedAnchors.map((a) => [a.sequence, { id: a.id, hash: a.hash }]));
  const entries = result.entries.map((e) => {
    const anchor = anchorAt.get(e.sequence);
    return { ...proofEntrySummary(e), ...(anchor ? { anchor } : {}) };
  });
  return { entries, verification };
}
