/* eslint-disable @typescript-eslint/no-explicit-any -- tests read Graph and SharePoint JSON as a client would, loosely. */
import { spfi, SPBrowser, spPost, SPQueryable } from '@pnp/sp';
import { InjectHeaders, JSONParse } from '@pnp/queryable';
import { body } from '@pnp/queryable';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { TestTenant } from './helpers';

let t: TestTenant;
beforeAll(async () => {
  t = await TestTenant.start({ seed: 21 });
});
afterAll(() => t.close());

const nometadata = { accept: 'application/json;odata=nometadata', 'content-type': 'application/json;odata=nometadata' };

describe('SharePoint REST as CLI for Microsoft 365 calls it', () => {
  test('labels available on a site, both spellings, v4 paging key', async () => {
    const site = `${t.url}/sites/legal`;
    const dotted = await t.get(
      'site-owner',
      `/sites/legal/_api/SP.CompliancePolicy.SPPolicyStoreProxy.GetAvailableTagsForSite(siteUrl=@a1)?@a1='${encodeURIComponent(site)}'`,
      {
        accept: 'application/json;odata.metadata=none',
        'odata-version': '4.0'
      }
    );
    expect(dotted.status).toBe(200);
    expect(dotted.json.value.length).toBeGreaterThanOrEqual(15);
    const reg = dotted.json.value.find((x: any) => x.TagName === 'Regulatory Filings - 10 Years');
    expect(reg).toMatchObject({
      SuperLock: true,
      BlockEdit: true,
      BlockDelete: true,
      TagDuration: 3650,
      TagRetentionBasedOn: 'CreationAgeInDays'
    });
  });

  test('list default label: get (odata.null), set, get, unknown label', async () => {
    const listUrl = `${t.url}/sites/legal/Shared Documents`;
    const none = await t.call(
      'site-owner',
      'POST',
      '/sites/legal/_api/SP_CompliancePolicy_SPPolicyStoreProxy_GetListComplianceTag',
      { listUrl },
      nometadata
    );
    expect(none.json).toEqual({ 'odata.null': true });
    const set = await t.call(
      'site-owner',
      'POST',
      '/sites/legal/_api/SP_CompliancePolicy_SPPolicyStoreProxy_SetListComplianceTag',
      { listUrl, complianceTagValue: 'Board Minutes - Permanent', blockDelete: false, blockEdit: false, syncToItems: false },
      nometadata
    );
    expect(set.status).toBeLessThan(300);
    const got = await t.call(
      'site-owner',
      'POST',
      '/sites/legal/_api/SP_CompliancePolicy_SPPolicyStoreProxy_GetListComplianceTag',
      { listUrl },
      nometadata
    );
    expect(got.json.TagName).toBe('Board Minutes - Permanent');
    const bad = await t.call(
      'site-owner',
      'POST',
      '/sites/legal/_api/SP_CompliancePolicy_SPPolicyStoreProxy_SetListComplianceTag',
      { listUrl, complianceTagValue: 'abc', blockDelete: false, blockEdit: false, syncToItems: false },
      nometadata
    );
    expect(bad.status).toBe(400);
    expect(bad.json['odata.error'].message.value).toMatch(/^Can not find compliance tag with value: abc/);
    expect(bad.json['odata.error'].code).toBe('-1, Microsoft.SharePoint.Client.InvalidOperationException');
  });

  test('bulk labelling answers the ids that failed; 101 ids are refused', async () => {
    const listUrl = `${t.url}/sites/records/Records`;
    const items = await t.get(
      'site-owner',
      `/sites/records/_api/web/lists/getByTitle('Records')/items?$select=Id,Title,_ComplianceTag,_IsRecord&$top=500`,
      { accept: 'application/json;odata=nometadata' }
    );
    const regulatory = items.json.value.find((i: any) => i.Title === 'Regulatory Return Q4 2019');
    expect(regulatory).toMatchObject({ OData__ComplianceTag: 'Regulatory Filings - 10 Years', OData__IsRecord: true });
    const plain = items.json.value
      .filter((i: any) => i.OData__ComplianceTag === '')
      .slice(0, 2)
      .map((i: any) => i.Id);
    const res = await t.call(
      'site-owner',
      'POST',
      '/sites/records/_api/SP_CompliancePolicy_SPPolicyStoreProxy_SetComplianceTagOnBulkItems',
      { listUrl, complianceTagValue: 'Email - 3 Years', itemIds: [...plain, regulatory.Id, 99999] },
      nometadata
    );
    expect(res.status).toBe(200);
    expect(res.json.value.sort()).toEqual([regulatory.Id, 99999].sort());
    const after = await t.get(
      'site-owner',
      `/sites/records/_api/web/lists/getByTitle('Records')/items(${plain[0]})?$select=_ComplianceTag`,
      { accept: 'application/json;odata=nometadata' }
    );
    expect(after.json.OData__ComplianceTag).toBe('Email - 3 Years');
    const tooMany = await t.call(
      'site-owner',
      'POST',
      '/sites/records/_api/SP_CompliancePolicy_SPPolicyStoreProxy_SetComplianceTagOnBulkItems',
      { listUrl, complianceTagValue: 'Email - 3 Years', itemIds: Array.from({ length: 101 }, (_, i) => i + 1) },
      nometadata
    );
    expect(tooMany.status).toBe(400);
    const unknown = await t.call(
      'site-owner',
      'POST',
      '/sites/records/_api/SP_CompliancePolicy_SPPolicyStoreProxy_SetComplianceTagOnBulkItems',
      { listUrl, complianceTagValue: 'Some non-existing label', itemIds: [1] },
      nometadata
    );
    expect(unknown.json['odata.error'].message.value).toBe('Cannot find retention label with name: Some non-existing label');
  });

  test('lock and unlock a record; verbose shape; hostile titles in getByTitle', async () => {
    const listUrl = `${t.url}/sites/records/Records`;
    const items = await t.get(
      'site-owner',
      `/sites/records/_api/web/lists/getByTitle('Records')/items?$select=Id,_ComplianceTag&$filter=_ComplianceTag eq 'Health and Safety - 40 Years'`,
      { accept: 'application/json;odata=verbose' }
    );
    expect(Array.isArray(items.json.d.results)).toBe(true);
    const id = items.json.d.results[0].Id;
    const unlock = await t.call(
      'site-owner',
      'POST',
      '/sites/records/_api/SP.CompliancePolicy.SPPolicyStoreProxy.UnlockRecordItem()',
      { listUrl, itemId: String(id) },
      nometadata
    );
    expect(unlock.status).toBe(204);
    const again = await t.call(
      'site-owner',
      'POST',
      '/sites/records/_api/SP.CompliancePolicy.SPPolicyStoreProxy.LockRecordItem()',
      { listUrl, itemId: id },
      nometadata
    );
    expect(again.status).toBe(204);
    const missing = await t.get('site-owner', `/sites/legal/_api/web/lists/getByTitle('${encodeURIComponent("O''Brien")}')`, nometadata);
    expect(missing.status).toBe(404);
    expect(missing.json['odata.error'].message.value).toContain("O'Brien");
    const root = await t.get(
      'site-owner',
      `/sites/legal/_api/web/lists/getByTitle('Contracts')/?$expand=RootFolder&$select=RootFolder/ServerRelativeUrl`,
      nometadata
    );
    expect(root.json).toEqual({ RootFolder: { ServerRelativeUrl: '/sites/legal/Contracts' } });
  });
});

describe('@pnp/sp talks to it unchanged', () => {
  test('web, lists, items, the form digest and SPPolicyStoreProxy via spPost', async () => {
    const token = await t.token('site-owner');
    const sp = spfi(`${t.url}/sites/legal`).using(
      SPBrowser({ baseUrl: `${t.url}/sites/legal` }),
      InjectHeaders({ Authorization: `Bearer ${token}` })
    );
    const web = await sp.web();
    expect(web.Title).toBe('Legal');
    const items = await sp.web.lists.getByTitle('Contracts').items.select('Id', 'Title').top(5)();
    expect(items).toHaveLength(5);
    const tags = await spPost(
      SPQueryable([sp.web, `${t.url}/sites/legal/_api/SP.CompliancePolicy.SPPolicyStoreProxy.GetListComplianceTag()`]).using(JSONParse()),
      body({ listUrl: `${t.url}/sites/legal/Contracts` })
    );
    expect(tags).toEqual({ 'odata.null': true });
    const digest = await t.call('site-owner', 'POST', '/sites/legal/_api/contextinfo', undefined, {
      accept: 'application/json;odata=verbose'
    });
    expect(digest.json.d.FormDigestValue).toMatch(/^0x[0-9A-F]{64},/);
  });
});

describe('files by path, as CLI for Microsoft 365 resolves them', () => {
  test("GetFileByServerRelativePath with a doubled '' inside a percent-encoded literal", async () => {
    const put = await t.call(
      'site-owner',
      'PUT',
      `/v1.0/sites/custodiandev.sharepoint.com:/sites/legal:/drive/root:/${encodeURIComponent("Fo'lde'r plan.docx")}:/content`,
      'x',
      {
        'content-type': 'text/plain'
      }
    );
    expect(put.status).toBe(201);
    const literal = encodeURIComponent("/sites/legal/Shared Documents/Fo''lde''r plan.docx");
    const res = await t.get(
      'site-owner',
      `/sites/legal/_api/web/GetFileByServerRelativePath(DecodedUrl='${literal}')?$expand=ListItemAllFields,ListItemAllFields/ParentList/RootFolder&$select=ServerRelativeUrl,ListItemAllFields/ParentList/RootFolder/ServerRelativeUrl,ListItemAllFields/Id`,
      nometadata
    );
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      ServerRelativeUrl: "/sites/legal/Shared Documents/Fo'lde'r plan.docx",
      ListItemAllFields: { Id: expect.any(Number), ParentList: { RootFolder: { ServerRelativeUrl: '/sites/legal/Shared Documents' } } }
    });
    const missing = await t.get(
      'site-owner',
      `/sites/legal/_api/web/GetFileByServerRelativePath(DecodedUrl='${encodeURIComponent('/sites/legal/Shared Documents/none.docx')}')`,
      nometadata
    );
    expect(missing.status).toBe(404);
    expect(missing.json['odata.error'].message.value).toBe('File Not Found.');
  });
});
