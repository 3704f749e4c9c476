/* eslint-disable @typescript-eslint/no-explicit-any -- tests read Graph and SharePoint JSON as a client would, loosely. */
import { TestTenant } from './helpers';

let t: TestTenant;
let legal: any;
let contracts: any;
let listId: string;
let labels: any[];
beforeAll(async () => {
  t = await TestTenant.start({ seed: 5 });
  legal = (await t.get('site-owner', '/v1.0/sites/custodiandev.sharepoint.com:/sites/legal')).json;
  contracts = (await t.get('site-owner', `/v1.0/sites/${legal.id}/drives`)).json.value.find((d: any) => d.name === 'Contracts');
  listId = (await t.get('site-owner', `/sites/legal/_api/web/lists/getByTitle('Contracts')?$select=Id`, nometadata)).json.Id;
  labels = (await t.get('site-owner', '/v1.0/security/dataSecurityAndGovernance/sensitivityLabels')).json.value;
});
afterAll(() => t.close());

const nometadata = { accept: 'application/json;odata=nometadata', 'content-type': 'application/json;odata=nometadata' };
const verbose = { accept: 'application/json;odata=verbose', 'content-type': 'application/json;odata=verbose' };
const listPath = (): string => `/sites/legal/_api/web/lists(guid'${listId}')`;

function appliable(): any[] {
  return labels.flatMap((l: any) => [l, ...(l.sublabels ?? [])]).filter((l: any) => (l.sublabels ?? []).length === 0);
}

async function setDefault(labelId: string, headers: Record<string, string> = nometadata, method = 'MERGE') {
  const h = method === 'PATCH' ? headers : { ...headers, 'x-http-method': method, 'if-match': '*' };
  const body =
    headers === verbose
      ? { __metadata: { type: 'SP.List' }, DefaultSensitivityLabelForLibrary: labelId }
      : { DefaultSensitivityLabelForLibrary: labelId };
  return t.call('site-owner', method === 'PATCH' ? 'PATCH' : 'POST', listPath(), body, h);
}

async function readDefault(headers: Record<string, string> = nometadata): Promise<any> {
  return (await t.get('site-owner', `${listPath()}?$select=DefaultSensitivityLabelForLibrary`, headers)).json;
}

async function extract(itemId: string): Promise<any[]> {
  return (await t.call('site-owner', 'POST', `/v1.0/drives/${contracts.id}/items/${itemId}/extractSensitivityLabels`)).json.labels;
}

describe('DefaultSensitivityLabelForLibrary (SharePoint REST)', () => {
  test('reads empty, sets with MERGE (nometadata) and PATCH (verbose), clears with an empty string', async () => {
    const [first, second] = appliable();
    expect(await readDefault()).toEqual({ DefaultSensitivityLabelForLibrary: '' });
    const set = await setDefault(first.id);
    expect(set.status).toBe(204);
    expect(await readDefault()).toEqual({ DefaultSensitivityLabelForLibrary: first.id });
    const patched = await setDefault(second.id, verbose, 'PATCH');
    expect(patched.status).toBe(204);
    const v = await readDefault(verbose);
    expect(v.d).toMatchObject({ __metadata: { type: 'SP.List' }, DefaultSensitivityLabelForLibrary: second.id });
    // The whole list entity carries it too.
    expect((await t.get('site-owner', listPath(), nometadata)).json.DefaultSensitivityLabelForLibrary).toBe(second.id);
    expect((await setDefault('')).status).toBe(204);
    expect(await readDefault()).toEqual({ DefaultSensitivityLabelForLibrary: '' });
  });

  test('refuses an unknown label, a label with sublabels and another property', async () => {
    const unknown = await setDefault('00000000-0000-0000-0000-000000000000');
    expect(unknown.status).toBe(400);
    expect(unknown.json['odata.error'].message.value).toMatch(/does not exist/);
    const verboseError = await setDefault('not-a-guid', verbose);
    expect(verboseError.status).toBe(400);
    expect(verboseError.json.error.message.value).toMatch(/does not exist/);
    const parent = labels.find((l: any) => (l.sublabels ?? []).length > 0);
    if (parent) expect((await setDefault(parent.id)).status).toBe(400);
    const other = await t.call('site-owner', 'PATCH', listPath(), { Title: 'Renamed' }, nometadata);
    expect(other.status).toBe(501);
    const noOverride = await t.call('site-owner', 'POST', listPath(), { DefaultSensitivityLabelForLibrary: '' }, nometadata);
    expect(noOverride.status).toBe(501);
    expect(await readDefault()).toEqual({ DefaultSensitivityLabelForLibrary: '' });
  });

  test('files uploaded afterwards without a label get it; an edited unlabelled file too; a manual label stays', async () => {
    const [first, second] = appliable();
    const before = await t.call('site-owner', 'PUT', `/v1.0/drives/${contracts.id}/root:/before-default.txt:/content`, 'x');
    expect(await extract(before.json.id)).toEqual([]);
    expect((await setDefault(first.id)).status).toBe(204);

    const put = await t.call('site-owner', 'PUT', `/v1.0/drives/${contracts.id}/root:/after-default.txt:/content`, 'hello');
    expect(put.status).toBe(201);
    expect(await extract(put.json.id)).toEqual([expect.objectContaining({ sensitivityLabelId: first.id, assignmentMethod: 'auto' })]);

    const session = await t.call(
      'site-owner',
      'POST',
      `/v1.0/drives/${contracts.id}/root:/large-after-default.txt:/createUploadSession`,
      {}
    );
    expect(session.status).toBe(200);
    const uploadUrl = new URL(session.json.uploadUrl);
    const done = await t.call('site-owner', 'PUT', uploadUrl.pathname + uploadUrl.search, Buffer.from('abc'), {
      'content-range': 'bytes 0-2/3'
    });
    expect(done.status).toBe(201);
    expect(await extract(done.json.id)).toEqual([expect.objectContaining({ sensitivityLabelId: first.id })]);

    // Editing the file that predates the default labels it.
    await t.call('site-owner', 'PUT', `/v1.0/drives/${contracts.id}/items/${before.json.id}/content`, 'edited');
    expect(await extract(before.json.id)).toEqual([expect.objectContaining({ sensitivityLabelId: first.id })]);

    // A label someone chose is kept when the file is edited.
    const assign = await t.call('site-owner', 'POST', `/v1.0/drives/${contracts.id}/items/${put.json.id}/assignSensitivityLabel`, {
      sensitivityLabelId: second.id,
      assignmentMethod: 'privileged',
      justificationText: 'test'
    });
    expect(assign.status).toBe(202);
    await waitFor(async () => (await extract(put.json.id))[0]?.sensitivityLabelId === second.id);
    await t.call('site-owner', 'PUT', `/v1.0/drives/${contracts.id}/items/${put.json.id}/content`, 'edited');
    expect(await extract(put.json.id)).toEqual([expect.objectContaining({ sensitivityLabelId: second.id })]);

    expect((await setDefault('')).status).toBe(204);
    const cleared = await t.call('site-owner', 'PUT', `/v1.0/drives/${contracts.id}/root:/after-clear.txt:/content`, 'x');
    expect(await extract(cleared.json.id)).toEqual([]);
  });
});

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('timed out');
}
