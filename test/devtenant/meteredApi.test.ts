/* eslint-disable @typescript-eslint/no-explicit-any -- Graph JSON read loosely, as a client would. */
// `--metered`: assignSensitivityLabel as a metered API. Outside truth: "Metered APIs and services in Microsoft Graph"
// (https://learn.microsoft.com/graph/metered-api-list: an active Azure subscription must be associated with the app),
// the Graph errors page (402 Payment Required, "The payment requirements for the API haven't been met") and SharePoint's
// tenant limit "Assign Sensitivity Label: 100 per 5 min" ("Avoid getting throttled or blocked in SharePoint Online").
import { parseCliArgs } from '../../src/devtenant/cli';
import { TestTenant, expectGraphError } from './helpers';

async function labelTarget(t: TestTenant): Promise<{ path: string; labelId: string }> {
  const site = (await t.get('office-worker', '/v1.0/sites/custodiandev.sharepoint.com:/sites/records')).json;
  const drive = (await t.get('office-worker', `/v1.0/sites/${encodeURIComponent(site.id)}/drives`)).json.value[0];
  const file = (
    await t.call('office-worker', 'PUT', `/v1.0/drives/${drive.id}/root:/Metered.txt:/content`, 'x', { 'content-type': 'text/plain' })
  ).json;
  const labels = (await t.get('office-worker', '/v1.0/security/dataSecurityAndGovernance/sensitivityLabels')).json.value;
  return {
    path: `/v1.0/drives/${drive.id}/items/${file.id}/assignSensitivityLabel`,
    labelId: labels.find((l: any) => l.isAppliable !== false).id
  };
}

describe('--metered', () => {
  it('unbilled: every call is 402 in Graph’s envelope, and nothing is applied', async () => {
    const t = await TestTenant.start({ items: 0, metered: 'unbilled' });
    try {
      const { path, labelId } = await labelTarget(t);
      for (let i = 0; i < 2; i++) {
        const res = await t.call('office-worker', 'POST', path, { sensitivityLabelId: labelId });
        expectGraphError(res, 402, 'paymentRequired');
        expect(res.headers.get('location')).toBeNull();
      }
    } finally {
      await t.close();
    }
  });

  it('a ceiling: past it a 429 with Retry-After until the oldest call is five minutes old, then accepted again', async () => {
    const t = await TestTenant.start({ items: 0, metered: '3' });
    try {
      const { path, labelId } = await labelTarget(t);
      for (let i = 0; i < 3; i++) expect((await t.call('office-worker', 'POST', path, { sensitivityLabelId: labelId })).status).toBe(202);
      const over = await t.call('office-worker', 'POST', path, { sensitivityLabelId: labelId });
      expectGraphError(over, 429, 'activityLimitReached');
      const retryAfter = Number(over.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(300);
      const clock = await fetch(`${t.url}/devtenant/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ seconds: retryAfter })
      });
      expect(clock.status).toBe(200);
      expect((await t.call('office-worker', 'POST', path, { sensitivityLabelId: labelId })).status).toBe(202);
    } finally {
      await t.close();
    }
  });

  it('off by default: the documented ceiling applies only when asked for', async () => {
    const t = await TestTenant.start({ items: 0 });
    try {
      const { path, labelId } = await labelTarget(t);
      const statuses = new Set<number>();
      for (let i = 0; i < 101; i++) statuses.add((await t.call('office-worker', 'POST', path, { sensitivityLabelId: labelId })).status);
      expect([...statuses]).toEqual([202]);
    } finally {
      await t.close();
    }
  });

  it.each([
    [['--metered', 'unbilled'], { metered: 'unbilled' }],
    [['--metered=billed'], { metered: 'billed' }],
    [['--metered', '20'], { metered: '20' }]
  ])('the CLI takes %j', (argv, expected) => {
    expect(parseCliArgs(argv)).toEqual({ ok: true, options: { ...expected, memory: true } });
  });

  it.each([[['--metered']], [['--metered', 'free']], [['--metered', '0']]])('the CLI refuses %j with a reason', (argv) => {
    const parsed = parseCliArgs(argv);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toMatch(/^--metered/);
  });
});
