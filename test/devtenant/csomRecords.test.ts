/* eslint-disable @typescript-eslint/no-explicit-any -- tests read CSOM JSON as a client would, loosely. */
import { type Persona, TestTenant } from './helpers';

/**
 * CSOM records calls exactly as CLI for Microsoft 365 11.11.0 sends them: dist/utils/spo.js getRequestDigest
 * (`POST {web}/_api/contextinfo`) and getCurrentWebIdentity (a Query of the current Web's ServerRelativeUrl, read
 * back from `_ObjectIdentity_`), then dist/m365/spo/commands/listitem/listitem-record-declare.js, -undeclare.js and
 * listitem-isrecord.js (a StaticMethod of {ea8e1356-5910-4e69-bc05-d0c30ed657fc} on `{web}:list:{id}:item:{n},1`).
 * Microsoft's behaviour: the [MS-CSOM] response (a JSON array: header with SchemaVersion, LibraryVersion, ErrorInfo,
 * TraceCorrelationId, then action id and result pairs); "This item has already been declared a record."
 * (Microsoft.SharePoint.SPException, the answer the CLI's own tests model); Purview's record restrictions
 * (https://learn.microsoft.com/purview/records-management#compare-restrictions-for-what-actions-are-allowed-or-blocked):
 * a record cannot be deleted, and a regulatory record's label cannot be removed by anyone.
 */

let t: TestTenant;
let drive: any;
let listId: string;
let n = 0;
beforeAll(async () => {
  t = await TestTenant.start({ seed: 12 });
  const site = (await t.get('admin', '/v1.0/sites/custodiandev.sharepoint.com:/sites/records')).json;
  drive = (await t.get('admin', `/v1.0/sites/${site.id}/drives`)).json.value.find((d: any) => d.name === 'Records');
  listId = (
    await t.get('admin', `/sites/records/_api/web/lists/getByTitle('Records')?$select=Id`, { accept: 'application/json;odata=nometadata' })
  ).json.Id;
});
afterAll(() => t.close());

const app = 'CLI for Microsoft 365 v11.11.0';
const ns = 'http://schemas.microsoft.com/sharepoint/clientquery/2009';
const pq = '/sites/records/_vti_bin/client.svc/ProcessQuery';

async function digest(who: Persona): Promise<string> {
  const res = await t.call(who, 'POST', '/sites/records/_api/contextinfo', undefined, { accept: 'application/json;odata=nometadata' });
  expect(res.status).toBe(200);
  return res.json.FormDigestValue;
}

/** getCurrentWebIdentity: sent without a content type of its own. */
async function webIdentity(who: Persona, formDigest: string): Promise<string> {
  const body = `<Request AddExpandoFieldTypeSuffix="true" SchemaVersion="15.0.0.0" LibraryVersion="16.0.0.0" ApplicationName="${app}" xmlns="${ns}"><Actions><Query Id="1" ObjectPathId="5"><Query SelectAllProperties="false"><Properties><Property Name="ServerRelativeUrl" ScalarProperty="true" /></Properties></Query></Query></Actions><ObjectPaths><Property Id="5" ParentId="3" Name="Web" /><StaticProperty Id="3" TypeId="{3747adcd-a3c3-41b9-bfab-4a64dd2f1e0a}" Name="Current" /></ObjectPaths></Request>`;
  const res = await t.call(who, 'POST', pq, body, { 'X-RequestDigest': formDigest });
  expect(res.status).toBe(200);
  const json = JSON.parse(res.text);
  expect(json[0]).toMatchObject({ SchemaVersion: '15.0.0.0', ErrorInfo: null, TraceCorrelationId: expect.any(String) });
  const web = json.find((x: any) => x && x._ObjectIdentity_);
  expect(web).toMatchObject({ _ObjectType_: 'SP.Web', ServerRelativeUrl: '/sites/records' });
  return web._ObjectIdentity_;
}

async function records(who: Persona, method: string, num: number, date?: string): Promise<any[]> {
  const d = await digest(who);
  const identity = await webIdentity(who, d);
  const params = `<Parameter ObjectPathId="12" />${date ? `<Parameter Type="DateTime">${date}</Parameter>` : ''}`;
  const body = `<Request AddExpandoFieldTypeSuffix="true" SchemaVersion="15.0.0.0" LibraryVersion="16.0.0.0" ApplicationName="${app}" xmlns="${ns}"><Actions><StaticMethod TypeId="{ea8e1356-5910-4e69-bc05-d0c30ed657fc}" Name="${method}" Id="37"><Parameters>${params}</Parameters></StaticMethod></Actions><ObjectPaths><Identity Id="12" Name="${identity}:list:${listId}:item:${num},1" /></ObjectPaths></Request>`;
  const res = await t.call(who, 'POST', pq, body, { 'Content-Type': 'text/xml', 'X-RequestDigest': d });
  expect(res.status).toBe(200);
  return JSON.parse(res.text);
}

const isRecord = async (num: number): Promise<boolean> => {
  const json = await records('office-worker', 'IsRecord', num);
  expect(json[0].ErrorInfo).toBeNull();
  return json[json.length - 1];
};

async function make(label?: string): Promise<{ id: string; num: number }> {
  const put = await t.call('office-worker', 'PUT', `/v1.0/drives/${drive.id}/root:/CSOM ${++n}.txt:/content`, 'original', {
    'content-type': 'text/plain'
  });
  expect(put.status).toBe(201);
  if (label)
    expect((await t.call('admin', 'PATCH', `/v1.0/drives/${drive.id}/items/${put.json.id}/retentionLabel`, { name: label })).status).toBe(
      201
    );
  const ids = (await t.get('admin', `/v1.0/drives/${drive.id}/items/${put.json.id}?$select=id,sharepointIds`)).json.sharepointIds;
  return { id: put.json.id, num: Number(ids.listItemId) };
}

const del = async (who: Persona, id: string) => (await t.call(who, 'DELETE', `/v1.0/drives/${drive.id}/items/${id}`)).status;

describe('spo listitem record declare | isrecord | undeclare', () => {
  test('declaring makes a locked record: IsRecord true, delete and content edits refused on every path', async () => {
    const f = await make();
    expect(await isRecord(f.num)).toBe(false);
    const declared = await records('office-worker', 'DeclareItemAsRecord', f.num);
    expect(declared).toEqual([
      { SchemaVersion: '15.0.0.0', LibraryVersion: expect.any(String), ErrorInfo: null, TraceCorrelationId: expect.any(String) }
    ]);
    expect(await isRecord(f.num)).toBe(true);
    const item = await t.get(
      'office-worker',
      `/sites/records/_api/web/GetFolderByServerRelativePath(DecodedUrl='%2Fsites%2Frecords%2FRecords')/Files?$expand=ListItemAllFields&$select=Name,ListItemAllFields/OData__IsRecord`,
      {
        accept: 'application/json;odata=nometadata'
      }
    );
    expect(item.json.value.find((x: any) => x.Name === `CSOM ${n}.txt`).ListItemAllFields.OData__IsRecord).toBe(true);
    expect(await del('office-worker', f.id)).toBe(403);
    expect(await del('site-owner', f.id)).toBe(403);
    const recycle = await t.call(
      'office-worker',
      'POST',
      `/sites/records/_api/web/lists(guid'${listId}')/items(${f.num})/recycle()`,
      undefined,
      {
        accept: 'application/json;odata=nometadata'
      }
    );
    expect(recycle.status).toBe(403);
    expect(
      (await t.call('office-worker', 'PUT', `/v1.0/drives/${drive.id}/items/${f.id}/content`, 'tampered', { 'content-type': 'text/plain' }))
        .status
    ).toBe(423);
    // Unlocking through Graph is for label records; it must not lift an in-place declaration.
    await t.call('admin', 'PATCH', `/v1.0/drives/${drive.id}/items/${f.id}/retentionLabel`, {
      retentionSettings: { isRecordLocked: false }
    });
    expect(await del('site-owner', f.id)).toBe(403);
    expect((await t.get('admin', `/v1.0/drives/${drive.id}/items/${f.id}/content`)).text).toBe('original');
  });

  test('declaring twice is the error the CLI prints; a label record counts as declared', async () => {
    const f = await make();
    await records('office-worker', 'DeclareItemAsRecordWithDeclarationDate', f.num, '2019-03-14');
    const again = await records('office-worker', 'DeclareItemAsRecord', f.num);
    expect(again).toHaveLength(1);
    expect(again[0].ErrorInfo).toMatchObject({
      ErrorMessage: 'This item has already been declared a record.',
      ErrorCode: -2146232832,
      ErrorTypeName: 'Microsoft.SharePoint.SPException'
    });
    const labelled = await make('Litigation Records');
    expect(await isRecord(labelled.num)).toBe(true);
    expect((await records('office-worker', 'DeclareItemAsRecord', labelled.num))[0].ErrorInfo.ErrorMessage).toBe(
      'This item has already been declared a record.'
    );
  });

  test('undeclaring needs a list administrator; once undeclared the item can be deleted', async () => {
    const f = await make();
    await records('office-worker', 'DeclareItemAsRecord', f.num);
    const refused = await records('office-worker', 'UndeclareItemAsRecord', f.num);
    expect(refused[0].ErrorInfo).toMatchObject({ ErrorTypeName: 'System.UnauthorizedAccessException' });
    expect(await isRecord(f.num)).toBe(true);
    const done = await records('site-owner', 'UndeclareItemAsRecord', f.num);
    expect(done[0].ErrorInfo).toBeNull();
    expect(await isRecord(f.num)).toBe(false);
    expect(await del('office-worker', f.id)).toBe(204);
  });

  test('a regulatory record cannot be undeclared, not even by an admin, and stays undeletable (attack)', async () => {
    const f = await make('Regulatory Filings - 10 Years');
    expect(await isRecord(f.num)).toBe(true);
    for (const who of ['office-worker', 'site-owner', 'admin'] as Persona[]) {
      const res = await records(who, 'UndeclareItemAsRecord', f.num);
      expect(res[0].ErrorInfo).toMatchObject({ ErrorTypeName: 'Microsoft.SharePoint.SPException' });
      expect(await del(who, f.id)).toBe(403);
    }
    expect(await isRecord(f.num)).toBe(true);
    expect((await t.get('admin', `/v1.0/drives/${drive.id}/items/${f.id}/retentionLabel`)).json.name).toBe('Regulatory Filings - 10 Years');
  });

  test('a locked label record is not undeclared through CSOM (the label decides), so it stays undeletable (attack)', async () => {
    const f = await make('Litigation Records');
    const res = await records('site-owner', 'UndeclareItemAsRecord', f.num);
    expect(res[0].ErrorInfo).not.toBeNull();
    expect(await isRecord(f.num)).toBe(true);
    expect(await del('site-owner', f.id)).toBe(403);
  });
});

describe('what the CSOM endpoint refuses, in CSOM shape', () => {
  const post = (body: string) => t.call('office-worker', 'POST', pq, body, { 'Content-Type': 'text/xml' });

  test.each([
    ['malformed XML', `<Request xmlns="${ns}"><Actions>`, 'Microsoft.SharePoint.Client.InvalidClientQueryException'],
    [
      'a DOCTYPE',
      `<!DOCTYPE x [<!ENTITY a "b">]><Request xmlns="${ns}"><Actions/></Request>`,
      'Microsoft.SharePoint.Client.InvalidClientQueryException'
    ],
    ['another namespace', '<Request xmlns="urn:other"><Actions/></Request>', 'Microsoft.SharePoint.Client.InvalidClientQueryException'],
    [
      'an action the dev tenant does not serve',
      `<Request xmlns="${ns}"><Actions><ObjectPath Id="1" ObjectPathId="3" /></Actions><ObjectPaths><StaticProperty Id="3" TypeId="{3747adcd-a3c3-41b9-bfab-4a64dd2f1e0a}" Name="Current" /></ObjectPaths></Request>`,
      'System.NotSupportedException'
    ],
    [
      'another static method type',
      `<Request xmlns="${ns}"><Actions><StaticMethod TypeId="{00000000-0000-0000-0000-000000000000}" Name="X" Id="1" /></Actions></Request>`,
      'System.NotSupportedException'
    ]
  ])('%s', async (_what, body, typeName) => {
    const res = await post(body);
    expect(res.status).toBe(200);
    const json = JSON.parse(res.text);
    expect(json).toHaveLength(1);
    expect(json[0].ErrorInfo).toMatchObject({
      ErrorMessage: expect.any(String),
      ErrorCode: expect.any(Number),
      ErrorTypeName: typeName,
      ErrorValue: null
    });
    expect(json[0].error).toBeUndefined();
  });

  test('an item of another web is refused', async () => {
    const d = await digest('office-worker');
    const identity = await webIdentity('office-worker', d);
    const other = identity.replace(/:web:[0-9a-f-]+$/i, ':web:00000000-0000-0000-0000-000000000000');
    const res = await post(
      `<Request xmlns="${ns}"><Actions><StaticMethod TypeId="{ea8e1356-5910-4e69-bc05-d0c30ed657fc}" Name="DeclareItemAsRecord" Id="1"><Parameters><Parameter ObjectPathId="2" /></Parameters></StaticMethod></Actions><ObjectPaths><Identity Id="2" Name="${other}:list:${listId}:item:1,1" /></ObjectPaths></Request>`
    );
    expect(JSON.parse(res.text)[0].ErrorInfo).not.toBeNull();
  });
});
