import { CustodianError } from '../../../../src/core/http/CustodianError';
import { CheckpointSaver } from '../../../../src/core/services/bulkLabel/CheckpointSaver';
import type { CheckpointStore } from '../../../../src/core/services/jobs/CheckpointStore';
import { isChunkDone, markChunkDone, type JobCheckpoint, type JobFailure } from '../../../../src/core/services/jobs/JobCheckpoint';
import { fakeTiming } from '../../support/fakeTiming';
import { refusedSave } from './support/busyInvoices';

// How a long labelling job keeps its progress so that a run killed halfway resumes where it stopped: the chunks done
// (in order or not), the failures, saved every few seconds and always at the end, through a store that may be busy
// (429, 503) or drop the connection. What a records manager would notice: work done twice after a resume, a failure
// missing from the report, or a job that stops because one periodic save was throttled.

const busy = (status = 503): CustodianError =>
  new CustodianError({
    status,
    code: status === 429 ? 'tooManyRequests' : 'serviceNotAvailable',
    serviceMessage: 'Busy.',
    source: 'graph',
    what: 'Custodian could not save the job.',
    why: 'The service is busy.',
    whatToDo: 'Try again.'
  });
const newCheckpoint = (): JobCheckpoint => ({
  jobId: 'job',
  kind: 'bulkLabel:driveItems',
  fingerprint: 'f',
  total: 100,
  chunkSize: 20,
  doneThrough: 0,
  doneAhead: [],
  failures: [],
  status: 'running',
  updatedAt: '2026-01-15T09:00:00.000Z'
});
const failure = (id: string): JobFailure => ({ id, chunk: 0, code: 'accessDenied', status: 403, reason: 'Refused.' });

/** A store that keeps every save it acknowledged, and answers each with what `answers` says (default: saved). */
function recordingStore(answers: ((n: number) => Promise<void> | undefined) | undefined = undefined) {
  const saves: { checkpoint: JobCheckpoint; added: JobFailure[] }[] = [];
  let calls = 0;
  const store: CheckpointStore = {
    load: () => Promise.resolve(undefined),
    async save(checkpoint, added) {
      const answer = answers?.(++calls);
      if (answer) await answer;
      saves.push({ checkpoint: structuredClone(checkpoint), added: [...added] });
    }
  };
  return { store, saves, calls: () => calls };
}

describe('markChunkDone', () => {
  it('moves the low-water mark past every chunk done in a row, whatever order they finish in', () => {
    const checkpoint = { doneThrough: 0, doneAhead: [] as number[] };
    for (const n of [3, 1, 4]) markChunkDone(checkpoint, n);
    expect(checkpoint).toEqual({ doneThrough: 0, doneAhead: [1, 3, 4] });
    markChunkDone(checkpoint, 0);
    expect(checkpoint).toEqual({ doneThrough: 2, doneAhead: [3, 4] });
    markChunkDone(checkpoint, 2);
    expect(checkpoint).toEqual({ doneThrough: 5, doneAhead: [] });
    expect([0, 1, 2, 3, 4, 5].map((n) => isChunkDone(checkpoint, n))).toEqual([true, true, true, true, true, false]);
  });

  it('records a chunk done twice once, and keeps the chunks done ahead in order (ten and over included)', () => {
    const checkpoint = { doneThrough: 0, doneAhead: [] as number[] };
    for (const n of [12, 9, 12, 10, 2]) markChunkDone(checkpoint, n);
    expect(checkpoint).toEqual({ doneThrough: 0, doneAhead: [2, 9, 10, 12] });
    markChunkDone(checkpoint, 0);
    markChunkDone(checkpoint, 0);
    expect(checkpoint).toEqual({ doneThrough: 1, doneAhead: [2, 9, 10, 12] });
  });
});

describe('CheckpointSaver', () => {
  it('saves at most once per interval while the job runs, counting from the last save', async () => {
    const timing = fakeTiming();
    const { store, saves } = recordingStore();
    const saver = new CheckpointSaver(store, newCheckpoint(), timing.now, 2000, timing);
    timing.advance(1999);
    await saver.maybeSave();
    expect(saves).toHaveLength(0);
    timing.advance(1);
    await saver.maybeSave();
    expect(saves).toHaveLength(1);
    timing.advance(1500);
    await saver.maybeSave();
    expect(saves).toHaveLength(1);
    timing.advance(500);
    await saver.maybeSave();
    expect(saves.map((s) => s.checkpoint.status)).toEqual(['running', 'running']);
  });

  it('saves what the job had done at that moment, with the failures new since the last save', async () => {
    const timing = fakeTiming();
    // The store writes when the service answers (a request takes time); the job goes on meanwhile.
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const { store, saves } = recordingStore((n) => (n === 1 ? slow : undefined));
    const checkpoint = newCheckpoint();
    const saver = new CheckpointSaver(store, checkpoint, timing.now, 2000, timing);
    markChunkDone(checkpoint, 2);
    checkpoint.failures.push(failure('a'));
    saver.added.push(failure('a'));
    const saving = saver.save('running');
    markChunkDone(checkpoint, 3);
    checkpoint.failures.push(failure('b'));
    saver.added.push(failure('b'));
    release();
    await saving;
    expect(saves[0].checkpoint).toMatchObject({ doneAhead: [2], failures: [failure('a')] });
    expect(saves[0].added).toEqual([failure('a')]);
    await saver.save('completed');
    expect(saves[1]).toMatchObject({ checkpoint: { status: 'completed', doneAhead: [2, 3] }, added: [failure('b')] });
  });

  it('goes on when a periodic save is throttled, and saves the failures it held the next time', async () => {
    const timing = fakeTiming();
    const { store, saves } = recordingStore((n) => (n === 1 ? Promise.reject(busy(429)) : undefined));
    const saver = new CheckpointSaver(store, newCheckpoint(), timing.now, 2000, timing);
    saver.added.push(failure('a'));
    timing.advance(2000);
    await expect(saver.maybeSave()).resolves.toBeUndefined();
    expect(saves).toHaveLength(0);
    await saver.save('completed');
    expect(saves).toEqual([expect.objectContaining({ added: [failure('a')] })]);
  });

  it('stops the job when a periodic save is refused (403): the progress could never be kept', async () => {
    const timing = fakeTiming();
    const { store } = recordingStore(() => Promise.reject(refusedSave));
    const saver = new CheckpointSaver(store, newCheckpoint(), timing.now, 2000, timing);
    timing.advance(2000);
    await expect(saver.maybeSave()).rejects.toBe(refusedSave);
  });

  it('tries the final save again while the store is busy, waiting longer each time, up to five tries', async () => {
    const timing = fakeTiming();
    const { store, saves } = recordingStore((n) => (n < 4 ? Promise.reject(busy()) : undefined));
    const saver = new CheckpointSaver(store, newCheckpoint(), timing.now, 2000, timing);
    await saver.save('completed');
    expect(saves).toHaveLength(1);
    expect(timing.sleeps).toEqual([1000, 2000, 4000]);

    const alwaysBusy = recordingStore(() => Promise.reject(busy()));
    const giving = fakeTiming();
    const up = new CheckpointSaver(alwaysBusy.store, newCheckpoint(), giving.now, 2000, giving);
    await expect(up.save('completed')).rejects.toMatchObject({ status: 503 });
    expect(alwaysBusy.calls()).toBe(5);
    expect(giving.sleeps).toEqual([1000, 2000, 4000, 8000]);
  });

  it('does not try a refused final save again', async () => {
    const timing = fakeTiming();
    const { store, calls } = recordingStore(() => Promise.reject(refusedSave));
    const saver = new CheckpointSaver(store, newCheckpoint(), timing.now, 2000, timing);
    await expect(saver.save('completed')).rejects.toBe(refusedSave);
    expect(calls()).toBe(1);
    expect(timing.sleeps).toEqual([]);
  });

  it('saves one at a time: a save asked for while one runs waits for it, and a periodic one is skipped', async () => {
    const timing = fakeTiming();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const { store, saves } = recordingStore((n) => (n === 1 ? held : undefined));
    const checkpoint = newCheckpoint();
    const saver = new CheckpointSaver(store, checkpoint, timing.now, 2000, timing);
    const first = saver.save('running');
    timing.advance(5000);
    await saver.maybeSave();
    markChunkDone(checkpoint, 0);
    const last = saver.save('completed');
    await Promise.resolve();
    expect(saves).toHaveLength(0);
    release();
    await Promise.all([first, last]);
    expect(saves.map((s) => [s.checkpoint.status, s.checkpoint.doneThrough])).toEqual([
      ['running', 0],
      ['completed', 1]
    ]);
  });
});
