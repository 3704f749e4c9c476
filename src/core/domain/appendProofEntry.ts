import { canonicalJson } from './canonicalJson';
import { genesisHash, proofEntryHash, type ProofEntry } from './proofEntry';
import { parseUtcInstant, type InstantInput } from './utcInstant';

export type AppendProofEntryResult<Payload> = { ok: true; entry: ProofEntry<Payload> } | { ok: false; reason: string };

/**
 * Makes the next entry of a proof register: the sequence after the last entry, chained to its hash,
 * stamped with `now`. The register itself is not changed; store the entry, then verify the register
 * with `verifyProofRegister` before trusting it.
 *
 * @example const first = await appendProofEntry([], { itemId: '42', outcome: 'dispose' }, '2024-06-01T09:00:00Z')
 * // { ok: true, entry: { sequence: 0, previousHash: '000…', hash: '…', ... } }
 */
export async function appendProofEntry<Payload>(
  register: readonly ProofEntry[],
  payload: Payload,
  now: InstantInput
): Promise<AppendProofEntryResult<Payload>> {
  const time = parseUtcInstant(now);
  if (time === undefined) return { ok: false, reason: 'The time of the entry is not a valid date with a time zone.' };
  const checked = canonicalJson(payload);
  if (!checked.ok) return { ok: false, reason: checked.reason };
  const last = register.length === 0 ? undefined : register[register.length - 1];
  const unsigned = {
    sequence: last === undefined ? 0 : last.sequence + 1,
    recordedAt: new Date(time).toISOString(),
    payload,
    previousHash: last === undefined ? genesisHash : last.hash
  };
  const hash = (await proofEntryHash(unsigned)) as string;
  return { ok: true, entry: { ...unsigned, hash } };
}
