// The governor reads SharePoint's RateLimit headers to slow down before a 429. Outside truth: "Avoid getting throttled
// or blocked in SharePoint Online", section "RateLimit headers - preview"
// (https://learn.microsoft.com/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online):
// RateLimit-Limit is the limit in the current window, RateLimit-Remaining what is left of it, RateLimit-Reset the
// seconds until it is refilled; they come once an app has used 80% of its one-minute limit; on a 429 honour the
// greater of Retry-After and RateLimit-Reset. Virtual time only (fakeTiming): no test waits on the wall clock.
import { parseRateLimit } from '../../../src/core/http/parseRateLimit';
import { RateGovernor } from '../../../src/core/http/RateGovernor';
import { throttleWaitMs } from '../../../src/core/http/throttleWaitMs';
import { fakeTiming, type FakeTiming } from '../support/fakeTiming';

const sharePoint = 'https://contoso.sharepoint.com';
const headers = (h: Record<string, string>): Headers => new Headers(h);

/**
 * A service with SharePoint's app limit: `limit` requests a one-minute window, answering 429 (Retry-After: the rest
 * of the window) past it, and the RateLimit headers from 80% of the limit on, as the page's first example shows.
 */
function oneMinuteQuota(timing: FakeTiming, limit: number) {
  const windowMs = 60_000;
  let windowStart = timing.now();
  let used = 0;
  return (): { status: number; retryAfterMs?: number; quota?: { limit: number; remaining: number; resetMs: number } } => {
    const now = timing.now();
    if (now - windowStart >= windowMs) {
      windowStart += Math.floor((now - windowStart) / windowMs) * windowMs;
      used = 0;
    }
    const resetMs = Math.ceil((windowStart + windowMs - now) / 1000) * 1000;
    if (used >= limit) return { status: 429, retryAfterMs: resetMs, quota: { limit, remaining: 0, resetMs } };
    used++;
    return used >= 0.8 * limit ? { status: 200, quota: { limit, remaining: limit - used, resetMs } } : { status: 200 };
  };
}

/** Sends `count` requests through the governor, as the pipeline does; counts the 429s and the answers per window. */
async function drive(readHeaders: boolean, count: number) {
  const timing = fakeTiming();
  const start = timing.now();
  const g = new RateGovernor(timing, { initialRate: 50 });
  const service = oneMinuteQuota(timing, 1200);
  let throttled = 0;
  const acceptedPerWindow: number[] = [];
  for (let i = 0; i < count; i++) {
    await g.acquire();
    const answer = service();
    if (readHeaders) g.noteQuota(sharePoint, answer.quota);
    g.record(answer.status, answer.retryAfterMs);
    if (answer.status === 429) throttled++;
    else {
      const w = Math.floor((timing.now() - start) / 60_000);
      acceptedPerWindow[w] = (acceptedPerWindow[w] ?? 0) + 1;
    }
  }
  return { throttled, acceptedPerWindow };
}

describe('RateGovernor and the RateLimit headers', () => {
  it('reading them, it goes through two windows of 1,200 without a 429 and still uses 95% of each', async () => {
    const run = await drive(true, 2400);
    expect(run.throttled).toBe(0);
    expect(run.acceptedPerWindow[0]).toBeGreaterThanOrEqual(0.95 * 1200);
  });

  it('not reading them, the same traffic meets 429s (what the headers spare)', async () => {
    const run = await drive(false, 2400);
    expect(run.throttled).toBeGreaterThan(0);
  });

  it('paces what is left so that it lasts until Reset: 120 left for 5 s is 24 a second, whatever its own rate', async () => {
    const timing = fakeTiming();
    const g = new RateGovernor(timing, { initialRate: 100, burstSeconds: 0 });
    g.noteQuota(sharePoint, { limit: 1200, remaining: 120, resetMs: 5000 });
    for (let i = 0; i < 4; i++) await g.acquire();
    expect(timing.sleeps.map((ms) => Math.round(ms * 24))).toEqual([1000, 1000, 1000]);
    expect(g.rate).toBe(100); // no 429 came: the rate itself is not cut
  });

  it('does not slow down on headers that leave plenty (under 80% used)', async () => {
    const timing = fakeTiming();
    const g = new RateGovernor(timing, { initialRate: 100, burstSeconds: 0 });
    g.noteQuota(sharePoint, { limit: 1200, remaining: 600, resetMs: 30_000 });
    for (let i = 0; i < 3; i++) await g.acquire();
    expect(timing.sleeps).toEqual([10, 10]);
  });

  it('makes everyone wait for the Reset when nothing is left, before any 429', async () => {
    const timing = fakeTiming();
    const g = new RateGovernor(timing, { initialRate: 100, burstSeconds: 0 });
    g.noteQuota(sharePoint, { limit: 1200, remaining: 0, resetMs: 31_000 });
    expect(g.snapshot()).toMatchObject({ pausedUntil: timing.now() + 31_000, throttles: 0 });
  });

  it('lifts the pace when the same service answers without them (usage back under 80%), not when another does', async () => {
    const timing = fakeTiming();
    const g = new RateGovernor(timing, { initialRate: 100, burstSeconds: 0 });
    g.noteQuota(sharePoint, { limit: 1200, remaining: 10, resetMs: 10_000 }); // 1 a second
    g.noteQuota('https://graph.microsoft.com', undefined);
    await g.acquire();
    await g.acquire();
    expect(timing.sleeps).toEqual([1000]);
    g.noteQuota(sharePoint, undefined);
    await g.acquire();
    await g.acquire();
    expect(timing.sleeps).toEqual([1000, 10]);
  });

  it('stops growing while they warn, then grows additively, not by slow start', () => {
    const timing = fakeTiming();
    const g = new RateGovernor(timing, { initialRate: 10, increasePerSecond: 10 });
    g.noteQuota(sharePoint, { limit: 100, remaining: 20, resetMs: 5000 });
    g.record(200);
    expect(g.rate).toBe(10);
    g.noteQuota(sharePoint, undefined);
    g.record(200);
    expect(g.rate).toBe(11); // + 10 / 10, where slow start would have added 0.5... times more each answer
  });
});

// Reset comes in whole seconds: for a window of about a second (a per-second ceiling), "1" may mean 50 ms, and pacing
// Remaining over a whole second would send a fraction of what the service takes. Such headers are left to the 429s for
// the pace; but whatever the Reset, they say 80% of the quota is used, so the ceiling is near and slow start ends.
it('leaves the pace under a warning whose Reset is under two seconds to the 429s, but ends slow start', async () => {
  const timing = fakeTiming();
  const g = new RateGovernor(timing, { initialRate: 100, burstSeconds: 0, increasePerSecond: 10 });
  g.noteQuota(sharePoint, { limit: 200, remaining: 10, resetMs: 1000 });
  g.noteQuota(sharePoint, { limit: 200, remaining: 0, resetMs: 1000 });
  expect(g.snapshot().pausedUntil).toBeLessThanOrEqual(timing.now());
  g.record(200);
  expect(g.rate).toBeCloseTo(100.1, 10); // additive: + 10 / 100 an answer, where slow start would add 0.5
  await g.acquire();
  await g.acquire();
  // About 100 a second, not the 10 a second that 10 left over one second would give.
  expect(timing.sleeps.map((ms) => Math.round(ms))).toEqual([10]);
});

describe('parseRateLimit', () => {
  it.each([
    [
      'the page example',
      { 'RateLimit-Limit': '1200', 'RateLimit-Remaining': '120', 'RateLimit-Reset': '5' },
      { limit: 1200, remaining: 120, resetMs: 5000 }
    ],
    [
      'a draft-03 quota policy after the limit',
      { 'RateLimit-Limit': '100, 100;w=60', 'RateLimit-Remaining': '3', 'RateLimit-Reset': '7' },
      { limit: 100, remaining: 3, resetMs: 7000 }
    ],
    ['one header missing', { 'RateLimit-Limit': '100', 'RateLimit-Reset': '7' }, undefined],
    ['a value that is not a count', { 'RateLimit-Limit': '100', 'RateLimit-Remaining': '-1', 'RateLimit-Reset': '7' }, undefined],
    ['none', {}, undefined]
  ])('%s', (_name, h, expected) => {
    expect(parseRateLimit(headers(h))).toEqual(expected);
  });
});

describe('throttleWaitMs', () => {
  const now = Date.UTC(2026, 0, 15, 9, 0, 0);
  it('honours the greater of Retry-After and RateLimit-Reset on a 429', () => {
    const h = headers({ 'Retry-After': '9', 'RateLimit-Limit': '1200', 'RateLimit-Remaining': '0', 'RateLimit-Reset': '31' });
    expect(throttleWaitMs(429, h, now)).toBe(31_000);
    const longer = headers({ 'Retry-After': '40', 'RateLimit-Limit': '1200', 'RateLimit-Remaining': '0', 'RateLimit-Reset': '31' });
    expect(throttleWaitMs(429, longer, now)).toBe(40_000);
  });

  it('reads Retry-After alone when there are no RateLimit headers, and ignores Reset on an answer that is not throttled', () => {
    expect(throttleWaitMs(429, headers({ 'Retry-After': '9' }), now)).toBe(9000);
    expect(
      throttleWaitMs(200, headers({ 'RateLimit-Limit': '1200', 'RateLimit-Remaining': '100', 'RateLimit-Reset': '5' }), now)
    ).toBeUndefined();
  });
});
