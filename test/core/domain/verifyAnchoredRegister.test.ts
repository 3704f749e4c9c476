import type { AnchoredHead } from '../../../src/core/domain/proofAnchorTrust';
import { verifyAnchoredRegister } from '../../../src/core/domain/verifyAnchoredRegister';
import { documentedChain, type DocumentedEntry } from './support/documentedChain';

// What an auditor is told when the register no longer passes through its anchors. The registers here are chained
// with the hash docs/domain.md documents (test/support/documentedProofHash.ts), not by the core, and the forger
// recomputes every later hash the same way: the chain alone then looks intact, and only the anchors (locked records
// the tenant refuses to change) can tell.

const decision = (n: number, justification = 'Past its 7-year schedule.'): unknown => ({
  kind: 'decision',
  subject: `site|list|${n + 10}`,
  subjectName: `Invoice ${n + 10}.pdf`,
  action: 'approve',
  stage: 1,
  by: 'sam.okafor@contoso.com',
  justification,
  outcome: 'disposed',
  detail: { label: 'Invoices - 7 Years' }
});

const original = documentedChain([0, 1, 2, 3, 4].map((n) => decision(n)));

/** The register with entry `at` rewritten ("Approved by the board") and every later hash recomputed. */
const forgedAt = (at: number): DocumentedEntry[] =>
  documentedChain(
    original.slice(at).map((e, i) => (i === 0 ? decision(at, 'Approved by the board.') : e.payload)),
    original.slice(0, at)
  );

/** The anchor a trusted writer made when entry `sequence` was recorded. */
const anchorOf = (sequence: number): AnchoredHead => ({
  id: `01A${sequence}`,
  name: `head-000000000${sequence}.json`,
  sequence,
  hash: original[sequence].hash
});

describe('verifyAnchoredRegister: the register must pass through every anchor', () => {
  it('verifies an untouched register, naming its head and the newest anchor it passes through', async () => {
    expect(await verifyAnchoredRegister(original, [anchorOf(3), anchorOf(1)])).toEqual({
      ok: true,
      count: 5,
      headHash: original[4].hash,
      anchoredHead: anchorOf(3)
    });
  });

  it('verifies a register with no anchor on its inner consistency alone, and says no anchor was passed', async () => {
    expect(await verifyAnchoredRegister(original, [])).toStrictEqual({ ok: true, count: 5, headHash: original[4].hash });
  });

  it('passes on what the chain check finds when an entry was edited without recomputing its hash', async () => {
    const edited = original.map((e, i) => (i === 2 ? { ...e, payload: decision(2, 'Approved by the board.') } : e));
    expect(await verifyAnchoredRegister(edited, [anchorOf(4)])).toStrictEqual({
      ok: false,
      problem: 'altered',
      position: 2,
      reason: 'Entry 2 was altered: its content no longer matches its hash.'
    });
  });

  it('names the entry exactly when the anchor before it holds the entry just before', async () => {
    const forged = forgedAt(2);
    // The chain is consistent in itself: only the anchor can tell.
    expect(await verifyAnchoredRegister(forged, [])).toMatchObject({ ok: true });
    expect(await verifyAnchoredRegister(forged, [anchorOf(2), anchorOf(1)])).toEqual({
      ok: false,
      problem: 'altered',
      position: 2,
      reason: 'Entry 2 was rewritten and the chain recomputed: its hash is not the one anchor 01A2 (head-0000000002.json) holds for it.',
      anchor: anchorOf(2)
    });
  });

  it('names the first entry of the register when the first entry itself was rewritten under its anchor', async () => {
    expect(await verifyAnchoredRegister(forgedAt(0), [anchorOf(0)])).toEqual({
      ok: false,
      problem: 'altered',
      position: 0,
      reason: 'Entry 0 was rewritten and the chain recomputed: its hash is not the one anchor 01A0 (head-0000000000.json) holds for it.',
      anchor: anchorOf(0)
    });
  });

  it('names the range after the last anchor that still matches, whatever order the anchors come in', async () => {
    expect(await verifyAnchoredRegister(forgedAt(2), [anchorOf(4), anchorOf(0)])).toEqual({
      ok: false,
      problem: 'altered',
      position: 1,
      reason:
        'One of entries 1 to 4 was rewritten and the chain recomputed: entry 4 does not match anchor 01A4 (head-0000000004.json), while entry 0 matches anchor 01A0.',
      anchor: anchorOf(4)
    });
  });

  it('names the range from the first entry when no anchor before it matches', async () => {
    expect(await verifyAnchoredRegister(forgedAt(1), [anchorOf(3)])).toEqual({
      ok: false,
      problem: 'altered',
      position: 0,
      reason: 'One of entries 0 to 3 was rewritten and the chain recomputed: entry 3 does not match anchor 01A3 (head-0000000003.json).',
      anchor: anchorOf(3)
    });
  });

  it('refuses a register that no longer reaches an anchor: its newest entries were removed', async () => {
    expect(await verifyAnchoredRegister(original.slice(0, 3), [anchorOf(1), anchorOf(3)])).toEqual({
      ok: false,
      problem: 'removed',
      position: 3,
      reason: 'The register ends at entry 2, but anchor 01A3 (head-0000000003.json) holds entry 3: the newest entries were removed.',
      anchor: anchorOf(3)
    });
    expect(await verifyAnchoredRegister(original.slice(0, 4), [anchorOf(3)])).toMatchObject({ ok: true, anchoredHead: anchorOf(3) });
  });

  it('refuses an intact register against an anchor holding another hash for its entry (a forged anchor)', async () => {
    const forgedAnchor = { ...anchorOf(4), id: '01FORGED', name: 'head-forged.json', hash: forgedAt(4)[4].hash };
    expect(await verifyAnchoredRegister(original, [anchorOf(2), forgedAnchor])).toEqual({
      ok: false,
      problem: 'altered',
      position: 3,
      reason:
        'One of entries 3 to 4 was rewritten and the chain recomputed: entry 4 does not match anchor 01FORGED (head-forged.json), while entry 2 matches anchor 01A2.',
      anchor: forgedAnchor
    });
    // Beside the genuine anchor of the same entry, the forged one is still refused, at that entry.
    expect(await verifyAnchoredRegister(original, [anchorOf(4), forgedAnchor])).toEqual({
      ok: false,
      problem: 'altered',
      position: 4,
      reason: 'Entry 4 was rewritten and the chain recomputed: its hash is not the one anchor 01FORGED (head-forged.json) holds for it.',
      anchor: forgedAnchor
    });
  });
});
