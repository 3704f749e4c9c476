import { appendProofEntry } from '../../domain/appendProofEntry';
import { genesisHash, type ProofEntry } from '../../domain/proofEntry';
import {
  judgeProofAnchors,
  type AnchoredHead,
  type AnchorTrustPolicy,
  type ProofAnchorFile,
  type RejectedAnchor
} from '../../domain/proofAnchorTrust';
import { verifyAnchoredRegister, type AnchoredVerification } from '../../domain/verifyAnchoredRegister';
import type { InstantInput } from '../../domain/utcInstant';
import { CustodianError } from '../../http/CustodianError';
import type { RecordsSite } from '../recordsSite/RecordsSite';
import type { StoredEntry } from '../recordsSite/RecordsListStore';
import { registerHeadList, registerList, type RegisterRow } from './dispositionLists';
import { reviewError } from './dispositionErrors';

/** What one register entry proves; hashed with its sequence, time and the previous entry's hash. */
export type RegisterPayload = Omit<RegisterRow, 'hash' | 'sequence' | 'recordedAt' | 'previousHash'>;

/** A register entry as read back, with the list item id it is stored as (to name it when the chain breaks). */
export interface RegisterEntry extends ProofEntry<RegisterPayload> {
  listItemId: string;
}

/** What verification found in the anchors library: anchors it relied on, and those it refused, each with why. */
export interface AnchorFindings {
  trustedAnchors: AnchoredHead[];
  rejectedAnchors: RejectedAnchor[];
}

export type RegisterVerification =
  | (Extract<AnchoredVerification, { ok: true }> & AnchorFindings & { entries: RegisterEntry[] })
  | (Omit<Extract<AnchoredVerification, { ok: false }>, 'problem' | 'anchor'> &
      AnchorFindings & {
        problem: Extract<AnchoredVerification, { ok: false }>['problem'] | 'anchorRejected';
        entries: RegisterEntry[];
        /** The entry named by the break: its sequence as stored, list item id and subject. */
        entry?: { sequence: number; listItemId: string; subjectName: string };
        /** The anchor the register disagrees with, or the anchor refused. */
        anchor?: { id: string; name: string };
      });

const headName = 'head';

function toEntry(stored: StoredEntry<RegisterRow>): RegisterEntry {
  const { hash, sequence, recordedAt, previousHash, ...payload } = stored.value;
  return { sequence, recordedAt, payload, previousHash, hash, listItemId: stored.id };
}

/** The head row, created on first use; two clients creating it at once keep the older (lower id) one. */
async function readHead(site: RecordsSite): Promise<StoredEntry<{ name: string; sequence: number; hash: string }>> {
  const heads = site.list(registerHeadList);
  const found = await heads.find(headName);
  if (found) return found;
  const created = await heads.create({ name: headName, sequence: -1, hash: genesisHash });
  const all = await heads.query({ name: headName });
  if (all[0].id !== created.id) {
    await heads.remove(created);
    return all[0];
  }
  return created;
}

/**
 * Appends one entry to the proof register on the records site. The head row serialises appends: the entry is
 * chained to the head read, and the head is moved with `If-Match`; a 412 means another entry got there first, so
 * the entry is chained again to the new head (at most 20 times). The row is written after the head moves: a crash
 * between the two leaves a gap that verification reports as a removed entry, never a silent fork.
 */
export async function appendToRegister(site: RecordsSite, payload: RegisterPayload, now: InstantInput): Promise<RegisterEntry> {
  const heads = site.list(registerHeadList);
  for (let attempt = 0; attempt < 20; attempt++) {
    const head = await readHead(site);
    const last = head.value.sequence < 0 ? [] : [{ sequence: head.value.sequence, hash: head.value.hash } as ProofEntry];
    const made = await appendProofEntry(last, payload, now);
    if (!made.ok)
      throw reviewError({
        code: 'proofEntryRefused',
        what: 'Custodian could not record the decision in the proof register.',
        why: made.reason,
        whatToDo: 'Report this to your administrator with the time it happened.'
      });
    try {
      await heads.update(head, { sequence: made.entry.sequence, hash: made.entry.hash });
    } catch (e) {
      if (e instanceof CustodianError && e.code === 'entryChanged') continue;
      throw e;
    }
    const { sequence, recordedAt, previousHash, hash } = made.entry;
    const stored = await site.list(registerList).create({ ...payload, sequence, recordedAt, previousHash, hash });
    return toEntry(stored);
  }
  throw reviewError({
    code: 'registerBusy',
    what: 'Custodian could not record the decision in the proof register.',
    why: 'Many decisions were being recorded at the same moment and this one did not get its turn.',
    whatToDo: 'Try again in a moment; nothing was recorded for this decision.',
    status: 503
  });
}

/** Every register entry in the order they were stored (list item id). */
export async function readRegister(site: RecordsSite): Promise<RegisterEntry[]> {
  const rows = await site.list(registerList).list();
  return rows.map(toEntry);
}

/**
 * Verifies the register: the chain is intact and passes through the head of every anchor a trusted writer made and
 * the tenant keeps locked (`judgeProofAnchors`, `verifyAnchoredRegister`), naming the entry where it breaks. A row
 * edited through Graph or SharePoint (its justification, say) is reported as altered, with its sequence and list
 * item id, even when the forger recomputed every later hash. A file in the anchors library that verification
 * refuses (unlabelled, unlocked, or written by someone else) fails verification too, naming it and why: it is an
 * attempt to pass off a head. Without `anchors`, only the chain itself is checked.
 */
export async function verifyRegister(
  site: RecordsSite,
  anchors?: { files: readonly ProofAnchorFile[]; policy: AnchorTrustPolicy }
): Promise<RegisterVerification> {
  const entries = await readRegister(site);
  const plain = entries.map(({ listItemId: _id, ...entry }) => entry);
  const { trusted, rejected } = anchors ? judgeProofAnchors(anchors.files, anchors.policy) : { trusted: [], rejected: [] };
  const findings: AnchorFindings = { trustedAnchors: trusted, rejectedAnchors: rejected };
  const result = await verifyAnchoredRegister(plain, trusted);
  const named = (position: number): { entry?: { sequence: number; listItemId: string; subjectName: string } } => {
    const at = entries[Math.min(position, entries.length - 1)];
    return at ? { entry: { sequence: at.sequence, listItemId: at.listItemId, subjectName: at.payload.subjectName } } : {};
  };
  if (!result.ok) {
    const { anchor, ...rest } = result;
    return {
      ...rest,
      ...findings,
      entries,
      ...named(result.position),
      ...(anchor ? { anchor: { id: anchor.id, name: anchor.name } } : {})
    };
  }
  const refused = rejected[0];
  if (refused)
    return {
      ok: false,
      problem: 'anchorRejected',
      position: entries.length,
      reason: `The anchor ${refused.id} (${refused.name}) was rejected: ${refused.reason}. Someone may have tried to pass off a rewritten register; the anchors Custodian wrote still check it.`,
      anchor: { id: refused.id, name: refused.name },
      ...findings,
      entries
    };
  return { ...result, ...findings, entries };
}
