import type { ProofRegisterLine } from '../../domain/proofRegisterLine';
import type { RegisterEntry } from './proofRegister';

/** One entry of the proof register, flat, as a table, a certificate or a CSV shows it. */
export type ProofEntrySummary = ProofRegisterLine;

export function proofEntrySummary(entry: RegisterEntry): ProofEntrySummary {
  const p = entry.payload;
  return {
    sequence: entry.sequence,
    recordedAt: entry.recordedAt,
    kind: p.kind,
    subject: p.subject,
    subjectName: p.subjectName,
    action: p.action,
    stage: p.stage,
    by: p.by,
    justification: p.justification,
    outcome: p.outcome,
    detail: p.detail,
    hash: entry.hash,
    previousHash: entry.previousHash
  };
}
