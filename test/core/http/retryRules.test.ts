import { decideRetry, type AttemptOutcome } from '../../../src/core/http/retryRules';
import { parseRetryAfter } from '../../../src/core/http/parseRetryAfter';
import { backoffDelay } from '../../../src/core/http/backoffDelay';

const policy = { baseDelayMs: 500, maxDelayMs: 60_000, maxRetries: 3 };
const r = (status: number, retryAfterMs?: number): AttemptOutcome => ({ kind: 'response', status, retryAfterMs });

describe('decideRetry, as a table', () => {
  const rows: [string, AttemptOutcome, { idempotent: boolean; replayable?: boolean; retries?: number }, string | number][] = [
    ['429 with Retry-After, POST', r(429, 7000), { idempotent: false }, 7000],
    ['429 without Retry-After, GET: backoff', r(429), { idempotent: true }, 375],
    ['503 with Retry-After, POST', r(503, 2000), { idempotent: false }, 2000],
    ['503 without Retry-After, POST', r(503), { idempotent: false }, 'not-idempotent'],
    ['503 without Retry-After, GET', r(503), { idempotent: true }, 375],
    ['504, POST', r(504), { idempotent: false }, 'not-idempotent'],
    ['504, DELETE', r(504), { idempotent: true }, 375],
    ['dropped connection, GET', { kind: 'network' }, { idempotent: true }, 375],
    ['dropped connection, POST', { kind: 'network' }, { idempotent: false }, 'not-idempotent'],
    ['aborted, GET', { kind: 'aborted' }, { idempotent: true }, 'aborted'],
    ['429, stream body', r(429, 1000), { idempotent: true, replayable: false }, 'unreplayable-body'],
    ['500, GET', r(500), { idempotent: true }, 'not-retryable'],
    ['404, GET', r(404), { idempotent: true }, 'not-retryable'],
    ['412, PATCH', r(412), { idempotent: true }, 'not-retryable'],
    ['429 after 3 retries', r(429, 1000), { idempotent: true, retries: 3 }, 'exhausted'],
    ['429 asking 10 minutes: capped', r(429, 600_000), { idempotent: true }, 60_000],
    ['third retry, no Retry-After: 2000 * 0.75', r(503), { idempotent: true, retries: 2 }, 1500]
  ];
  it.each(rows)('%s', (_name, outcome, o, expected) => {
    const d = decideRetry(
      { outcome, retriesSoFar: o.retries ?? 0, idempotent: o.idempotent, replayableBody: o.replayable ?? true },
      0.5,
      policy
    );
    if (typeof expected === 'number') expect(d).toEqual({ retry: true, delayMs: expected });
    else expect(d).toEqual({ retry: false, reason: expected });
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 0, 15, 9, 0, 0);
  it.each([
    ['120', 120_000],
    ['0', 0],
    ['1.5', 1500],
    [new Date(now + 30_000).toUTCString(), 30_000],
    ['Thu, 01 Jan 2026 00:00:00 GMT', 0],
    ['', undefined],
    ['-5', undefined],
    ['soon', undefined],
    [null, undefined]
  ])('%s -> %s', (value, ms) => expect(parseRetryAfter(value, now)).toBe(ms));
});

describe('backoffDelay', () => {
  it('doubles per retry, jitters within half a step, and stops at the cap', () => {
    expect([1, 2, 3].map((n) => backoffDelay(n, 0))).toEqual([250, 500, 1000]);
    expect([1, 2, 3].map((n) => backoffDelay(n, 0.999999))).toEqual([500, 1000, 2000]);
    expect(backoffDelay(30, 1)).toBe(60_000);
  });
});
