// The dev tenant's RateLimit headers under `--rate`, as "Avoid getting throttled or blocked in SharePoint Online",
// section "RateLimit headers - preview", describes them
// (https://learn.microsoft.com/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online):
// `RateLimit-Limit` the limit in the current window, `RateLimit-Remaining` the quota left in it, `RateLimit-Reset` the
// seconds until the quota is refilled; returned once 80% or more of the limit is used; on a 429 of that limit,
// Remaining is 0 and Retry-After matches Reset.
import { FaultController } from '../../src/devtenant/faults';
import { TestTenant } from './helpers';

function ceiling(rate: number): { faults: FaultController; advance(ms: number): void } {
  let now = Date.UTC(2026, 0, 15, 9, 0, 0);
  const faults = new FaultController(1, { latencyMs: 0, rate, probabilities: {} }, () => now);
  return { faults, advance: (ms) => (now += ms) };
}

describe('RateLimit headers of the rate ceiling (a clock the test moves)', () => {
  it('are absent below 80% of the limit and appear from 80% on', () => {
    const { faults } = ceiling(10);
    for (let i = 0; i < 7; i++) expect(faults.takeRate()).toBeUndefined();
    expect(faults.rateLimitHeaders()).toBeUndefined();
    expect(faults.takeRate()).toBeUndefined();
    expect(faults.rateLimitHeaders()).toEqual({ 'RateLimit-Limit': '10', 'RateLimit-Remaining': '2', 'RateLimit-Reset': '1' });
  });

  it('count exactly the requests the ceiling still accepts: Remaining more succeed, the next is a 429', () => {
    const { faults } = ceiling(10);
    for (let i = 0; i < 9; i++) faults.takeRate();
    const remaining = Number(faults.rateLimitHeaders()?.['RateLimit-Remaining']);
    expect(remaining).toBe(1);
    for (let i = 0; i < remaining; i++) expect(faults.takeRate()).toBeUndefined();
    const retryAfter = faults.takeRate();
    expect(retryAfter).toBe(1);
    expect(faults.rateLimitHeaders()).toEqual({
      'RateLimit-Limit': '10',
      'RateLimit-Remaining': '0',
      'RateLimit-Reset': String(retryAfter)
    });
  });

  it('show the quota refilling with time, and disappear when usage falls below 80%', () => {
    const { faults, advance } = ceiling(10);
    for (let i = 0; i < 10; i++) faults.takeRate();
    advance(100); // one request's worth refilled
    expect(faults.rateLimitHeaders()?.['RateLimit-Remaining']).toBe('1');
    advance(200);
    expect(faults.rateLimitHeaders()).toBeUndefined();
    advance(700); // refilled: Reset was one second
    for (let i = 0; i < 10; i++) expect(faults.takeRate()).toBeUndefined();
  });

  it('are never sent without a ceiling', () => {
    const { faults } = ceiling(0);
    for (let i = 0; i < 100; i++) faults.takeRate();
    expect(faults.rateLimitHeaders()).toBeUndefined();
  });
});

describe('RateLimit headers on the wire (--rate 1: one request a second)', () => {
  let t: TestTenant;
  beforeAll(async () => {
    t = await TestTenant.start({ items: 0, rate: 1 });
  });
  afterAll(() => t.close());

  it('come with the answer that uses the quota up, then with the 429, its Retry-After equal to Reset', async () => {
    const first = await t.get('office-worker', '/v1.0/me');
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-limit')).toBe('1');
    expect(first.headers.get('ratelimit-remaining')).toBe('0');
    expect(first.headers.get('ratelimit-reset')).toBe('1');
    // The bucket was full and this request emptied it; another within the second is over the ceiling.
    const second = await t.get('office-worker', '/_api/web', { accept: 'application/json;odata=nometadata' });
    expect(second.status).toBe(429);
    expect(second.headers.get('ratelimit-remaining')).toBe('0');
    expect(second.headers.get('ratelimit-reset')).toBe(second.headers.get('retry-after'));
  });

  it('stay off control routes, which no ceiling applies to', async () => {
    const res = await fetch(`${t.url}/devtenant/clock`);
    expect(res.status).toBe(200);
    expect(res.headers.get('ratelimit-limit')).toBeNull();
  });
});

describe('without --rate', () => {
  it('no answer carries RateLimit headers', async () => {
    const t = await TestTenant.start({ items: 0 });
    try {
      for (let i = 0; i < 5; i++) expect((await t.get('office-worker', '/v1.0/me')).headers.get('ratelimit-limit')).toBeNull();
    } finally {
      await t.close();
    }
  });
});
