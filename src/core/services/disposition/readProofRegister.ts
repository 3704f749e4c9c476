import type { DispositionWorkspace } from './dispositionWorkspace';
import { proofEntrySummary, type ProofEntrySummary } from './ProofEntrySummary';

export type ProofVerificationSummary =
  | { ok: true; count: number; headHash: string; anchoredSequence?: number }
  | {
      ok: false;
      problem: 'altered' | 'removed' | 'inserted' | 'reordered';
      reason: string;
      entry?: { sequence: number; subjectName: string };
    };

/** The proof register, every entry, with the verdict of its verification against the anchored head. */
export interface ProofRegisterReport {
  entries: ProofEntrySummary[];
  verification: ProofVerificationSummary;
}

/** The proof register, verified against its anchored head (the certificate of disposal is drawn from it). */
export async function readProofRegister(workspace: DispositionWorkspace): Promise<ProofRegisterReport> {
  const s = await workspace.ready();
  const result = await s.review.verify();
  const verification: ProofVerificationSummary = result.ok
    ? {
        ok: true,
        count: result.count,
        headHash: result.headHash,
        ...(result.anchoredHead ? { anchoredSequence: result.anchoredHead.sequence } : {})
      }
    : {
        ok: false,
        problem: result.problem,
        reason: result.reason,
        ...(result.entry ? { entry: { sequence: result.entry.sequence, subjectName: result.entry.subjectName } } : {})
      };
  return { entries: result.entries.map(proofEntrySummary), verification };
}
