import { appendProofEntry } from '../../domain/appendProofEntry';
import { genesisHash, type ProofEntry } from '../../domain/proofEntry';
import { verifyProofRegister, type ProofVerification } from '../../domain/verifyProofRegister';
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

export type RegisterVerification =
  | (Extract<ProofVerification, { ok: true }> & { entries: RegisterEntry[] })
  | (Extract<ProofVerification, { ok: false }> & {
      entries: RegisterEntry[];
      /** The entry named by the break: its sequence as stored, list item id and subject. */
      entry?: { sequence: number; listItemId: string; subjectName: string };
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
 * Verifies the register with the domain's `verifyProofRegister`, against the head anchored where the register's
 * editors cannot write (`expectedHead`), and names the entry where the chain breaks. A row edited through Graph
 * or SharePoint (its justification, say) is reported as altered, with its sequence and list item id.
 */
export async function verifyRegister(site: RecordsSite, expectedHead?: { sequence: number; hash: string }): Promise<RegisterVerification> {
  const entries = await readRegister(site);
  const plain = entries.map(({ listItemId: _id, ...entry }) => entry);
  const result = await verifyProofRegister(plain, expectedHead ? { expectedHead } : {});
  if (result.ok) return { ...result, entries };
  const at = entries[Math.min(result.position, entries.length - 1)];
  return {
    ...result,
    entries,
    ...(at ? { entry: { sequence: at.sequence, listItemId: at.listItemId, subjectName: at.payload.subjectName } } : {})
  };
}
