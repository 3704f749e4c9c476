import { appendProofEntry } from '../../../src/core/domain/appendProofEntry';
import type { ProofEntry } from '../../../src/core/domain/proofEntry';
import { judgeProofAnchors, type ProofAnchorFile } from '../../../src/core/domain/proofAnchorTrust';
import { verifyAnchoredRegister } from '../../../src/core/domain/verifyAnchoredRegister';

async function register(count: number): Promise<ProofEntry[]> {
  const entries: ProofEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    const made = await appendProofEntry(
      entries,
      { subjectName: `Invoice ${i}.pdf`, justification: 'Past its schedule' },
      `2034-01-0${i + 1}T09:00:00Z`
    );
    if (!made.ok) throw new Error(made.reason);
    entries.push(made.entry);
  }
  return entries;
}

const file = (id: string, over: Partial<ProofAnchorFile> = {}): ProofAnchorFile => ({
  id,
  name: `head-${id}.json`,
  createdAt: `2034-01-01T09:00:0${id.length}Z`,
  createdBy: 'priya.raman@contoso.com',
  labelName: 'Custodian Proof Anchor',
  isRecordLocked: true,
  head: { sequence: 0, hash: 'a'.repeat(64) },
  ...over
});

describe('judgeProofAnchors', () => {
  const policy = { labelName: 'Custodian Proof Anchor' };

  it('trusts the creator of the first locked anchor when no writer is configured, and nobody else', () => {
    const { trusted, rejected } = judgeProofAnchors(
      [
        file('b', { createdBy: 'ana.ortiz@contoso.com', createdAt: '2034-02-01T00:00:00Z' }),
        file('a', { createdAt: '2034-01-01T00:00:00Z' })
      ],
      policy
    );
    expect(trusted.map((t) => t.id)).toEqual(['a']);
    expect(rejected).toEqual([
      expect.objectContaining({ id: 'b', reason: expect.stringContaining('created by ana.ortiz@contoso.com') as string })
    ]);
  });

  it('with configured writers, trusts them and the file plan reviewers only; an unlocked or unlabelled anchor never', () => {
    const { trusted, rejected } = judgeProofAnchors(
      [
        file('svc', { createdBy: 'SVC-Custodian@contoso.com' }),
        file('sam', { createdBy: 'sam.okafor@contoso.com' }),
        file('priya'),
        file('unlocked', { createdBy: 'svc-custodian@contoso.com', isRecordLocked: false }),
        file('plain', { createdBy: 'svc-custodian@contoso.com', labelName: undefined, isRecordLocked: false }),
        file('edited', { createdBy: 'svc-custodian@contoso.com', lastModifiedBy: 'ana.ortiz@contoso.com' })
      ],
      { ...policy, writers: ['svc-custodian@contoso.com'], reviewers: ['sam.okafor@contoso.com'] }
    );
    expect(trusted.map((t) => t.id).sort()).toEqual(['sam', 'svc']);
    expect(Object.fromEntries(rejected.map((r) => [r.id, r.reason]))).toEqual({
      priya: expect.stringContaining('neither Custodian'),
      unlocked: 'it is not a locked record, so its content could have been changed',
      plain: expect.stringContaining('no retention label'),
      edited: 'it was last modified by ana.ortiz@contoso.com, who may not write anchors'
    });
  });
  it('trusts a reviewer added during a review only for later entries, and only when a trusted anchor names them', () => {
    const hash = 'a'.repeat(64);
    const { trusted, rejected } = judgeProofAnchors(
      [
        file('add', { head: { sequence: 4, hash, addedReviewer: 'Dev@contoso.com' } }),
        file('devApproves', { createdBy: 'dev@contoso.com', lastModifiedBy: 'dev@contoso.com', head: { sequence: 5, hash } }),
        file('devBefore', { createdBy: 'dev@contoso.com', head: { sequence: 3, hash } }),
        // Ana's own anchor naming herself: she is not trusted, so it names nobody; nor is her next anchor.
        file('anaAdds', { createdBy: 'ana@contoso.com', head: { sequence: 6, hash, addedReviewer: 'ana@contoso.com' } }),
        file('anaLater', { createdBy: 'ana@contoso.com', head: { sequence: 7, hash } })
      ],
      { labelName: 'Custodian Proof Anchor', writers: ['priya.raman@contoso.com'] }
    );
    expect(trusted.map((t) => t.id).sort()).toEqual(['add', 'devApproves']);
    expect(Object.fromEntries(rejected.map((r) => [r.id, r.reason]))).toEqual({
      devBefore: 'it was created by dev@contoso.com, who was added as a reviewer at entry 4 and may anchor only later entries',
      anaAdds: expect.stringContaining('ana@contoso.com, who is neither') as string,
      anaLater: expect.stringContaining('ana@contoso.com, who is neither') as string
    });
  });
});

describe('verifyAnchoredRegister', () => {
  it('names the one entry between two anchors that was rewritten with the chain recomputed', async () => {
    const original = await register(4);
    const forged = [...original.slice(0, 2)];
    const rest = await register(4);
    // A different entry 2 (its justification changed), and entry 3 re-chained onto it.
    const two = await appendProofEntry(
      forged,
      { subjectName: 'Invoice 2.pdf', justification: 'Approved by the board' },
      original[2].recordedAt
    );
    forged.push((two as { entry: ProofEntry }).entry);
    const three = await appendProofEntry(forged, rest[3].payload, original[3].recordedAt);
    forged.push((three as { entry: ProofEntry }).entry);
    const anchors = original.map((e, i) => ({ id: `A${i}`, name: `head-${i}.json`, sequence: e.sequence, hash: e.hash }));
    expect(await verifyAnchoredRegister(original, anchors)).toMatchObject({ ok: true, anchoredHead: { id: 'A3' } });
    expect(await verifyAnchoredRegister(forged, anchors)).toMatchObject({
      ok: false,
      problem: 'altered',
      position: 2,
      reason: 'Entry 2 was rewritten and the chain recomputed: its hash is not the one anchor A2 (head-2.json) holds for it.'
    });
    // With anchors only at 0 and 3, the rewrite lies somewhere in 1..3: said so, naming the first.
    expect(await verifyAnchoredRegister(forged, [anchors[0], anchors[3]])).toMatchObject({
      ok: false,
      position: 1,
      reason: expect.stringContaining('One of entries 1 to 3 was rewritten') as string
    });
    // Newest entries removed: the anchor holds an entry the register no longer has.
    expect(await verifyAnchoredRegister(original.slice(0, 2), anchors)).toMatchObject({ ok: false, problem: 'removed', position: 2 });
  });
});
