// The pipeline's real clock: sleeps end on time, stop at once when the person cancels, and leave nothing behind
// on a signal that lives for a whole bulk job. Timed with jest's fake timers, never a real wait.
import { getEventListeners } from 'node:events';
import { abortError, systemTiming } from '../../../src/core/http/Timing';

const t0 = Date.UTC(2026, 0, 15, 9, 0, 0);

beforeEach(() => jest.useFakeTimers({ now: t0 }));
afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

/** Resolves to 'done' or the error's name, recording nothing until it settles. */
function settle(p: Promise<void>): { state: () => string } {
  let state = 'pending';
  p.then(
    () => (state = 'done'),
    (e: Error) => (state = e.name)
  );
  return { state: () => state };
}

describe('systemTiming.sleep', () => {
  it('resolves after the wait and not a millisecond before', async () => {
    const s = settle(systemTiming.sleep(7000));
    await jest.advanceTimersByTimeAsync(6999);
    expect(s.state()).toBe('pending');
    await jest.advanceTimersByTimeAsync(1);
    expect(s.state()).toBe('done');
  });

  it('treats a negative wait as none', async () => {
    const s = settle(systemTiming.sleep(-500));
    await jest.advanceTimersByTimeAsync(0);
    expect(s.state()).toBe('done');
  });

  it('refuses to start a wait for a request already cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const s = settle(systemTiming.sleep(7000, controller.signal));
    await Promise.resolve();
    await Promise.resolve();
    expect(s.state()).toBe('AbortError');
    expect(jest.getTimerCount()).toBe(0);
  });

  it('stops waiting as soon as the person cancels, and leaves no timer running', async () => {
    const controller = new AbortController();
    const s = settle(systemTiming.sleep(30_000, controller.signal));
    await jest.advanceTimersByTimeAsync(1000);
    expect(s.state()).toBe('pending');
    controller.abort();
    await jest.advanceTimersByTimeAsync(0);
    expect(s.state()).toBe('AbortError');
    expect(jest.getTimerCount()).toBe(0);
    // The signal outlives the wait (a whole bulk job shares one): it must not keep the finished wait alive.
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('leaves no listener on a signal shared by many waits once they end', async () => {
    const controller = new AbortController();
    for (let i = 0; i < 3; i++) {
      const wait = systemTiming.sleep(100, controller.signal);
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
      await jest.advanceTimersByTimeAsync(100);
      await wait;
    }
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});

describe('systemTiming clock and randomness', () => {
  it('reads the clock and the random source it was given', () => {
    expect(systemTiming.now()).toBe(t0);
    jest.spyOn(Math, 'random').mockReturnValue(0.25);
    expect(systemTiming.random()).toBe(0.25);
  });
});

describe('abortError', () => {
  it('is the AbortError fetch raises, with its message', () => {
    const e = abortError();
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('AbortError');
    expect(e.message).toBe('The operation was aborted.');
  });

  it('keeps an AbortError given as the reason as it is, with its own message', () => {
    const controller = new AbortController();
    const reason = Object.assign(new Error('Stopped by the person.'), { name: 'AbortError' });
    controller.abort(reason);
    expect(abortError(controller.signal)).toBe(reason);
  });

  it('gives an AbortError for any other reason, so callers test one shape', () => {
    const controller = new AbortController();
    const timeout = Object.assign(new Error('timed out'), { name: 'TimeoutError' });
    controller.abort(timeout);
    expect(abortError(controller.signal)).toMatchObject({ name: 'AbortError', message: 'The operation was aborted.' });
    const plain = new AbortController();
    plain.abort('the person closed the panel');
    expect(abortError(plain.signal)).toMatchObject({ name: 'AbortError' });
  });
});
