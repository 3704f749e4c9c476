import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { decideRetry, isIdempotentMethod, type AttemptOutcome } from '../../../src/core/http/retryRules';
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
    ['third retry, no Retry-After: 2000 * 0.75', r(503), { idempotent: true, retries: 2 }, 1500],
    // Graph's guidance: a 429 without Retry-After is still throttling (the service did nothing), so even a POST
    // may be repeated, after exponential backoff.
    ['429 without Retry-After, POST: backoff', r(429), { idempotent: false }, 375],
    // `Retry-After: 0` means "now": the server's word wins over our own backoff.
    ['429 with Retry-After: 0', r(429, 0), { idempotent: true }, 0],
    ['503 with Retry-After, stream body', r(503, 1000), { idempotent: false, replayable: false }, 'unreplayable-body'],
    ['dropped connection, stream body', { kind: 'network' }, { idempotent: true, replayable: false }, 'unreplayable-body'],
    ['aborted, POST', { kind: 'aborted' }, { idempotent: false }, 'aborted'],
    ['429 on the last allowed retry', r(429, 1000), { idempotent: true, retries: 2 }, 1000],
    ['dropped connection after 3 retries', { kind: 'network' }, { idempotent: true, retries: 3 }, 'exhausted'],
    ['502, GET: not a documented retry case', r(502), { idempotent: true }, 'not-retryable'],
    ['401, GET', r(401), { idempotent: true }, 'not-retryable'],
    ['403 with a Retry-After, POST', r(403, 1000), { idempotent: false }, 'not-retryable']
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
    [null, undefined],
    [undefined, undefined],
    // RFC 9110 §10.2.3: delay-seconds is 1*DIGIT; whitespace around a field value is not part of it (§5.5).
    [' 7 ', 7000],
    ['   ', undefined],
    ['0.001', 1],
    ['.5', 500],
    ['1.', undefined],
    ['7 seconds', undefined],
    ['7s', undefined],
    ['1e3', undefined],
    ['+5', undefined],
    // The three HTTP-date forms RFC 9110 §5.6.7 obliges a recipient to accept, all in GMT, 30 s after `now`.
    ['Thu, 15 Jan 2026 09:00:30 GMT', 30_000],
    ['Thursday, 15-Jan-26 09:00:30 GMT', 30_000],
    ['Thu Jan 15 09:00:30 2026', 30_000],
    // Exactly now, and one second in the past: no wait, never a negative one.
    ['Thu, 15 Jan 2026 09:00:00 GMT', 0],
    ['Thu, 15 Jan 2026 08:59:59 GMT', 0],
    // Not an HTTP-date, though JavaScript's lenient Date.parse reads it as May 2001: a malformed header is
    // treated as absent (backoff), never as "retry at once".
    ['in 5', undefined],
    ['Jan 15', undefined],
    ['2026-01-15T09:00:30Z', undefined],
    ['Thu, 15 Jan 2026 09:00:30', undefined],
    ['Thu, 15 Jan 2026 09:00:30 GMT trailing', undefined],
    ['x Thu, 15 Jan 2026 09:00:30 GMT', undefined],
    ['Thu, 15 Jan 26 09:00:30 GMT', undefined],
    ['Thu, 15 Foo 2026 09:00:30 GMT', undefined],
    ['Thursday, 15-Jan-2026 09:00:30 GMT', undefined],
    ['Thu, 15-Jan-26 09:00:30 GMT', undefined],
    ['Thu Jan 15 09:00:30 26', undefined],
    ['Thu Jan 15 09:00:30 2026 GMT', undefined]
  ])('%j -> %s', (value, ms) => expect(parseRetryAfter(value, now)).toBe(ms));

  it("reads an asctime date as GMT whatever the machine's time zone (RFC 9110 §5.6.7)", () => {
    // jest's sandbox keeps the time zone it started with, so a child process runs under New York's (five hours
    // behind GMT in January): read as local time, the date would be 5 h 30 s away, not 30 s.
    const tsx = path.join(__dirname, '../../../node_modules/.bin/tsx');
    const source = path.join(__dirname, '../../../src/core/http/parseRetryAfter');
    const script = `import { parseRetryAfter } from ${JSON.stringify(source)};
      console.log(JSON.stringify(['Thu Jan 15 09:00:30 2026', 'Thu Jan  5 09:00:30 2026'].map((v) => parseRetryAfter(v, ${now}))));`;
    const out = execFileSync(tsx, ['-e', script], { env: { ...process.env, TZ: 'America/New_York' }, encoding: 'utf8' });
    // The second is ten days before `now`: no wait.
    expect(JSON.parse(out)).toEqual([30_000, 0]);
  }, 30_000);
});

describe('isIdempotentMethod (RFC 9110 §9.2.2)', () => {
  it.each(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'get', 'Delete'])('%s may be repeated', (method) =>
    expect(isIdempotentMethod(method)).toBe(true)
  );
  it.each(['POST', 'PATCH', 'post', 'CONNECT', ''])('%j may not', (method) => expect(isIdempotentMethod(method)).toBe(false));
});

describe('backoffDelay', () => {
  it('doubles per retry, jitters within half a step, and stops at the cap', () => {
    expect([1, 2, 3].map((n) => backoffDelay(n, 0))).toEqual([250, 500, 1000]);
    expect([1, 2, 3].map((n) => backoffDelay(n, 0.999999))).toEqual([500, 1000, 2000]);
    expect(backoffDelay(30, 1)).toBe(60_000);
  });

  it('treats a retry number below 1 as the first retry, never a shorter wait', () => {
    expect(backoffDelay(0, 0)).toBe(250);
    expect(backoffDelay(-3, 0.5)).toBe(375);
  });

  it('caps the exponential step, then jitters within it', () => {
    const policy = { baseDelayMs: 100, maxDelayMs: 300 };
    // Steps 100, 200, 300 (capped from 400), 300: half of each, plus a quarter of it at random() = 0.5.
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, 0.5, policy))).toEqual([75, 150, 225, 225]);
  });
});
