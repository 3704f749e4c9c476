import type { ProofEntry } from './proofEntry';

/** One entry of the proof register, flat, as a table, a certificate or the register export shows it. */
export interface ProofRegisterLine {
  sequence: number;
  recordedAt: string;
  kind: 'decision' | 'hold';
  /** The item key or the hold id. */
  subject: string;
  subjectName: string;
  action: string;
  stage: number;
  by: string;
  justification: string;
  outcome: string;
  detail: Record<string, string>;
  hash: string;
  previousHash: string;
  /** The trusted anchor whose head is this entry: its drive item id and the hash it holds. */
  anchor?: { id: string; hash: string };
}

/** The entry as it was hashed: the payload holds every field but the chain's own. */
export function proofEntryOfLine(line: ProofRegisterLine): ProofEntry {
  const { sequence, recordedAt, previousHash, hash, kind, subject, subjectName, action, stage, by, justification, outcome, detail } = line;
  return {
    sequence,
    recordedAt,
    payload: { kind, subject, subjectName, action, stage, by, justification, outcome, detail },
    previousHash,
    hash
  };
}
