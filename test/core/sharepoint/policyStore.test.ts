import { CustodianError } from '../../../src/core/http/CustodianError';
import { getAvailableTagsForSite } from '../../../src/core/sharepoint/policyStore/getAvailableTagsForSite';
import { getListComplianceTag } from '../../../src/core/sharepoint/policyStore/getListComplianceTag';
import { lockRecordItem } from '../../../src/core/sharepoint/policyStore/lockRecordItem';
import { setComplianceTagOnBulkItems } from '../../../src/core/sharepoint/policyStore/setComplianceTagOnBulkItems';
import { setListComplianceTag } from '../../../src/core/sharepoint/policyStore/setListComplianceTag';
import { unlockRecordItem } from '../../../src/core/sharepoint/policyStore/unlockRecordItem';
import { readListItemComplianceTag } from '../../../src/core/sharepoint/readListItemComplianceTag';
import { getSiteByUrl } from '../../../src/core/graph/sites/getSiteByUrl';
import { startTestTenant, type TestTenant } from '../support/devTenant';

let tenant: TestTenant;
beforeAll(async () => {
  tenant = await startTestTenant();
});
afterAll(() => tenant.close());

describe('SPPolicyStoreProxy against the dev tenant', () => {
  it('lists the labels published to a site', async () => {
    const site = tenant.site('site-owner', '/sites/finance');
    const tags = await getAvailableTagsForSite(site);
    expect(tags.length).toBeGreaterThan(0);
    expect(tags.map((t) => t.TagName)).toContain('Invoices - 7 Years');
    expect(typeof tags[0].BlockEdit).toBe('boolean');
  });

  it('reads, sets and clears a library default label', async () => {
    const site = tenant.site('site-owner', '/sites/finance');
    const listUrl = `${site.siteUrl}/Audit Reports`;
    await setListComplianceTag(site, listUrl, { complianceTagValue: 'Financial Records - 7 Years' });
    expect(await getListComplianceTag(site, listUrl)).toMatchObject({ TagName: 'Financial Records - 7 Years' });
    await setListComplianceTag(site, listUrl, { complianceTagValue: '' });
    expect(await getListComplianceTag(site, listUrl)).toBeNull();
  });

  it('labels items in bulk and answers with the ids it did not label (what the dev tenant answers; Microsoft does not say)', async () => {
    const site = tenant.site('site-owner', '/sites/finance');
    const listUrl = `${site.siteUrl}/Invoices`;
    const failed = await setComplianceTagOnBulkItems(site, listUrl, 'Financial Records - 7 Years', [1, 2, 3, 999_999]);
    expect(failed).toEqual([999_999]);
    await expect(
      setComplianceTagOnBulkItems(
        site,
        listUrl,
        'x',
        Array.from({ length: 101 }, (_, i) => i + 1)
      )
    ).rejects.toThrow(RangeError);
  });

  // SharePoint REST: `GetList(@u)/items(n)?$select=_ComplianceTag` answers the hidden column as `OData__ComplianceTag`;
  // a list named with a quote, an ampersand, emoji and right-to-left text is reached all the same (`" # %` are not
  // allowed in a list's URL by SharePoint).
  it("reads an item's label back in a list with a hostile name, and says when the item is gone", async () => {
    const graph = tenant.graph('site-owner');
    const site = tenant.site('site-owner', '/sites/finance');
    const siteId = String((await getSiteByUrl(graph, site.siteUrl)).id);
    const name = `O'Brien & Sons 📁 עברית`;
    const list = await graph.call<{ id: string; webUrl: string }>({
      method: 'POST',
      url: `/sites/${encodeURIComponent(siteId)}/lists`,
      body: { displayName: name, list: { template: 'genericList' } },
      action: 'create a list'
    });
    const listUrl = decodeURI(list.webUrl);
    const item = await graph.call<{ id: string }>({
      method: 'POST',
      url: `/sites/${encodeURIComponent(siteId)}/lists/${list.id}/items`,
      body: { fields: { Title: 'A note' } },
      action: 'add an item'
    });
    const id = Number(item.id);
    expect(await readListItemComplianceTag(site, listUrl, id)).toBe('');
    expect(await setComplianceTagOnBulkItems(site, listUrl, 'Financial Records - 7 Years', [id])).toEqual([]);
    expect(await readListItemComplianceTag(site, listUrl, id)).toBe('Financial Records - 7 Years');
    expect(await readListItemComplianceTag(site, listUrl, 999_999)).toBeUndefined();
  });

  it('explains an unknown label in the user terms, from the odata.error envelope', async () => {
    const site = tenant.site('site-owner', '/sites/finance');
    const e = await setListComplianceTag(site, `${site.siteUrl}/Invoices`, { complianceTagValue: "No such label 'x'" }).catch(
      (x: unknown) => x
    );
    expect(e).toBeInstanceOf(CustodianError);
    expect(e).toMatchObject({ source: 'sharepoint', what: "Custodian couldn't set the default retention label of the library." });
    expect((e as CustodianError).status).toBeGreaterThanOrEqual(400);
  });

  it('locks and unlocks a record item', async () => {
    const site = tenant.site('records-manager', '/sites/records');
    const listUrl = `${site.siteUrl}/Records`;
    await setComplianceTagOnBulkItems(site, listUrl, 'Health and Safety - 40 Years', [1]);
    await unlockRecordItem(site, listUrl, 1);
    await lockRecordItem(site, listUrl, 1);
  });
});
