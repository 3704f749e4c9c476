import { applyDefaultJobId, parseApplyDefaultJobId } from '../../../../src/core/services/bulkLabel/applyDefaultJobId';
import { doneItems } from '../../../../src/core/services/bulkLabel/unfinishedJobs';

describe("runs applying a library's default", () => {
  it('names a run by what finds its items again, and reads it back, label spaces and all', () => {
    const job = { listId: 'b45e3d74-bbde-42bc-8597-468e191906be', startedAt: 1767225600000, maxItemId: 520, label: "O'Brien - 7 Years" };
    expect(applyDefaultJobId(job)).toBe("applyDefault b45e3d74-bbde-42bc-8597-468e191906be 1767225600000 520 O'Brien - 7 Years");
    expect(parseApplyDefaultJobId(applyDefaultJobId(job))).toEqual(job);
    expect(parseApplyDefaultJobId('nightly index')).toBeUndefined();
  });

  it('counts the items a checkpoint has settled, the last chunk short', () => {
    expect(doneItems({ total: 250, chunkSize: 100, doneThrough: 1, doneAhead: [2] })).toBe(150);
    expect(doneItems({ total: 250, chunkSize: 100, doneThrough: 3, doneAhead: [] })).toBe(250);
  });
});
