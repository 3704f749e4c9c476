/* eslint-disable @typescript-eslint/no-explicit-any -- tests read Graph and SharePoint JSON as a client would, loosely. */
import fs from 'node:fs';
import path from 'node:path';
import { TestTenant, type Persona } from './helpers';
import { conformanceDiff, expectedBody, shapeDiff, type Fixture } from './shape';

/**
 * Plain fetch with the example requests from Microsoft's API pages (kept, with the page they come from, in
 * fixtures/), each answer compared with the documented example's shape. Ids, names and placeholders of the
 * examples are replaced with the dev tenant's own; each test names what it replaces.
 */

const fixture = (name: string): Fixture => JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', `${name}.json`), 'utf8')) as Fixture;

let t: TestTenant;
let driveId: string;
beforeAll(async () => {
  t = await TestTenant.start({ seed: 31, items: 150 });
  const drive = await t.get('office-worker', '/v1.0/sites/custodiandev.sharepoint.com:/sites/finance:/drive');
  driveId = drive.json.id;
});
afterAll(() => t.close());

interface Sent {
  status: number;
  headers: Headers;
  json: any;
  text: string;
}

/** Sends a fixture's request to the dev tenant, after the replacements, as a persona. */
async function send(f: Fixture, persona: Persona, replace: [string, string][] = [], body?: unknown): Promise<Sent> {
  let url = f.request.url.replace(/^https:\/\/graph\.microsoft\.com/, t.url);
  for (const [from, to] of replace) url = url.split(from).join(to);
  let payload: string | undefined;
  if (body !== undefined || f.request.body !== undefined) {
    payload = JSON.stringify(body ?? f.request.body);
    for (const [from, to] of replace) payload = payload.split(from).join(to);
  }
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(f.request.headers ?? {})) if (k.toLowerCase() !== 'authorization') headers[k] = v;
  headers.authorization = `Bearer ${await t.token(persona)}`;
  const res = await fetch(url, { method: f.request.method, headers, body: payload });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

/** The first file (not folder) in the drive's root whose item satisfies `pick`. */
async function findFile(pick: (item: any) => boolean): Promise<any> {
  const res = await t.get('office-worker', `/v1.0/drives/${driveId}/root/children?$expand=retentionLabel&$top=999`);
  const hit = res.json.value.find((i: any) => i.file && pick(i));
  if (!hit) throw new Error('no seeded file fits the test');
  return hit;
}

async function labels(): Promise<any[]> {
  return (await t.get('records-manager', '/v1.0/security/labels/retentionLabels')).json.value;
}

describe('examples from Microsoft API pages, answers in the documented shape', () => {
  test('driveitem-get (a library root instead of /me/drive/root)', async () => {
    const f = fixture('driveitem-get');
    const res = await send(f, 'office-worker', [['/me/drive/root', `/drives/${driveId}/root`]]);
    expect(res.status).toBe(f.response.status);
    expect(conformanceDiff(f, res.json)).toEqual([]);
  });

  test('driveitem-setretentionlabel: 201 the first time, 200 after, the documented itemRetentionLabel', async () => {
    const f = fixture('driveitem-setretentionlabel');
    const item = await findFile((i) => !i.retentionLabel?.name);
    const label = (await labels()).find((l) => l.behaviorDuringRetentionPeriod === 'retain');
    const replace: [string, string][] = [
      ['22e064df-3562-4a3c-98c3-74721ca06aa0', driveId],
      ['44d372fc-2eb6-4c85-8538-f3a0386a568f', item.id],
      ['Retention label for Contracts', label.displayName]
    ];
    const first = await send(f, 'office-worker', replace);
    expect(first.status).toBe(201);
    expect(conformanceDiff(f, first.json)).toEqual([]);
    const again = await send(f, 'office-worker', replace);
    expect(again.status).toBe(f.response.status);
    expect(conformanceDiff(f, again.json)).toEqual([]);
    expect(again.json.name).toBe(label.displayName);

    const remove = fixture('driveitem-removeretentionlabel');
    const removed = await send(remove, 'office-worker', [
      ['{drive-id}', driveId],
      ['{item-id}', item.id]
    ]);
    expect(removed.status).toBe(remove.response.status);
    expect(removed.text).toBe('');
  });

  test('list-post-columns: 201 and the documented columnDefinition, listed after; the documented Title meets the existing one', async () => {
    const f = fixture('list-post-columns');
    const site = (await t.get('site-owner', '/v1.0/sites/custodiandev.sharepoint.com:/sites/finance')).json;
    const list = (await t.get('site-owner', `/v1.0/sites/${site.id}/lists/Invoices`)).json;
    const ids: [string, string][] = [
      ['{site-id}', site.id],
      ['{list-id}', list.id]
    ];
    const created = await send(f, 'site-owner', [...ids, ['"Title"', '"ReviewNote"']]);
    expect(created.status).toBe(f.response.status);
    expect(conformanceDiff(f, created.json)).toEqual([]);
    expect(created.json).toMatchObject({ name: 'ReviewNote', displayName: 'ReviewNote', description: 'test', indexed: false });
    const columns = (await t.get('site-owner', `/v1.0/sites/${site.id}/lists/${list.id}/columns`)).json.value;
    expect(columns.filter((c: any) => c.name === 'ReviewNote')).toEqual([created.json]);
    const duplicate = await send(f, 'site-owner', ids);
    expect(duplicate.status).toBe(409);
    expect(duplicate.json.error.message).toContain("'Title'");
  });

  test('driveitem-lockorunlockrecord on a record', async () => {
    const f = fixture('driveitem-lockorunlockrecord');
    const item = await findFile((i) => !i.retentionLabel?.name);
    const record = (await labels()).find((l) => l.behaviorDuringRetentionPeriod === 'retainAsRecord');
    const replace: [string, string][] = [
      ['22e064df-3562-4a3c-98c3-74721ca06aa0', driveId],
      ['44d372fc-2eb6-4c85-8538-f3a0386a568f', item.id]
    ];
    const labelUrl = `/v1.0/drives/${driveId}/items/${item.id}/retentionLabel`;
    expect((await t.call('records-manager', 'PATCH', labelUrl, { name: record.displayName })).status).toBe(201);
    const unlocked = await send(f, 'records-manager', replace, { retentionSettings: { isRecordLocked: false } });
    expect(unlocked.status).toBe(200);
    const res = await send(f, 'records-manager', replace);
    expect(res.status).toBe(f.response.status);
    expect(conformanceDiff(f, res.json)).toEqual([]);
    expect(res.json.retentionSettings.isRecordLocked).toBe(true);
  });

  test('security-labelsroot-list-retentionlabel, and with $expand=descriptors', async () => {
    const f = fixture('security-labelsroot-list-retentionlabel');
    const res = await send(f, 'records-manager');
    expect(res.status).toBe(f.response.status);
    expect(conformanceDiff(f, res.json)).toEqual([]);
    const expanded = await t.get('records-manager', `/v1.0/security/labels/retentionLabels?${f.expand?.query}`);
    expect(conformanceDiff(f, expanded.json)).toEqual([]);
    const withDescriptors = expanded.json.value.filter((l: any) => l.descriptors);
    expect(withDescriptors.length).toBeGreaterThan(0);
    for (const l of withDescriptors) expect(shapeDiff(f.expand?.shape, l.descriptors, { errata: f.expand?.errata })).toEqual([]);
  });

  test('security-retentionevent-post (the template filled in)', async () => {
    const f = fixture('security-retentionevent-post');
    const types = await t.get('records-manager', '/v1.0/security/triggerTypes/retentionEventTypes');
    const typeId = types.json.value[0].id;
    const documented = f.request.body as Record<string, unknown>;
    const body = {
      ...documented,
      displayName: 'Contract expiry: Northwind',
      description: 'Contract ended',
      eventQuery: [{ '@odata.type': 'microsoft.graph.security.eventQuery', queryType: 'files', query: 'ComplianceAssetId:NW-1' }],
      eventTriggerDateTime: '2026-01-15T00:00:00Z',
      'retentionEventType@odata.bind': (documented['retentionEventType@odata.bind'] as string).replace(
        '9eecef97-fb3c-4c68-825b-4dd74530863a',
        typeId
      )
    };
    const res = await send(f, 'records-manager', [], body);
    expect(res.status).toBe(f.response.status);
    expect(conformanceDiff(f, res.json)).toEqual([]);
    expect(res.json.eventQueries).toEqual([{ queryType: 'files', query: 'ComplianceAssetId:NW-1' }]);
  });

  test('tenantdatasecurityandgovernance-list-sensitivitylabels with its $filter (has, in)', async () => {
    const f = fixture('tenantdatasecurityandgovernance-list-sensitivitylabels');
    const all = (await t.get('office-worker', '/v1.0/security/dataSecurityAndGovernance/sensitivityLabels')).json.value;
    const forFiles = all.filter((l: any) => String(l.applicableTo).split(',').includes('file'));
    expect(forFiles.length).toBeGreaterThan(1);
    const res = await send(f, 'office-worker', [
      ['4e4234dd-377b-42a3-935b-0e42f138fa23', forFiles[0].id],
      ['b7a21bba-8197-491f-a5d6-0d0f955397ca', forFiles[1].id]
    ]);
    expect(res.status).toBe(f.response.status);
    expect(conformanceDiff(f, res.json)).toEqual([]);
    expect(res.json.value.map((l: any) => l.id).sort()).toEqual([forFiles[0].id, forFiles[1].id].sort());
    expect(res.headers.get('client-request-id')).toBe(f.request.headers?.['Client-Request-Id']);
  });

  test('driveitem-assignsensitivitylabel: 202, empty body, Location monitor; then extractSensitivityLabels', async () => {
    const f = fixture('driveitem-assignsensitivitylabel');
    const item = await findFile(() => true);
    const all = (await t.get('office-worker', '/v1.0/security/dataSecurityAndGovernance/sensitivityLabels?$expand=sublabels')).json.value;
    const appliable = [...all, ...all.flatMap((l: any) => l.sublabels ?? [])].find(
      (l: any) => l.isAppliable !== false && !l.sublabels?.length
    );
    const res = await send(f, 'office-worker', [
      [`/drive/root/items/016GVDAP3RCQS5VBQHORFIVU2ZMOSBL25U`, `/drives/${driveId}/items/${item.id}`],
      ['5feba255-812e-446a-ac59-a7044ef827b5', appliable.id]
    ]);
    expect(res.status).toBe(f.response.status);
    expect(res.text).toBe('');
    const location = res.headers.get('location') as string;
    expect(location.startsWith(`${t.url}/`)).toBe(true);
    let status = '';
    for (let i = 0; i < 100 && status !== 'completed'; i++) {
      const m = await fetch(location);
      status = ((await m.json()) as { status: string }).status;
      if (status !== 'completed') await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(status).toBe('completed');

    const x = fixture('driveitem-extractsensitivitylabels');
    const extracted = await send(x, 'office-worker', [[`/drive/root/items/{item-id}`, `/drives/${driveId}/items/${item.id}`]]);
    expect(extracted.status).toBe(x.response.status);
    expect(conformanceDiff(x, extracted.json)).toEqual([]);
    expect(extracted.json.labels.map((l: any) => l.sensitivityLabelId)).toEqual([appliable.id]);
    expect(expectedBody(x)).toHaveProperty('labels');
  });

  test('listitem-list with expand=fields(select=Name,Color,Quantity)', async () => {
    const f = fixture('listitem-list');
    const site = (await t.get('office-worker', '/v1.0/sites/custodiandev.sharepoint.com:/sites/projects')).json.id;
    const created = await t.call('site-owner', 'POST', `/v1.0/sites/${site}/lists`, {
      displayName: 'Inventory',
      columns: [
        { name: 'Name', text: {} },
        { name: 'Color', text: {} },
        { name: 'Quantity', number: {} }
      ],
      list: { template: 'genericList' }
    });
    expect(created.status).toBe(201);
    for (const [Name, Color, Quantity] of [
      ['Gadget', 'Red', 503],
      ['Widget', 'Blue', 2357],
      ['Gizmo', 'Green', 92]
    ])
      expect(
        (await t.call('site-owner', 'POST', `/v1.0/sites/${site}/lists/${created.json.id}/items`, { fields: { Name, Color, Quantity } }))
          .status
      ).toBe(201);
    const res = await send(f, 'site-owner', [
      ['{site-id}', site],
      ['{list-id}', created.json.id]
    ]);
    expect(res.status).toBe(f.response.status);
    expect(conformanceDiff(f, res.json)).toEqual([]);
    expect(res.json.value.map((i: any) => i.fields)).toEqual([
      expect.objectContaining({ Name: 'Gadget', Color: 'Red', Quantity: 503 }),
      expect.objectContaining({ Name: 'Widget', Color: 'Blue', Quantity: 2357 }),
      expect.objectContaining({ Name: 'Gizmo', Color: 'Green', Quantity: 92 })
    ]);
  });

  test('message-get', async () => {
    const f = fixture('message-get');
    const first = (await t.get('office-worker', '/v1.0/me/messages?$top=1')).json.value[0];
    const res = await send(f, 'office-worker', [['AAMkADhMGAAA=', first.id]]);
    expect(res.status).toBe(f.response.status);
    expect(conformanceDiff(f, res.json)).toEqual([]);
  });

  // message-get Example 4: `$value` answers the message's MIME as text/plain, its MIME part starting with MIME-Version.
  test('message-get-mime', async () => {
    const f = fixture('message-get-mime');
    const first = (await t.get('office-worker', '/v1.0/me/messages?$top=1')).json.value[0];
    const res = await send(f, 'office-worker', [['4aade2547798441eab5188a7a2436bc1', first.id]]);
    expect(res.status).toBe(f.response.status);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(res.text).toMatch(/^MIME-Version: 1\.0\r?$/m);
    expect(res.text).toContain(`Message-ID: ${first.internetMessageId}`);
  });

  test('json-batching: the concept page example, answered per request', async () => {
    const f = fixture('json-batching');
    const res = await send(f, 'admin');
    expect(res.status).toBe(f.response.status);
    const documented = (f.response.body as { responses: { id: string; status: number; body: unknown }[] }).responses;
    const errorExample = documented.find((r) => r.status >= 400) as { body: unknown };
    expect(res.json.responses.map((r: any) => r.id).sort()).toEqual(['1', '2', '3', '4', '5']);
    for (const r of res.json.responses) {
      expect(shapeDiff({ id: '', status: 0, headers: {}, body: null }, r, { maps: ['headers'] })).toEqual([]);
      const same = documented.find((d) => d.id === r.id && d.status === r.status);
      expect(shapeDiff(same ? same.body : errorExample.body, r.body)).toEqual([]);
    }
    // The one request the dev tenant serves (users, with $count and ConsistencyLevel) answers as documented.
    expect(res.json.responses.find((r: any) => r.id === '5').status).toBe(200);
  });

  test('SharePoint SetListComplianceTag / GetListComplianceTag as CLI for Microsoft 365 sends them', async () => {
    const get = fixture('sharepoint-getlistcompliancetag');
    const set = fixture('sharepoint-setlistcompliancetag');
    const label = (await labels()).find((l) => l.behaviorDuringRetentionPeriod === 'retain');
    const replace: [string, string][] = [
      ['https://contoso.sharepoint.com/sites/project-x', `${t.url}/sites/hr`],
      ['"Sensitive"', JSON.stringify(label.displayName)]
    ];
    const send2 = async (f: Fixture): Promise<Sent> => {
      let url = f.request.url;
      for (const [from, to] of replace) url = url.split(from).join(to);
      let payload = JSON.stringify(f.request.body);
      for (const [from, to] of replace) payload = payload.split(from).join(to);
      const res = await fetch(url, {
        method: 'POST',
        headers: { ...f.request.headers, authorization: `Bearer ${await t.token('site-owner')}` },
        body: payload
      });
      const text = await res.text();
      return { status: res.status, headers: res.headers, text, json: text ? JSON.parse(text) : undefined };
    };
    const before = await send2(get);
    expect(before.json).toEqual({ 'odata.null': true });
    const done = await send2(set);
    expect(done.status).toBeGreaterThanOrEqual(200);
    expect(done.status).toBeLessThan(300);
    expect(done.json?.['odata.error']).toBeUndefined();
    const after = await send2(get);
    expect(after.status).toBe(get.response.status);
    expect(conformanceDiff(get, after.json)).toEqual([]);
    expect(after.json.TagName).toBe(label.displayName);
  });
});
