import { applyDefaultJobId, parseApplyDefaultJobId } from '../../../../src/core/services/bulkLabel/applyDefaultJobId';
import { doneItems, stoppedJobFor, unfinishedJobOf, type AppliedJob } from '../../../../src/core/services/bulkLabel/unfinishedJobs';

describe("runs applying a library's default", () => {
  it('names a run by what finds its items again, and reads it back, label spaces and all', () => {
    const job = { listId: 'b45e3d74-bbde-42bc-8597-468e191906be', startedAt: 1767225600000, maxItemId: 520, label: "O'Brien - 7 Years" };
    expect(applyDefaultJobId(job)).toBe("applyDefault b45e3d74-bbde-42bc-8597-468e191906be 1767225600000 520 O'Brien - 7 Years");
    expect(parseApplyDefaultJobId(applyDefaultJobId(job))).toEqual(job);
    expect(parseApplyDefaultJobId('nightly index')).toBeUndefined();
    // Another kind of job whose name merely contains one of these is not one.
    expect(parseApplyDefaultJobId(`nightly ${applyDefaultJobId(job)}`)).toBeUndefined();
  });

  it('counts the items a checkpoint has settled, the last chunk short', () => {
    expect(doneItems({ total: 250, chunkSize: 100, doneThrough: 1, doneAhead: [2] })).toBe(150);
    expect(doneItems({ total: 250, chunkSize: 100, doneThrough: 3, doneAhead: [] })).toBe(250);
  });

  const run = (listId: string, label: string, startedAt: number, status: AppliedJob['checkpoint']['status']): AppliedJob => ({
    job: { listId, label, startedAt, maxItemId: 250 },
    checkpoint: {
      jobId: applyDefaultJobId({ listId, label, startedAt, maxItemId: 250 }),
      kind: 'bulkLabel:listItems',
      fingerprint: 'f',
      total: 250,
      chunkSize: 100,
      doneThrough: 1,
      doneAhead: [2],
      status,
      updatedAt: '2034-01-01T00:00:00Z'
    }
  });

  it("offers to resume the library's newest run of its default label only, when it stopped", () => {
    // Newest first, as readApplyDefaultJobs gives them.
    const jobs = [
      run('other', 'Tax', 3, 'running'),
      run('lib', 'Contracts', 2, 'running'),
      run('lib', 'Tax', 1, 'cancelled'),
      run('lib', 'Tax', 0, 'running')
    ];
    expect(stoppedJobFor(jobs, 'lib', 'Tax')).toBe(jobs[2]);
    expect(stoppedJobFor(jobs, 'lib', 'Contracts')).toBe(jobs[1]);
    expect(stoppedJobFor(jobs, 'lib', 'Invoices')).toBeUndefined();
    expect(stoppedJobFor(jobs, 'lib', null)).toBeUndefined();
    expect(stoppedJobFor([run('lib', 'Tax', 5, 'completed'), ...jobs], 'lib', 'Tax')).toBeUndefined();
  });

  it('tells the site owner how far a stopped run got and whether it was cancelled or left running', () => {
    expect(unfinishedJobOf(run('lib', 'Tax', 1, 'cancelled'))).toEqual({
      label: 'Tax',
      total: 250,
      done: 150,
      status: 'cancelled',
      updatedAt: '2034-01-01T00:00:00Z'
    });
    expect(unfinishedJobOf(run('lib', 'Tax', 1, 'running')).status).toBe('running');
  });
});
