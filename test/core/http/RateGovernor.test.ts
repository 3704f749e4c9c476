import { RateGovernor } from '../../../src/core/http/RateGovernor';
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
    g.record(429, 2000);
    g.record(429, 2000);
    expect(g.snapshot().pausedUntil).toBe(timing.now() + 2000);
    timing.advance(1500);
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
});
