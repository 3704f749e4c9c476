// The site look-ups the composition roots need, against the dev tenant: the workbench's site picker and the pane's
// records site on the tenant's own SharePoint host.
import { tenantRecordsSiteUrl } from '../../../../src/core/services/recordsSite/tenantRecordsSiteUrl';
import { findSites } from '../../../../src/core/services/sites/findSites';
import { logRequests } from '../support/requestLog';
import { startServicesTenant, type ServicesTenant } from '../support/servicesTenant';

let tenant: ServicesTenant;
beforeAll(async () => {
  tenant = await startServicesTenant(10);
});
afterAll(() => tenant.close());

it('lists the sites a site owner can choose, by name, each with its address', async () => {
  const sites = await findSites(tenant.graph('site-owner'));
  const paths = sites.map((s) => new URL(s.webUrl).pathname);
  expect(paths).toEqual(expect.arrayContaining(['/sites/finance', '/sites/records', '/sites/legal']));
  const names = sites.map((s) => s.name);
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  expect(names.every((n) => n.trim() !== '')).toBe(true);
});

it("finds the records site on the tenant's own host, reading the host once", async () => {
  const graph = tenant.graph('office-worker');
  const log = logRequests(tenant.url);
  try {
    const recordsSite = tenantRecordsSiteUrl(graph, '/sites/records');
    const first = await recordsSite();
    expect(first).toMatch(/^https:\/\/[^/]+\/sites\/records$/);
    expect(await recordsSite()).toBe(first);
    expect(log.requests.filter((r) => r.url.includes('/sites/root'))).toHaveLength(1);
  } finally {
    log.stop();
  }
});
