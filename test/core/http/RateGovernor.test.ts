import { RateGovernor } from '../../../src/core/http/RateGovernor';
import { systemTiming } from '../../../src/core/http/Timing';
import { fakeTiming } from '../support/fakeTiming';

describe('RateGovernor (AIMD)', () => {
  it('paces permits at its rate, a batch of 20 costing 20', async () => {
    const timing = fakeTiming();
    const g = new RateGovernor(timing, { initialRate: 100, burstSeconds: 0 });
    const start = timing.now();
    for (let i = 0; i < 5; i++) await g.acquire(20);
    // 100 permits at 100 per second: the fifth batch starts 0.8 s after the first.
    expect(timing.now() - start).toBe(800);
  });

  it('cuts the rate once per burst of 429s, then pauses everyone if they keep coming', () => {
    const timing = fakeTiming();
    const g = new RateGovernor(timing, { initialRate: 200, decreaseFactor: 0.85 });
    g.record(429, 1000);
    g.record(429, 1000);
    expect(g.rate).toBeCloseTo(170);
    for (let i = 0; i < 3; i++) {
      timing.advance(10); // three more answers, each its own
      g.record(429, 2000);
    }
    expect(g.snapshot().pausedUntil).toBe(timing.now() + 2000);
    timing.advance(1470);
    g.record(429, 1000);
    expect(g.rate).toBeCloseTo(144.5);
  });

  it('recovers additively while answers are clean, up to its maximum', () => {
    const timing = fakeTiming();
    const g = new RateGovernor(timing, { initialRate: 100, increasePerSecond: 10, maxRate: 120 });
    g.record(429, 1000);
    const low = g.rate;
    for (let i = 0; i < 85; i++) g.record(200);
    expect(g.rate).toBeGreaterThan(low + 9);
    for (let i = 0; i < 10_000; i++) g.record(200);
    expect(g.rate).toBe(120);
  });

  it('rejects a wait when the signal aborts', async () => {
    const timing = fakeTiming();
    const g = new RateGovernor(timing, { initialRate: 1, burstSeconds: 0 });
    await g.acquire();
    const controller = new AbortController();
    controller.abort();
    await expect(g.acquire(1, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('starts within its bounds and reports a clean snapshot', () => {
    const timing = fakeTiming();
    expect(new RateGovernor(timing, { initialRate: 5000 }).rate).toBe(2000);
    expect(new RateGovernor(timing, { initialRate: 0.2 }).rate).toBe(1);
    expect(new RateGovernor(timing).snapshot()).toEqual({ rate: 50, throttles: 0, decreases: 0, pausedUntil: 0 });
  });

  it('lets a short burst start at once after an idle spell, then paces the rest', async () => {
    const timing = fakeTiming();
    // 100 a second with 50 ms of burst: five permits of credit plus the one due now.
    const g = new RateGovernor(timing, { initialRate: 100, burstSeconds: 0.05 });
    for (let i = 0; i < 7; i++) await g.acquire();
    expect(timing.sleeps).toEqual([10]);
  });

  it('counts a request of cost 0 as one permit', async () => {
    const timing = fakeTiming();
    const g = new RateGovernor(timing, { initialRate: 10, burstSeconds: 0 });
    await g.acquire(0);
    await g.acquire(0);
    expect(timing.sleeps).toEqual([100]);
  });

  it('never goes below its minimum rate', () => {
    const g = new RateGovernor(fakeTiming(), { initialRate: 1.1, minRate: 1 });
    g.record(429, 1000);
    expect(g.rate).toBe(1);
  });

  it('grows by half a request per clean answer until the first 429 (slow start), never past its maximum', () => {
    const g = new RateGovernor(fakeTiming(), { initialRate: 10 });
    g.record(200);
    expect(g.rate).toBe(10.5);
    g.record(200, undefined, 20); // a $batch of 20 counts as 20 answers
    expect(g.rate).toBe(20.5);
    g.record(200, undefined, 0);
    expect(g.rate).toBe(21);
    const top = new RateGovernor(fakeTiming(), { initialRate: 1999.8 });
    top.record(200);
    expect(top.rate).toBe(2000);
  });

  it('counts a refusal (404) as an accepted answer, but neither a 500 nor a 503 without Retry-After', () => {
    const g = new RateGovernor(fakeTiming(), { initialRate: 10 });
    g.record(500);
    g.record(503);
    expect(g.snapshot()).toEqual({ rate: 10, throttles: 0, decreases: 0, pausedUntil: 0 });
    g.record(404);
    expect(g.rate).toBe(10.5);
  });

  it('does not take a Retry-After on any other 5xx for throttling (RFC 9110 gives it meaning on a 503 only)', () => {
    const g = new RateGovernor(fakeTiming(), { initialRate: 10 });
    for (const status of [500, 502, 504]) g.record(status, 1000);
    expect(g.snapshot()).toEqual({ rate: 10, throttles: 0, decreases: 0, pausedUntil: 0 });
  });

  it('treats a 503 with Retry-After as throttling (Graph and SharePoint send it so)', () => {
    const g = new RateGovernor(fakeTiming(), { initialRate: 100, decreaseFactor: 0.85 });
    g.record(503, 1000);
    expect(g.snapshot()).toMatchObject({ rate: 85, throttles: 1, decreases: 1 });
  });

  it('after slow start, halves what the service really took in the last whole second', () => {
    const timing = fakeTiming();
    const g = new RateGovernor(timing, { initialRate: 10 });
    for (let i = 0; i < 6; i++) g.record(200); // 13 a second now
    timing.advance(1000);
    for (let i = 0; i < 4; i++) g.record(200); // 15 a second, but only 4 answers in this second
    timing.advance(1000);
    g.record(429, 1000);
    expect(g.rate).toBe(2);
  });

  it('after slow start and a quiet spell (nothing known about the last second), halves its own rate', () => {
    const timing = fakeTiming();
    const g = new RateGovernor(timing, { initialRate: 10 });
    for (let i = 0; i < 6; i++) g.record(200); // 13 a second
    timing.advance(2000);
    g.record(429, 1000);
    expect(g.rate).toBe(6.5);
  });

  it('uses its decrease factor, not slow start, once a cut has happened', () => {
    const timing = fakeTiming();
    const g = new RateGovernor(timing, { initialRate: 10, decreaseFactor: 0.85, decreaseCooldownMs: 500 });
    g.record(429, 1000); // 8.5
    g.record(200, undefined, 100); // + 10 * 100 / 8.5 = 126.147
    expect(g.rate).toBeCloseTo(126.147, 3);
    timing.advance(600); // too soon to measure what the service took: the factor again
    g.record(429, 1000);
    expect(g.rate).toBeCloseTo(107.225, 3);
  });

  // After a first cut to 85, the service accepts `cost` requests in the 2 s before the next 429: the second cut
  // lands at 95% of that measured rate, but never below half nor above 97% of the current rate.
  it.each([
    ['far over the ceiling: half the rate', 20, 42.5],
    ['over it: 95% of the 50 a second it took', 100, 47.5],
    ['at the edge: a 3% trim', 400, 82.45]
  ])('cuts to what the service accepted since the last cut, %s', (_name, cost, expected) => {
    const timing = fakeTiming();
    const g = new RateGovernor(timing, { initialRate: 100, decreaseFactor: 0.85, slowStartGrowth: 0, increasePerSecond: 0 });
    g.record(200, undefined, 40); // accepted before the first cut: not counted in the next measurement
    g.record(429, 1000);
    expect(g.rate).toBe(85);
    timing.advance(500);
    g.record(200, undefined, cost);
    timing.advance(1500);
    g.record(429, 1000);
    expect(g.rate).toBeCloseTo(expected, 6);
    expect(g.snapshot()).toMatchObject({ throttles: 2, decreases: 2 });
  });

  it('measures what the service accepted only over a whole second since the last cut', () => {
    const make = (): { g: RateGovernor; timing: ReturnType<typeof fakeTiming> } => {
      const timing = fakeTiming();
      const g = new RateGovernor(timing, { initialRate: 100, decreaseFactor: 0.85, decreaseCooldownMs: 500, increasePerSecond: 0 });
      g.record(429, 1000); // 85
      timing.advance(500);
      g.record(200, undefined, 50);
      return { g, timing };
    };
    const whole = make();
    whole.timing.advance(500); // 1000 ms after the cut: 50 a second
    whole.g.record(429, 1000);
    expect(whole.g.rate).toBeCloseTo(47.5, 6);
    const short = make();
    short.timing.advance(499); // 999 ms: too short to measure, so the factor
    short.g.record(429, 1000);
    expect(short.g.rate).toBeCloseTo(72.25, 6);
  });

  it('creeps up more slowly past the last rate known to be safe, and forgets it after a blind cut', () => {
    const timing = fakeTiming();
    const g = new RateGovernor(timing, { initialRate: 100, decreaseFactor: 0.85, decreaseCooldownMs: 500 });
    g.record(429, 1000); // 85
    g.record(200, undefined, 180); // + 10 * 180 / 85
    timing.advance(2000);
    g.record(429, 1000); // the service took 90 a second: 95% of it, 85.5, is known to be safe
    expect(g.rate).toBeCloseTo(85.5, 6);
    g.record(200, undefined, 500); // at the safe rate itself: the full additive step, + 5000 / 85.5
    expect(g.rate).toBeCloseTo(143.9795, 3);
    g.record(200, undefined, 10); // past it: a fifth of the step, + 100 / 143.98 / 5
    expect(g.rate).toBeCloseTo(144.1184, 3);
    timing.advance(600);
    g.record(429, 1000); // 600 ms: nothing measured, so a blind cut by the factor, to 122.5007
    g.record(200, undefined, 500); // + 5000 / 122.5007
    g.record(200, undefined, 10); // no safe rate known any more: the full step, + 100 / 163.3168
    expect(g.rate).toBeCloseTo(163.9291, 3);
  });

  it('takes the full additive step up to the safe rate over acceptedShare, and lingers only past it', () => {
    const timing = fakeTiming();
    const g = new RateGovernor(timing, {
      initialRate: 20,
      decreaseFactor: 0.5,
      increasePerSecond: 5,
      acceptedShare: 0.5,
      plateauDivisor: 5,
      decreaseCooldownMs: 1000
    });
    g.record(429, 1000); // a blind cut: 10
    timing.advance(500);
    g.record(200, undefined, 20); // + 5 * 20 / 10 = 20
    timing.advance(500);
    g.record(429, 1000); // the service took 20 in that second: half of it, 10, is known to be safe
    expect(g.rate).toBe(10);
    g.record(200, undefined, 20); // + 5 * 20 / 10: 20, where half the rate is the safe rate itself
    expect(g.rate).toBe(20);
    g.record(200, undefined, 20); // not past it yet: the full step, + 5 * 20 / 20
    expect(g.rate).toBe(25);
    g.record(200, undefined, 20); // past it: a fifth of the step, + 5 * 20 / 25 / 5
    expect(g.rate).toBeCloseTo(25.8, 10);
  });

  it('cuts again once the cooldown has passed, to the millisecond', () => {
    const timing = fakeTiming();
    const g = new RateGovernor(timing, { initialRate: 100, decreaseFactor: 0.5, decreaseCooldownMs: 1000, increasePerSecond: 0 });
    g.record(429, 1000);
    timing.advance(999);
    g.record(429, 1000);
    expect(g.rate).toBe(50);
    timing.advance(1);
    g.record(429, 1000);
    expect(g.rate).toBe(25);
    expect(g.snapshot()).toMatchObject({ throttles: 3, decreases: 2 });
  });

  it('pauses everyone only on the third 429 after a cut, and only when the service says how long', () => {
    const timing = fakeTiming();
    const g = new RateGovernor(timing, { initialRate: 100 });
    g.record(429, 2000); // the cut
    for (let i = 0; i < 2; i++) {
      timing.advance(10);
      g.record(429, 2000);
    }
    expect(g.snapshot().pausedUntil).toBe(0);
    timing.advance(10);
    g.record(429, 2000);
    expect(g.snapshot().pausedUntil).toBe(timing.now() + 2000);

    const blind = new RateGovernor(timing, { initialRate: 100 });
    for (let i = 0; i < 6; i++) {
      timing.advance(10);
      blind.record(429);
    }
    // No Retry-After: nothing says how long, so no one is held; each request backs off on its own.
    expect(blind.snapshot()).toMatchObject({ pausedUntil: 0, throttles: 6, decreases: 1 });
  });

  it('never shortens a pause, but lengthens it when the service asks for longer', () => {
    const timing = fakeTiming();
    const g = new RateGovernor(timing, { initialRate: 100 });
    const start = timing.now();
    for (let i = 0; i < 4; i++) {
      g.record(429, 2000);
      timing.advance(1);
    }
    expect(g.snapshot().pausedUntil).toBe(start + 2003);
    g.record(429, 500);
    expect(g.snapshot().pausedUntil).toBe(start + 2003);
    timing.advance(100);
    g.record(429, 5000);
    expect(g.snapshot().pausedUntil).toBe(start + 5104);
  });
});

describe('RateGovernor: requests already waiting when the rate is cut', () => {
  const t0 = Date.UTC(2026, 0, 15, 9, 0, 0);
  beforeEach(() => jest.useFakeTimers({ now: t0 }));
  afterEach(() => jest.useRealTimers());

  it('queue again at the new pace instead of leaving at the old one', async () => {
    const g = new RateGovernor(systemTiming, { initialRate: 10, burstSeconds: 0, decreaseFactor: 0.5 });
    const released: number[] = [];
    const all = [0, 1, 2].map(() => g.acquire().then(() => released.push(Date.now() - t0)));
    await jest.advanceTimersByTimeAsync(50);
    // Slots were given at 10 a second (0, 100, 200 ms); a 429 at 50 ms halves the rate to 5 a second.
    g.record(429, 1000);
    await jest.advanceTimersByTimeAsync(1000);
    await Promise.all(all);
    // The service's allowance was used up at 50 ms: the second leaves one slot at the new pace after it (250), not at
    // its old slot (100), and the third 200 ms after that, not 100.
    expect(released).toEqual([0, 250, 450]);
  });
});

describe('RateGovernor: requests already waiting when the rate rises', () => {
  const t0 = Date.UTC(2026, 0, 15, 9, 0, 0);
  beforeEach(() => jest.useFakeTimers({ now: t0 }));
  afterEach(() => jest.useRealTimers());

  it('queue again at the faster pace instead of keeping the slots given at the slow one', async () => {
    const g = new RateGovernor(systemTiming, { initialRate: 10, burstSeconds: 0 });
    const released: number[] = [];
    const all = [0, 1, 2, 3].map(() => g.acquire().then(() => released.push(Date.now() - t0)));
    await jest.advanceTimersByTimeAsync(50);
    // Slots were given at 10 a second (0, 100, 200, 300 ms); a clean $batch of 20 answers doubles the rate (slow start).
    g.record(200, undefined, 20);
    expect(g.rate).toBe(20);
    await jest.advanceTimersByTimeAsync(1000);
    await Promise.all(all);
    // 50 ms apart after the first, from now on: a job that starts slow speeds up as soon as its rate does.
    expect(released).toEqual([0, 50, 100, 150]);
  });

  it('keep their slots while the rate creeps up by less than a tenth', async () => {
    const g = new RateGovernor(systemTiming, { initialRate: 10, burstSeconds: 0, slowStartGrowth: 0.1 });
    const released: number[] = [];
    const all = [0, 1, 2].map(() => g.acquire().then(() => released.push(Date.now() - t0)));
    await jest.advanceTimersByTimeAsync(50);
    g.record(200, undefined, 5); // 10.5 a second: not worth waking everyone
    await jest.advanceTimersByTimeAsync(1000);
    await Promise.all(all);
    expect(released).toEqual([0, 100, 200]);
  });

  it('still end their wait with an AbortError when their signal aborts', async () => {
    const g = new RateGovernor(systemTiming, { initialRate: 10, burstSeconds: 0 });
    await g.acquire();
    const controller = new AbortController();
    const waiting = g.acquire(1, controller.signal);
    const settled = expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    g.record(200, undefined, 20); // the pace rises: the request queues again, with its signal
    await jest.advanceTimersByTimeAsync(10);
    controller.abort();
    await settled;
  });
});

// Microsoft Graph evaluates each request of a JSON batch against the throttling limits on its own, and answers those
// over them 429 inside the one batch answer ("Microsoft Graph throttling guidance", section "Throttling and batching",
// https://learn.microsoft.com/graph/throttling). The 429s of one answer are one signal: the requests were sent before
// the governor could react, so they do not show that its cut was not enough.
describe('RateGovernor and the 429s inside one $batch answer', () => {
  it('cut the rate once and pause no one, where 429s in separate answers after the cut pause everyone', () => {
    const timing = fakeTiming();
    const g = new RateGovernor(timing, { initialRate: 200, decreaseFactor: 0.85 });
    for (let i = 0; i < 20; i++) g.record(429, 1000); // one answer: all 20 inner requests throttled
    expect(g.snapshot()).toMatchObject({ rate: 170, throttles: 20, decreases: 1, pausedUntil: 0 });
    for (let i = 0; i < 3; i++) {
      timing.advance(20); // three later answers, still throttled
      g.record(429, 1000);
    }
    expect(g.snapshot().pausedUntil).toBe(timing.now() + 1000);
  });

  it('make the next batch wait one slot at the cut pace, since the allowance was used up when they came', async () => {
    const timing = fakeTiming();
    const g = new RateGovernor(timing, { initialRate: 100, decreaseFactor: 0.5, burstSeconds: 0.05 });
    await g.acquire(20);
    g.record(429, 1000); // 50 a second now
    await g.acquire(20);
    // 20 permits at 50 a second: 400 ms after the 429, not at once (the first of many 429s again).
    expect(timing.sleeps).toEqual([400]);
  });
});

// The ceiling the dev tenant's `--rate` models (a token bucket one second deep, each request of a $batch counting, as
// Graph counts them) and the way bulk labelling drives it: batches of 20, 16 at a time, answered after 50 ms.
describe('RateGovernor against a ceiling of 200 requests a second', () => {
  const t0 = Date.UTC(2026, 0, 15, 9, 0, 0);
  beforeEach(() => jest.useFakeTimers({ now: t0 }));
  afterEach(() => jest.useRealTimers());

  it('keeps near the ceiling with few 429s once it has found it', async () => {
    const rate = 200;
    let tokens = rate;
    let last = t0;
    const take = (): boolean => {
      const now = Date.now();
      tokens = Math.min(rate, tokens + ((now - last) / 1000) * rate);
      last = now;
      if (tokens < 1) return false;
      tokens--;
      return true;
    };
    const g = new RateGovernor(systemTiming);
    const counts = { accepted: 0, throttled: 0, acceptedLate: 0 };
    const endAt = t0 + 30_000;
    const worker = async (): Promise<void> => {
      while (Date.now() < endAt) {
        await g.acquire(20);
        await new Promise((resolve) => setTimeout(resolve, 50));
        for (let i = 0; i < 20; i++) {
          const ok = take();
          g.record(ok ? 200 : 429, ok ? undefined : 1000);
          if (!ok) counts.throttled++;
          else counts.accepted++;
          if (ok && Date.now() >= t0 + 10_000 && Date.now() < endAt) counts.acceptedLate++;
        }
      }
    };
    const workers = Array.from({ length: 16 }, worker);
    await jest.advanceTimersByTimeAsync(32_000);
    await Promise.all(workers);
    // From the tenth second to the thirtieth, at least 95% of the ceiling; overall, at most 1% of the requests 429.
    expect(counts.acceptedLate / 20 / rate).toBeGreaterThanOrEqual(0.95);
    expect(counts.throttled / (counts.accepted + counts.throttled)).toBeLessThanOrEqual(0.01);
  });
});
