/* eslint-disable @typescript-eslint/no-explicit-any -- tests read SharePoint JSON as a client would, loosely. */
import { TestTenant } from './helpers';

/**
 * Folders and files over SharePoint REST, with the requests CLI for Microsoft 365 11.11.0 sends (dist/m365/spo/commands/
 * folder/folder-get.js, file/file-list.js, file/file-get.js, folder/folder-retentionlabel-ensure.js and -remove.js,
 * file/file-retentionlabel-ensure.js; dist/utils/spo.js applyRetentionLabelToListItems): `accept:
 * application/json;odata=nometadata`, paths encoded with encodeURIComponent and `'` doubled. Microsoft's behaviour:
 * "Working with folders and files with REST" (SP.Folder, SP.File properties), and Purview's record restrictions
 * (https://learn.microsoft.com/purview/records-management#compare-restrictions-for-what-actions-are-allowed-or-blocked).
 */

let t: TestTenant;
let drive: any;
let folder: any;
beforeAll(async () => {
  t = await TestTenant.start({ seed: 12 });
  const site = (await t.get('admin', '/v1.0/sites/custodiandev.sharepoint.com:/sites/records')).json;
  drive = (await t.get('admin', `/v1.0/sites/${site.id}/drives`)).json.value.find((d: any) => d.name === 'Records');
  folder = (await t.call('office-worker', 'POST', `/v1.0/drives/${drive.id}/root/children`, { name: "Fo'lder A", folder: {} })).json;
  const put = (
    await t.call('office-worker', 'PUT', `/v1.0/drives/${drive.id}/items/${folder.id}:/Note.txt:/content`, 'hello', {
      'content-type': 'text/plain'
    })
  ).status;
  expect(put).toBe(201);
});
afterAll(() => t.close());

const nometadata = { accept: 'application/json;odata=nometadata' };
/** formatting.encodeQueryParameter in the CLI: encodeURIComponent, then `'` doubled. */
const q = (v: string) => encodeURIComponent(v).replace(/'/g, "''");
const api = (path: string) => `/sites/records/_api/${path}`;
const folderPath = () => `/sites/records/Records/${folder.name}`;
const labelSelect =
  '?$expand=ListItemAllFields,ListItemAllFields/ParentList/RootFolder&$select=ServerRelativeUrl,ListItemAllFields/ParentList/RootFolder/ServerRelativeUrl,ListItemAllFields/Id';

describe('spo folder get', () => {
  test('GetFolderByServerRelativePath, GetFolderByServerRelativeUrl and GetFolderById answer the same SP.Folder', async () => {
    const byPath = await t.get('site-owner', api(`web/GetFolderByServerRelativePath(DecodedUrl='${q(folderPath())}')`), nometadata);
    expect(byPath.status).toBe(200);
    expect(byPath.json).toMatchObject({
      Exists: true,
      IsWOPIEnabled: false,
      ItemCount: 1,
      Name: folder.name,
      ProgID: null,
      ServerRelativeUrl: folderPath(),
      WelcomePage: ''
    });
    expect(typeof byPath.json.UniqueId).toBe('string');
    expect(typeof byPath.json.TimeCreated).toBe('string');
    const byUrl = await t.get('site-owner', api(`web/GetFolderByServerRelativeUrl('${q(folderPath())}')`), nometadata);
    const byId = await t.get('site-owner', api(`web/GetFolderById('${byPath.json.UniqueId}')`), nometadata);
    expect(byUrl.json).toEqual(byPath.json);
    expect(byId.json).toEqual(byPath.json);
  });

  test('a folder that is not there is 404 File Not Found in the odata.error envelope', async () => {
    const res = await t.get(
      'site-owner',
      api(`web/GetFolderByServerRelativePath(DecodedUrl='${q('/sites/records/Records/Nope')}')`),
      nometadata
    );
    expect(res.status).toBe(404);
    expect(res.json['odata.error']).toMatchObject({
      code: '-2147024894, System.IO.FileNotFoundException',
      message: { value: 'File Not Found.' }
    });
  });

  test('--withPermissions (role assignments) is refused as not served, not ignored', async () => {
    const res = await t.get(
      'site-owner',
      api(
        `web/GetFolderByServerRelativePath(DecodedUrl='${q(folderPath())}')?$expand=ListItemAllFields/HasUniqueRoleAssignments,ListItemAllFields/RoleAssignments/Member,ListItemAllFields/RoleAssignments/RoleDefinitionBindings`
      ),
      nometadata
    );
    expect(res.status).toBe(501);
  });
});

describe('spo file list and spo file get', () => {
  test('Files and Folders with $skip/$top as the CLI pages them; --recursive follows ServerRelativeUrl', async () => {
    const root = await t.get(
      'site-owner',
      api(
        `web/GetFolderByServerRelativePath(DecodedUrl='${q('/sites/records/Records')}')/Folders?$skip=0&$top=5000&$select=ServerRelativeUrl`
      ),
      nometadata
    );
    expect(root.status).toBe(200);
    expect(root.json.value).toContainEqual({ ServerRelativeUrl: folderPath() });
    const files = await t.get(
      'site-owner',
      api(`web/GetFolderByServerRelativePath(DecodedUrl='${q(folderPath())}')/Files?$skip=0&$top=5000`),
      nometadata
    );
    expect(files.status).toBe(200);
    expect(files.json.value).toHaveLength(1);
    expect(files.json.value[0]).toMatchObject({
      CheckOutType: 2,
      Exists: true,
      Length: '5',
      Level: 1,
      Name: 'Note.txt',
      ServerRelativeUrl: `${folderPath()}/Note.txt`,
      UIVersionLabel: '1.0'
    });
    const withFields = await t.get(
      'site-owner',
      api(
        `web/GetFolderByServerRelativePath(DecodedUrl='${q(folderPath())}')/Files?$skip=0&$top=5000&$expand=ListItemAllFields&$select=Name,ListItemAllFields/Id`
      ),
      nometadata
    );
    expect(withFields.json.value[0]).toEqual({ Name: 'Note.txt', ListItemAllFields: { Id: expect.any(Number) } });
  });

  test('GetFileByServerRelativePath(DecodedUrl=@f)/$value gives the bytes (--asString)', async () => {
    const res = await t.get(
      'site-owner',
      api(`web/GetFileByServerRelativePath(DecodedUrl=@f)/$value?@f='${q(`${folderPath()}/Note.txt`)}'`),
      nometadata
    );
    expect(res.status).toBe(200);
    expect(res.text).toBe('hello');
  });
});

describe('spo folder retentionlabel ensure|remove', () => {
  test('a folder resolves to its list item; a library root has ListItemAllFields null', async () => {
    const f = await t.get(
      'site-owner',
      api(`web/GetFolderByServerRelativePath(DecodedUrl='${q(folderPath())}')${labelSelect}`),
      nometadata
    );
    expect(f.status).toBe(200);
    expect(f.json).toEqual({
      ServerRelativeUrl: folderPath(),
      ListItemAllFields: { Id: expect.any(Number), ParentList: { RootFolder: { ServerRelativeUrl: '/sites/records/Records' } } }
    });
    const root = await t.get(
      'site-owner',
      api(`web/GetFolderByServerRelativePath(DecodedUrl='${q('/sites/records/Records')}')${labelSelect}`),
      nometadata
    );
    expect(root.status).toBe(200);
    expect(root.json.ServerRelativeUrl).toBe('/sites/records/Records');
    expect(root.json.ListItemAllFields ?? null).toBeNull();
  });

  test('labelling a folder through the CLI path never lets a locked record in it be deleted (attack)', async () => {
    // A folder of its own, so the listing tests find theirs as made, in any order.
    const witnessFolder = (
      await t.call('office-worker', 'POST', `/v1.0/drives/${drive.id}/root/children`, { name: 'Witness folder', folder: {} })
    ).json;
    const record = (
      await t.call('office-worker', 'PUT', `/v1.0/drives/${drive.id}/items/${witnessFolder.id}:/Witness.txt:/content`, 'original', {
        'content-type': 'text/plain'
      })
    ).json;
    expect(
      (await t.call('admin', 'PATCH', `/v1.0/drives/${drive.id}/items/${record.id}/retentionLabel`, { name: 'Litigation Records' })).status
    ).toBe(201);
    const uid = (
      await t.get(
        'office-worker',
        api(`web/GetFolderByServerRelativePath(DecodedUrl='${q('/sites/records/Records/Witness folder')}')`),
        nometadata
      )
    ).json.UniqueId;
    // `--folderId`: GetFolderById with the CLI's $expand/$select, then SetComplianceTagOnBulkItems on the folder's item.
    const folderItemId = (await t.get('office-worker', api(`web/GetFolderById('${uid}')${labelSelect}`), nometadata)).json.ListItemAllFields
      .Id;
    const listUrl = `${t.url}/sites/records/Records`;
    for (const label of ['Delete After 1 Year', '']) {
      const res = await t.call(
        'office-worker',
        'POST',
        api('SP_CompliancePolicy_SPPolicyStoreProxy_SetComplianceTagOnBulkItems'),
        { listUrl, complianceTagValue: label, itemIds: [folderItemId] },
        nometadata
      );
      expect(res.status).toBe(200);
    }
    expect((await t.get('admin', `/v1.0/drives/${drive.id}/items/${record.id}/retentionLabel`)).json).toMatchObject({
      name: 'Litigation Records',
      retentionSettings: { isRecordLocked: true, isDeleteAllowed: false }
    });
    expect((await t.call('office-worker', 'DELETE', `/v1.0/drives/${drive.id}/items/${record.id}`)).status).toBe(403);
    expect((await t.call('site-owner', 'DELETE', `/v1.0/drives/${drive.id}/items/${record.id}`)).status).toBe(403);
    expect((await t.get('admin', `/v1.0/drives/${drive.id}/items/${record.id}/content`)).text).toBe('original');
  });
});
