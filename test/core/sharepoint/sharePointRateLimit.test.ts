import { spGet } from '@pnp/sp';
import { defaultBackoff } from '../../../src/core/http/backoffDelay';
import { RateGovernor } from '../../../src/core/http/RateGovernor';
import { createSharePoint } from '../../../src/core/sharepoint/createSharePoint';
import { fakeTiming } from '../support/fakeTiming';

// SharePoint Online is the service that sends RateLimit-Limit, -Remaining and -Reset ("Avoid getting throttled or
// blocked in SharePoint Online", RateLimit headers), so Custodian's SharePoint REST calls (SetComplianceTagOnBulkItems
// above all) must feed them to the rate governor, as Graph's pipeline does. SharePoint stands in here as a fetch
// answering with the headers of the page's example; virtual time only.
const site = 'https://contoso.sharepoint.com/sites/legal';

function answering(headers: Record<string, string>, status = 200): typeof fetch {
  return (async () => new Response(status === 200 ? '{"value":[]}' : '', { status, headers })) as typeof fetch;
}

async function withFetch<T>(fake: typeof fetch, body: () => Promise<T>): Promise<T> {
  const real = globalThis.fetch;
  globalThis.fetch = fake;
  try {
    return await body();
  } finally {
    globalThis.fetch = real;
  }
}

describe('SharePoint REST and the RateLimit headers', () => {
  it('waits for the window to be refilled when SharePoint says nothing is left, before the next request leaves', async () => {
    const timing = fakeTiming();
    const governor = new RateGovernor(timing, { initialRate: 100, burstSeconds: 0 });
    const sp = createSharePoint(site, { tokens: { getAccessToken: async () => 't' }, timing, governor });
    await withFetch(answering({ 'RateLimit-Limit': '1200', 'RateLimit-Remaining': '0', 'RateLimit-Reset': '31' }), async () => {
      await spGet(sp.api('_api/web'));
      expect(governor.snapshot()).toMatchObject({ pausedUntil: timing.now() + 31_000, throttles: 0 });
      await spGet(sp.api('_api/web'));
    });
    expect(timing.sleeps).toContain(31_000);
  });

  it('after a 429, waits for the later of Retry-After and RateLimit-Reset', async () => {
    const timing = fakeTiming();
    const governor = new RateGovernor(timing, { initialRate: 100, burstSeconds: 0 });
    const sp = createSharePoint(site, {
      tokens: { getAccessToken: async () => 't' },
      timing,
      governor,
      retry: { ...defaultBackoff, maxRetries: 0 }
    });
    await withFetch(
      answering({ 'Retry-After': '5', 'RateLimit-Limit': '1200', 'RateLimit-Remaining': '0', 'RateLimit-Reset': '20' }, 429),
      () => spGet(sp.api('_api/web')).catch(() => undefined)
    );
    expect(governor.snapshot().pausedUntil).toBe(timing.now() + 20_000);
  });
});
