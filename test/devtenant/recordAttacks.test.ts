/* eslint-disable @typescript-eslint/no-explicit-any -- tests read Graph and SharePoint JSON as a client would, loosely. */
import { expectGraphError, TestTenant } from './helpers';

/**
 * Ways an office worker could get round record rules in the dev tenant, each done over HTTP as a person with
 * edit rights could, and each shown refused as SharePoint and Purview refuse it.
 */

let t: TestTenant;
let drive: any;
beforeAll(async () => {
  t = await TestTenant.start({ seed: 12 });
  const site = (await t.get('office-worker', '/v1.0/sites/custodiandev.sharepoint.com:/sites/records')).json;
  drive = (await t.get('office-worker', `/v1.0/sites/${site.id}/drives`)).json.value.find((d: any) => d.name === 'Records');
});
afterAll(() => t.close());

const text = { 'content-type': 'text/plain' };
let n = 0;

async function folder(name: string, parentId = 'root'): Promise<any> {
  const res = await t.call('office-worker', 'POST', `/v1.0/drives/${drive.id}/items/${parentId}/children`, {
    name: `${name} ${++n}`,
    folder: {}
  });
  expect(res.status).toBe(201);
  return res.json;
}

async function upload(path: string, body = 'original'): Promise<any> {
  const res = await t.call('office-worker', 'PUT', `/v1.0/drives/${drive.id}/root:/${path}:/content`, body, text);
  expect(res.status).toBe(201);
  return res.json;
}

const labelUrl = (id: string) => `/v1.0/drives/${drive.id}/items/${id}/retentionLabel`;
const labelOf = async (id: string) => (await t.get('admin', labelUrl(id))).json;

describe('folder labels follow SharePoint and never bypass record rules', () => {
  // https://learn.microsoft.com/purview/create-apply-retention-labels#label-behavior-when-you-use-a-default-label-for-sharepoint
  test('a locked record moved into a folder labelled "Delete After 1 Year" keeps its label and cannot be deleted', async () => {
    const litigation = await folder('Litigation');
    const record = await upload(`${encodeURIComponent(litigation.name)}/Witness statement.txt`);
    expect((await t.call('office-worker', 'PATCH', labelUrl(litigation.id), { name: 'Litigation Records' })).status).toBe(201);
    // The folder's record label reaches the unlabelled file: locked, not explicitly applied.
    expect(await labelOf(record.id)).toMatchObject({
      name: 'Litigation Records',
      isLabelAppliedExplicitly: false,
      retentionSettings: { isRecordLocked: true }
    });
    const scratch = await folder('Scratch');
    const moved = await t.call('office-worker', 'PATCH', `/v1.0/drives/${drive.id}/items/${record.id}`, {
      parentReference: { id: scratch.id }
    });
    expect(moved.status).toBe(200);
    // An item whose label came from its folder keeps it when moved.
    expect((await labelOf(record.id)).name).toBe('Litigation Records');
    expect((await t.call('office-worker', 'PATCH', labelUrl(scratch.id), { name: 'Delete After 1 Year' })).status).toBe(201);
    expect((await labelOf(record.id)).name).toBe('Litigation Records');
    const del = await t.call('office-worker', 'DELETE', `/v1.0/drives/${drive.id}/items/${record.id}`);
    expectGraphError(del, 403);
    expect(del.json.error.innerError.code).toBe('recordCannotBeDeleted');
    expect((await t.get('admin', `/v1.0/drives/${drive.id}/items/${record.id}/content`)).text).toBe('original');
  });

  test("relabelling a record folder with a non-record label leaves its records' labels", async () => {
    const board = await folder('Board');
    const minutes = await upload(`${encodeURIComponent(board.name)}/Minutes.txt`);
    expect((await t.call('office-worker', 'PATCH', labelUrl(board.id), { name: 'Board Minutes - Permanent' })).status).toBe(201);
    expect((await t.call('site-owner', 'PATCH', labelUrl(board.id), { name: 'Delete After 1 Year' })).status).toBe(200);
    expect((await labelOf(minutes.id)).name).toBe('Board Minutes - Permanent');
    expectGraphError(await t.call('office-worker', 'DELETE', `/v1.0/drives/${drive.id}/items/${minutes.id}`), 403);
  });

  test('a folder label reaches unlabelled items, not items with their own label or under a subfolder with its own', async () => {
    const parent = await folder('Parent');
    const child = await folder('Child', parent.id);
    const unlabelled = await upload(`${encodeURIComponent(parent.name)}/Plain.txt`);
    const own = await upload(`${encodeURIComponent(parent.name)}/Own.txt`);
    const deep = await upload(`${encodeURIComponent(parent.name)}/${encodeURIComponent(child.name)}/Deep.txt`);
    expect((await t.call('office-worker', 'PATCH', labelUrl(own.id), { name: 'Email - 3 Years' })).status).toBe(201);
    expect((await t.call('office-worker', 'PATCH', labelUrl(child.id), { name: 'Tax Records - 6 Years' })).status).toBe(201);
    expect((await t.call('office-worker', 'PATCH', labelUrl(parent.id), { name: 'Delete After 1 Year' })).status).toBe(201);
    expect(await labelOf(unlabelled.id)).toMatchObject({ name: 'Delete After 1 Year', isLabelAppliedExplicitly: false });
    expect(await labelOf(own.id)).toMatchObject({ name: 'Email - 3 Years', isLabelAppliedExplicitly: true });
    expect((await labelOf(deep.id)).name).toBe('Tax Records - 6 Years');
    // New files inherit from their nearest labelled folder.
    const later = await upload(`${encodeURIComponent(parent.name)}/${encodeURIComponent(child.name)}/Later.txt`);
    expect(await labelOf(later.id)).toMatchObject({ name: 'Tax Records - 6 Years', isLabelAppliedExplicitly: false });
  });

  test("a regulatory record in a folder keeps its label when the folder's label changes, even by an admin", async () => {
    const f = await folder('Filings');
    const filing = await upload(`${encodeURIComponent(f.name)}/Return.txt`);
    expect((await t.call('admin', 'PATCH', labelUrl(filing.id), { name: 'Regulatory Filings - 10 Years' })).status).toBe(201);
    // Even if it had come from a default, a regulatory label "can only be manually changed or removed" (and it can't be).
    expect((await t.call('admin', 'PATCH', labelUrl(f.id), { name: 'Delete After 1 Year' })).status).toBe(201);
    expect((await labelOf(filing.id)).name).toBe('Regulatory Filings - 10 Years');
  });
});

describe("a library's default record label locks new uploads", () => {
  test('upload by path, upload session and list default: content replacement is refused at once', async () => {
    const set = await t.call(
      'site-owner',
      'POST',
      '/sites/records/_api/SP_CompliancePolicy_SPPolicyStoreProxy_SetListComplianceTag',
      {
        listUrl: '/sites/records/Records',
        complianceTagValue: 'Audit Working Papers - 7 Years',
        blockDelete: false,
        blockEdit: false,
        syncToItems: false
      },
      { accept: 'application/json;odata=nometadata' }
    );
    expect(set.status).toBe(204);
    const simple = await upload(`Default ${++n}.txt`);
    const session = await t.call('office-worker', 'POST', `/v1.0/drives/${drive.id}/root:/Session ${++n}.txt:/createUploadSession`, {});
    const done = await fetch(session.json.uploadUrl, { method: 'PUT', headers: { 'content-range': 'bytes 0-7/8' }, body: 'original' });
    expect(done.status).toBe(201);
    const viaSession = (await done.json()) as any;
    for (const file of [simple, viaSession]) {
      expect(await labelOf(file.id)).toMatchObject({
        name: 'Audit Working Papers - 7 Years',
        retentionSettings: { isRecordLocked: true, isContentUpdateAllowed: false }
      });
      const replaced = await t.call('office-worker', 'PUT', `/v1.0/drives/${drive.id}/items/${file.id}/content`, 'tampered', text);
      expectGraphError(replaced, 423);
      expect((await t.get('admin', `/v1.0/drives/${drive.id}/items/${file.id}/content`)).text).toBe('original');
    }
    await t.call('site-owner', 'POST', '/sites/records/_api/SP_CompliancePolicy_SPPolicyStoreProxy_SetListComplianceTag', {
      listUrl: '/sites/records/Records',
      complianceTagValue: ''
    });
  });

  test('a seeded library whose default starts locked (Personnel Files) locks a new contract', async () => {
    const hr = (await t.get('office-worker', '/v1.0/sites/custodiandev.sharepoint.com:/sites/hr')).json;
    const personnel = (await t.get('office-worker', `/v1.0/sites/${hr.id}/drives`)).json.value.find(
      (d: any) => d.name === 'Personnel Files'
    );
    const put = await t.call('office-worker', 'PUT', `/v1.0/drives/${personnel.id}/root:/Contract ${++n}.txt:/content`, 'original', text);
    expect(put.status).toBe(201);
    const again = await t.call('office-worker', 'PUT', `/v1.0/drives/${personnel.id}/items/${put.json.id}/content`, 'tampered', text);
    expectGraphError(again, 423);
  });
});

describe("a label's retention period changes only as Purview allows", () => {
  const labels = async () => (await t.get('records-manager', '/v1.0/security/labels/retentionLabels')).json.value;
  const days = (d: number) => ({ retentionDuration: { '@odata.type': '#microsoft.graph.security.retentionDurationInDays', days: d } });

  test('a regulatory record label can be extended but not shortened (10 years to 1 day is refused)', async () => {
    // https://learn.microsoft.com/purview/records-management: "The retention period can't be made shorter after the label is saved, only extended."
    const reg = (await labels()).find((l: any) => l.displayName === 'Regulatory Filings - 10 Years');
    const url = `/v1.0/security/labels/retentionLabels/${reg.id}`;
    const shorter = await t.call('records-manager', 'PATCH', url, days(1));
    expectGraphError(shorter, 400, 'invalidRequest');
    expect(shorter.json.error.message).toMatch(/only be extended/);
    expect((await t.get('records-manager', url)).json.retentionDuration.days).toBe(3650);
    expect((await t.call('records-manager', 'PATCH', url, days(4000))).status).toBe(204);
    const forever = { retentionDuration: { '@odata.type': '#microsoft.graph.security.retentionDurationForever' } };
    expect((await t.call('records-manager', 'PATCH', url, forever)).status).toBe(204);
    expectGraphError(await t.call('records-manager', 'PATCH', url, days(36525)), 400);
  });

  test('other labels may be shortened, except one that counts from when items were labelled', async () => {
    // https://learn.microsoft.com/purview/create-apply-retention-labels#updating-retention-labels-and-their-policies
    const all = await labels();
    const email = all.find((l: any) => l.displayName === 'Email - 3 Years'); // counts from creation
    expect((await t.call('records-manager', 'PATCH', `/v1.0/security/labels/retentionLabels/${email.id}`, days(30))).status).toBe(204);
    const litigation = all.find((l: any) => l.displayName === 'Litigation Records'); // counts from labelling
    expectGraphError(await t.call('records-manager', 'PATCH', `/v1.0/security/labels/retentionLabels/${litigation.id}`, days(4000)), 400);
  });
});
