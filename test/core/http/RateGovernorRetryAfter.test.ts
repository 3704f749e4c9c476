// When Graph keeps answering 429 after the governor has cut its rate, every request waits until the service's
// Retry-After: requests already queued too, not only new ones. Timed with jest's fake timers over the real
// systemTiming (setTimeout and Date.now), so the test asserts when each request is released, without sleeping.
import { RateGovernor } from '../../../src/core/http/RateGovernor';
import { systemTiming } from '../../../src/core/http/Timing';

const t0 = Date.UTC(2026, 0, 15, 9, 0, 0);

beforeEach(() => jest.useFakeTimers({ now: t0 }));
afterEach(() => jest.useRealTimers());

/** Starts an acquire and records, in ms since t0, when it is released. */
function acquireAt(g: RateGovernor, released: number[]): Promise<void> {
  return g.acquire().then(() => {
    released.push(Date.now() - t0);
  });
}

describe('RateGovernor and a Retry-After pause', () => {
  it('holds requests already waiting until the Retry-After has passed, then releases them at its pace', async () => {
    const g = new RateGovernor(systemTiming, { initialRate: 10, burstSeconds: 0, decreaseCooldownMs: 1000 });
    g.record(429, 2000); // the first 429 cuts the rate (to 8.5 a second)
    const released: number[] = [];
    const waiting = [1, 2, 3, 4].map(() => acquireAt(g, released));
    await jest.advanceTimersByTimeAsync(50);
    // None has gone: the allowance was used up at t0, so the first waits one slot at the new pace (about 118 ms).
    expect(released).toEqual([]);

    // Still throttled after the cut (three more answers): the service says retry after 2 s, so everyone waits until
    // t0 + 2053.
    for (let i = 0; i < 3; i++) {
      await jest.advanceTimersByTimeAsync(1);
      g.record(429, 2000);
    }
    expect(g.snapshot().pausedUntil).toBe(t0 + 2053);

    await jest.advanceTimersByTimeAsync(1999); // now t0 + 2052
    expect(released).toEqual([]);
    const late = acquireAt(g, released); // a request arriving during the pause waits too

    await jest.advanceTimersByTimeAsync(2000);
    await Promise.all([...waiting, late]);
    expect(released).toHaveLength(5);
    expect(Math.min(...released)).toBeGreaterThanOrEqual(2053);
    // After the pause they leave one at a time, at the cut rate: at least 1000 / 8.5 ms apart.
    const after = [...released].sort((a, b) => a - b);
    for (let i = 1; i < after.length; i++) expect(after[i] - after[i - 1]).toBeGreaterThanOrEqual(Math.floor(1000 / 8.5));
  });

  it('holds requests that were waiting through both a cut and the pause that follows it', async () => {
    const g = new RateGovernor(systemTiming, { initialRate: 10, burstSeconds: 0, decreaseFactor: 0.5, decreaseCooldownMs: 1000 });
    const released: number[] = [];
    const waiting = [1, 2, 3].map(() => acquireAt(g, released)); // slots at 0, 100 and 200 ms
    await jest.advanceTimersByTimeAsync(50);
    g.record(429, 2000); // the cut: 5 a second
    for (let i = 0; i < 3; i++) {
      await jest.advanceTimersByTimeAsync(1);
      g.record(429, 2000); // still throttled: everyone waits until t0 + 2053
    }
    await jest.advanceTimersByTimeAsync(3000);
    await Promise.all(waiting);
    // Neither waiting request leaves at its old slot (100, 200): both wait out the pause, then go 200 ms apart.
    expect(released).toEqual([0, 2053, 2253]);
  });

  it('keeps the place of requests already waiting when more 429s repeat the same Retry-After', async () => {
    const g = new RateGovernor(systemTiming, { initialRate: 10, burstSeconds: 0, decreaseFactor: 0.5, decreaseCooldownMs: 1000 });
    // The cut to 5 a second, then three more answers: the pause until t0 + 2003.
    for (let i = 0; i < 4; i++) {
      if (i > 0) await jest.advanceTimersByTimeAsync(1);
      g.record(429, 2000);
    }
    const released: number[] = [];
    const waiting = [1, 2].map(() => acquireAt(g, released)); // slots at 2003 and 2203 ms
    // Graph answers each of a burst of concurrent requests with the same Retry-After: the pause ends when it did.
    g.record(429, 2000);
    g.record(429, 2000);
    await jest.advanceTimersByTimeAsync(3000);
    await Promise.all(waiting);
    expect(g.snapshot().pausedUntil).toBe(t0 + 2003);
    expect(released).toEqual([2003, 2203]);
  });
});
