import { CustodianError } from '../../../src/core/http/CustodianError';
import { getAvailableTagsForSite } from '../../../src/core/sharepoint/policyStore/getAvailableTagsForSite';
import { getListComplianceTag } from '../../../src/core/sharepoint/policyStore/getListComplianceTag';
import { lockRecordItem } from '../../../src/core/sharepoint/policyStore/lockRecordItem';
import { setComplianceTagOnBulkItems } from '../../../src/core/sharepoint/policyStore/setComplianceTagOnBulkItems';
import { setListComplianceTag } from '../../../src/core/sharepoint/policyStore/setListComplianceTag';
import { unlockRecordItem } from '../../../src/core/sharepoint/policyStore/unlockRecordItem';
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

  it('labels items in bulk and reports the ids that failed', async () => {
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
