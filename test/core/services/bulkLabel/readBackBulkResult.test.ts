import { addReadBack, readBackBulkResult } from '../../../../src/core/services/bulkLabel/readBackBulkResult';

// The outside truth is each item's label as SharePoint holds it after the call (here a table standing in for the
// read-back, so that the cases SharePoint rarely shows can be set up: a group that is mixed, reads that fail). The
// answer of SetComplianceTagOnBulkItems is undocumented, so it is given in each meaning it could have.

const ids = Array.from({ length: 10 }, (_, i) => i + 1);
const label = 'Tax Records - 6 Years';

function tenant(labels: Record<number, string | undefined>, failing: number[] = []) {
  const reads: number[] = [];
  const read = async (id: number): Promise<string | undefined> => {
    reads.push(id);
    if (failing.includes(id)) throw new Error('503');
    return id in labels ? labels[id] : label;
  };
  return { read, reads };
}

describe('readBackBulkResult', () => {
  it('reads two items of each group and judges the rest by them, whichever meaning the answer has', async () => {
    const held = { 3: 'Litigation Hold - Permanent', 7: 'Litigation Hold - Permanent' };
    for (const [answered, meaning] of [
      [[3, 7], 'failures'],
      [[1, 2, 4, 5, 6, 8, 9, 10], 'successes']
    ] as const) {
      const { read, reads } = tenant(held);
      const { failures, readBack } = await readBackBulkResult(ids, answered, label, read);
      expect(failures.map((f) => f.id)).toEqual(['3', '7']);
      expect(failures[0].reason).toBe(
        `SharePoint did not apply the label '${label}': read back, the item still carries 'Litigation Hold - Permanent' (a record whose label cannot change, or an item on hold).`
      );
      expect(reads).toHaveLength(4);
      expect(readBack).toEqual({ read: 4, inferred: 6, unverified: 0, answered: answered.length, meaning });
    }
  });

  it('reads every item of a group whose sample disagrees, and then cannot tell what the answer means', async () => {
    // The answer leaves out item 10, which was not labelled either: the "labelled" group is mixed.
    const { read, reads } = tenant({ 3: '', 10: '' });
    const { failures, readBack } = await readBackBulkResult(ids, [3], label, read);
    expect(failures.map((f) => f.id)).toEqual(['3', '10']);
    expect(failures.map((f) => f.reason)).toEqual([
      `SharePoint did not apply the label '${label}': read back, the item has no label.`,
      `SharePoint did not apply the label '${label}': read back, the item has no label.`
    ]);
    expect(new Set(reads)).toEqual(new Set(ids));
    expect(readBack).toEqual({ read: 10, inferred: 0, unverified: 0, answered: 1, meaning: 'unclear' });
  });

  it('takes the answer as the failures where nothing of a group can be read back, and counts those items as unverified', async () => {
    const { read } = tenant({ 3: 'Other' }, [3]);
    const { failures, readBack } = await readBackBulkResult(ids, [3], label, read);
    expect(failures).toEqual([
      {
        id: '3',
        code: 'notLabelled',
        status: 0,
        reason: `SharePoint did not apply the label '${label}', as its answer says (the item could not be read back to check).`
      }
    ]);
    expect(readBack).toMatchObject({ read: 2, unverified: 1, inferred: 7, meaning: 'unclear' });
  });

  it('judges an empty answer by the items read: all labelled means the ids were failures', async () => {
    const all = await readBackBulkResult(ids, [], label, tenant({}).read);
    expect(all.failures).toEqual([]);
    expect(all.readBack.meaning).toBe('failures');
    const none = await readBackBulkResult(ids, [], label, tenant(Object.fromEntries(ids.map((id) => [id, '']))).read);
    expect(none.failures.map((f) => f.id)).toEqual(ids.map(String));
    expect(none.failures[5].reason).toMatch(/the items of the same answer read back do not carry it/);
    expect(none.readBack.meaning).toBe('successes');
  });

  it('sums the calls of a job, and a call of the other meaning makes the meaning unclear', () => {
    const a = { read: 4, inferred: 96, unverified: 0, answered: 2, meaning: 'failures' as const };
    expect(addReadBack(addReadBack(undefined, a), a)).toEqual({ read: 8, inferred: 192, unverified: 0, answered: 4, meaning: 'failures' });
    expect(addReadBack(a, { ...a, meaning: 'successes' }).meaning).toBe('unclear');
  });
});
