/* eslint-disable @typescript-eslint/no-explicit-any -- tests read Graph and SharePoint JSON as a client would, loosely. */
import { expectGraphError, TestTenant } from './helpers';

let t: TestTenant;
let records: any;
let contracts: any;
beforeEach(async () => {
  t = await TestTenant.start({ seed: 9 });
  const site = (await t.get('office-worker', '/v1.0/sites/custodiandev.sharepoint.com:/sites/records')).json;
  records = (await t.get('office-worker', `/v1.0/sites/${site.id}/drives`)).json.value.find((d: any) => d.name === 'Records');
  const legal = (await t.get('office-worker', '/v1.0/sites/custodiandev.sharepoint.com:/sites/legal')).json;
  contracts = (await t.get('office-worker', `/v1.0/sites/${legal.id}/drives`)).json.value.find((d: any) => d.name === 'Contracts');
});
afterEach(() => t.close());

async function newFile(name: string): Promise<any> {
  const res = await t.call('office-worker', 'PUT', `/v1.0/drives/${records.id}/root:/${encodeURIComponent(name)}:/content`, 'draft', {
    'content-type': 'text/plain'
  });
  expect(res.status).toBe(201);
  return res.json;
}

describe('file plan', () => {
  test('labels with descriptors, on v1.0 and beta', async () => {
    const list = await t.get('records-manager', '/v1.0/security/labels/retentionLabels?$expand=descriptors');
    expect(list.json.value.length).toBeGreaterThanOrEqual(15);
    const contractsLabel = list.json.value.find((l: any) => l.displayName === 'Contracts - 10 Years After Expiry');
    expect(contractsLabel).toMatchObject({
      behaviorDuringRetentionPeriod: 'retainAsRecord',
      actionAfterRetentionPeriod: 'startDispositionReview',
      retentionTrigger: 'dateOfEvent',
      retentionDuration: { '@odata.type': '#microsoft.graph.security.retentionDurationInDays', days: 3650 },
      descriptors: { category: { displayName: 'Legal', subcategory: { displayName: 'Contracts' } } }
    });
    expect(contractsLabel.dispositionReviewStages[0]).toMatchObject({
      stageNumber: '1',
      reviewersEmailAddresses: [expect.stringContaining('@')]
    });
    const beta = await t.get('records-manager', `/beta/security/labels/retentionLabels/${contractsLabel.id}`);
    expect(beta.json.displayName).toBe(contractsLabel.displayName);
    expect(beta.json.descriptors).toBeUndefined();
    for (const c of ['authorities', 'categories', 'citations', 'departments', 'filePlanReferences']) {
      expect((await t.get('records-manager', `/v1.0/security/labels/${c}`)).json.value.length).toBeGreaterThan(0);
    }
    const unknown = await t.get('records-manager', '/v1.0/security/labels/retentionLabels/00000000-0000-0000-0000-000000000000');
    expectGraphError(unknown, 404);
    expect(unknown.json.error.message).toContain("couldn't be found");
  });

  test('create a label as CLI for Microsoft 365 sends it; the office worker may not', async () => {
    const types = await t.get('records-manager', '/v1.0/security/triggerTypes/retentionEventTypes');
    const body = {
      displayName: 'Vendor Files - 4 Years',
      behaviorDuringRetentionPeriod: 'retain',
      actionAfterRetentionPeriod: 'delete',
      retentionTrigger: 'dateOfEvent',
      retentionDuration: { '@odata.type': '#microsoft.graph.security.retentionDurationInDays', days: 1460 },
      defaultRecordBehavior: 'startLocked',
      'retentionEventType@odata.bind': `https://graph.microsoft.com/beta/security/triggerTypes/retentionEventTypes/${types.json.value[0].id}`
    };
    expectGraphError(await t.call('office-worker', 'POST', '/beta/security/labels/retentionLabels', body), 403, 'accessDenied');
    const created = await t.call('records-manager', 'POST', '/beta/security/labels/retentionLabels', body);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ displayName: 'Vendor Files - 4 Years', isInUse: false });
    expectGraphError(await t.call('records-manager', 'POST', '/beta/security/labels/retentionLabels', body), 409);
    const patched = await t.call('records-manager', 'PATCH', `/beta/security/labels/retentionLabels/${created.json.id}`, {
      retentionDuration: { '@odata.type': 'microsoft.graph.security.retentionDurationInDays', days: 2000 }
    });
    expect(patched.status).toBe(204);
    expectGraphError(
      await t.call('records-manager', 'PATCH', `/v1.0/security/labels/retentionLabels/${created.json.id}`, { displayName: 'renamed' }),
      400
    );
    expect((await t.call('records-manager', 'DELETE', `/beta/security/labels/retentionLabels/${created.json.id}`)).status).toBe(204);
  });
});

describe("an item's retention label and the record rules", () => {
  test('apply by name (201 then 200), lock, refuse delete and edit, unlock, remove', async () => {
    const file = await newFile('Board paper.txt');
    const url = `/v1.0/drives/${records.id}/items/${file.id}/retentionLabel`;
    const first = await t.call('office-worker', 'PATCH', url, { name: 'Board Minutes - Permanent' });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({
      name: 'Board Minutes - Permanent',
      isLabelAppliedExplicitly: true,
      retentionSettings: {
        behaviorDuringRetentionPeriod: 'retainAsRecord',
        isRecordLocked: true,
        isDeleteAllowed: false,
        isContentUpdateAllowed: false
      }
    });
    const del = await t.call('office-worker', 'DELETE', `/v1.0/drives/${records.id}/items/${file.id}`);
    expectGraphError(del, 403, 'accessDenied');
    expect(del.json.error.innerError.code).toBe('recordCannotBeDeleted');
    const edit = await t.call('office-worker', 'PUT', `/v1.0/drives/${records.id}/items/${file.id}/content`, 'changed', {
      'content-type': 'text/plain'
    });
    expectGraphError(edit, 423);
    expect(edit.json.error.innerError.code).toBe('lockedRecordContent');
    const unlock = await t.call('office-worker', 'PATCH', url, { retentionSettings: { isRecordLocked: false } });
    expect(unlock.status).toBe(200);
    expect(unlock.json.retentionSettings).toMatchObject({ isRecordLocked: false, isContentUpdateAllowed: true, isDeleteAllowed: false });
    expect(
      (
        await t.call('office-worker', 'PUT', `/v1.0/drives/${records.id}/items/${file.id}/content`, 'changed', {
          'content-type': 'text/plain'
        })
      ).status
    ).toBe(200);
    const relabel = await t.call('office-worker', 'PATCH', url, { name: 'Email - 3 Years' });
    expectGraphError(relabel, 403);
    expect(relabel.json.error.innerError.code).toBe('unlockedRecordLabelFixed');
    await t.call('office-worker', 'PATCH', url, { retentionSettings: { isRecordLocked: true } });
    const byWorker = await t.call('office-worker', 'DELETE', url);
    expect(byWorker.json.error.innerError.code).toBe('containerAdminOnly');
    expect((await t.call('site-owner', 'DELETE', url)).status).toBe(204);
    expect((await t.get('office-worker', url)).json.name).toBeNull();
    expect((await t.call('office-worker', 'DELETE', `/v1.0/drives/${records.id}/items/${file.id}`)).status).toBe(204);
  });

  test('a regulatory record cannot be unlocked, relabelled or unlabelled, not even by an admin', async () => {
    const item = (
      await t.get(
        'office-worker',
        `/v1.0/drives/${records.id}/root:/${encodeURIComponent('Regulatory Return Q4 2019 - SEC.pdf')}?$expand=retentionLabel`
      )
    ).json;
    expect(item.retentionLabel.retentionSettings.behaviorDuringRetentionPeriod).toBe('retainAsRegulatoryRecord');
    const url = `/v1.0/drives/${records.id}/items/${item.id}/retentionLabel`;
    for (const [method, body] of [
      ['PATCH', { retentionSettings: { isRecordLocked: false } }],
      ['PATCH', { name: 'Email - 3 Years' }],
      ['DELETE', undefined]
    ] as const) {
      const res = await t.call('admin', method, url, body);
      expectGraphError(res, 403);
      expect(res.json.error.innerError.code).toBe('regulatoryRecord');
    }
    expect((await t.get('admin', url)).json.name).toBe('Regulatory Filings - 10 Years');
  });

  test('unknown label names are refused and change nothing', async () => {
    const file = await newFile('Unknown label.txt');
    const res = await t.call('office-worker', 'PATCH', `/v1.0/drives/${records.id}/items/${file.id}/retentionLabel`, {
      name: 'No Such Label'
    });
    expectGraphError(res, 400);
    expect((await t.get('office-worker', `/v1.0/drives/${records.id}/items/${file.id}/retentionLabel`)).json.name).toBeNull();
  });

  test('retention events start retention for items whose ComplianceAssetId matches', async () => {
    const file = (
      await t.call('office-worker', 'PUT', `/v1.0/drives/${contracts.id}/root:/Supply contract.txt:/content`, 'x', {
        'content-type': 'text/plain'
      })
    ).json;
    await t.call('office-worker', 'PATCH', `/v1.0/drives/${contracts.id}/items/${file.id}/retentionLabel`, {
      name: 'Contracts - 10 Years After Expiry'
    });
    const li = (await t.get('office-worker', `/v1.0/drives/${contracts.id}/items/${file.id}/listItem`)).json;
    const fieldsUrl = `/v1.0/sites/${li.parentReference.siteId}/lists/${li.parentReference.id}/items/${li.id}/fields`;
    expect((await t.call('office-worker', 'PATCH', fieldsUrl, { ComplianceAssetId: 'CON-9001' })).status).toBe(200);
    const types = (await t.get('records-manager', '/v1.0/security/triggerTypes/retentionEventTypes')).json.value;
    const type = types.find((x: any) => x.displayName === 'Contract Expiry');
    const ev = await t.call('records-manager', 'POST', '/v1.0/security/triggers/retentionEvents', {
      displayName: 'Supply contract ended',
      'retentionEventType@odata.bind': `https://graph.microsoft.com/v1.0/security/triggerTypes/retentionEventTypes/${type.id}`,
      eventQueries: [{ queryType: 'files', query: 'ComplianceAssetId:CON-9001' }],
      eventTriggerDateTime: '2025-06-30T00:00:00Z'
    });
    expect(ev.status).toBe(201);
    expect(ev.json.eventStatus.status).toBe('pending');
    const got = await t.get('records-manager', `/v1.0/security/triggers/retentionEvents/${ev.json.id}`);
    expect(got.json.eventPropagationResults[0].statusInformation).toBe('Retention started for 1 items.');
    const unknown = await t.call(
      'records-manager',
      'DELETE',
      '/v1.0/security/triggerTypes/retentionEventTypes/ca0e1f8d-4e42-4a81-be85-022502d70c4f'
    );
    expectGraphError(unknown, 404, 'UnknownError');
  });
});

describe('$batch', () => {
  test('20 requests pass, 21 are refused', async () => {
    const reqs = (n: number) => ({ requests: Array.from({ length: n }, (_, i) => ({ id: String(i + 1), method: 'GET', url: '/me' })) });
    const ok = await t.call('office-worker', 'POST', '/v1.0/$batch', reqs(20));
    expect(ok.status).toBe(200);
    expect(ok.json.responses).toHaveLength(20);
    expect(ok.json.responses.every((r: any) => r.status === 200)).toBe(true);
    expectGraphError(await t.call('office-worker', 'POST', '/v1.0/$batch', reqs(21)), 400, 'invalidRequest');
  });

  test('dependsOn runs in order, and dependants of a failure get 424', async () => {
    const file = await newFile('Batch target.txt');
    const base = `/drives/${records.id}/items/${file.id}`;
    const res = await t.call('office-worker', 'POST', '/v1.0/$batch', {
      requests: [
        {
          id: '1',
          method: 'PATCH',
          url: `${base}/retentionLabel`,
          headers: { 'Content-Type': 'application/json' },
          body: { name: 'Audit Working Papers - 7 Years' }
        },
        {
          id: '2',
          dependsOn: ['1'],
          method: 'PATCH',
          url: `${base}/retentionLabel`,
          headers: { 'Content-Type': 'application/json' },
          body: { retentionSettings: { isRecordLocked: true } }
        },
        { id: '3', dependsOn: ['2'], method: 'DELETE', url: base },
        { id: '4', dependsOn: ['3'], method: 'GET', url: base },
        { id: '5', method: 'GET', url: '/nothing/here' }
      ]
    });
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(res.json.responses.map((r: any) => [r.id, r]));
    expect(byId['1'].status).toBe(201);
    expect(byId['2'].status).toBe(200);
    expect(byId['3'].status).toBe(403);
    expect(byId['3'].body.error.innerError.code).toBe('recordCannotBeDeleted');
    expect(byId['4'].status).toBe(424);
    expect(byId['5'].status).toBe(501);
    const bad = await t.call('office-worker', 'POST', '/v1.0/$batch', {
      requests: [{ id: '1', method: 'GET', url: '/me', dependsOn: ['9'] }]
    });
    expectGraphError(bad, 400);
  });
});

describe('sensitivity labels', () => {
  test('tenant and user lists, assign with a monitor, extract', async () => {
    const labels = (await t.get('office-worker', '/v1.0/security/dataSecurityAndGovernance/sensitivityLabels?$expand=sublabels')).json
      .value;
    const confidential = labels.find((l: any) => l.name === 'Confidential');
    expect(confidential.isAppliable).toBe(false);
    expect(confidential.sublabels.length).toBe(3);
    expect((await t.get('office-worker', '/v1.0/me/dataSecurityAndGovernance/sensitivityLabels')).json.value).toHaveLength(labels.length);
    expect((await t.get('office-worker', '/beta/me/security/informationProtection/sensitivityLabels')).json.value[0]).toHaveProperty(
      'tooltip'
    );
    const file = await newFile('Secret plan.txt');
    const base = `/v1.0/drives/${records.id}/items/${file.id}`;
    expectGraphError(await t.call('office-worker', 'POST', `${base}/assignSensitivityLabel`, { sensitivityLabelId: confidential.id }), 400);
    const sub = confidential.sublabels[0];
    const accepted = await t.call('office-worker', 'POST', `${base}/assignSensitivityLabel`, {
      sensitivityLabelId: sub.id,
      assignmentMethod: 'privileged'
    });
    expect(accepted.status).toBe(202);
    expect(accepted.text).toBe('');
    const monitor = accepted.headers.get('location') as string;
    let status = '';
    for (let i = 0; i < 100 && status !== 'completed'; i++) {
      status = ((await (await fetch(monitor)).json()) as any).status;
      if (status !== 'completed') await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(status).toBe('completed');
    const extracted = await t.call('office-worker', 'POST', `${base}/extractSensitivityLabels`);
    expect(extracted.json.labels).toEqual([{ sensitivityLabelId: sub.id, assignmentMethod: 'privileged', tenantId: expect.any(String) }]);
    expectGraphError(await t.call('office-worker', 'POST', `${base}/assignSensitivityLabel`, { sensitivityLabelId: '' }), 400);
  });
});

describe('eDiscovery, users and messages', () => {
  test('a case with a legal hold on the Legal site', async () => {
    const cases = (await t.get('records-manager', '/v1.0/security/cases/ediscoveryCases')).json.value;
    const holds = (await t.get('records-manager', `/v1.0/security/cases/ediscoveryCases/${cases[0].id}/legalHolds`)).json.value;
    expect(holds[0]).toMatchObject({ isEnabled: true, status: 'success' });
    const sources = (
      await t.get('records-manager', `/v1.0/security/cases/ediscoveryCases/${cases[0].id}/legalHolds/${holds[0].id}/siteSources`)
    ).json.value;
    // The documented site source names its site by GUID and webUrl only (see holdSources.test.ts).
    expect(sources[0].site.webUrl).toMatch(/\/sites\/legal$/);
  });

  test('messages: list, categories, extended properties, MIME', async () => {
    const list = await t.get('office-worker', '/v1.0/me/messages?$top=50');
    expect(list.json.value).toHaveLength(50);
    expect(list.json['@odata.nextLink']).toBeDefined();
    const hostile =
      list.json.value.find((m: any) => m.subject.includes('Alpha')) ??
      (await t.get('office-worker', "/v1.0/me/messages?$filter=startswith(subject,'Re: Contract')")).json.value[0];
    expect(hostile.subject).toBe('Re: Contract "Alpha" <draft> #5 & O\'Brien 🚀');
    const id = hostile.id;
    const propId = 'String {00020329-0000-0000-C000-000000000046} Name custodianFiledTo';
    const patched = await t.call('office-worker', 'PATCH', `/v1.0/me/messages/${id}`, {
      categories: ['Filed'],
      singleValueExtendedProperties: [{ id: propId, value: 'https://x/y' }]
    });
    expect(patched.json.categories).toEqual(['Filed']);
    const withProp = await t.get(
      'office-worker',
      `/v1.0/me/messages/${id}?$expand=${encodeURIComponent(`singleValueExtendedProperties($filter=id eq '${propId}')`)}`
    );
    expect(withProp.json.singleValueExtendedProperties).toEqual([{ id: propId, value: 'https://x/y' }]);
    const mime = await t.get('office-worker', `/v1.0/me/messages/${id}/$value`);
    expect(mime.headers.get('content-type')).toContain('text/plain');
    expect(mime.text).toMatch(/^From: .*\r\nTo: .*\r\nSubject: =\?utf-8\?B\?/);
    expectGraphError(await t.call('office-worker', 'PATCH', `/v1.0/me/messages/${id}`, { subject: 'x' }), 501);
    expectGraphError(await t.get('site-owner', `/v1.0/me/messages`), 403);
  });
});

describe('records settings and reset', () => {
  test("the tenant's records settings feed the core's rules", async () => {
    const file = await newFile('Keep me.txt');
    await t.call('office-worker', 'PATCH', `/v1.0/drives/${records.id}/items/${file.id}/retentionLabel`, { name: 'Email - 3 Years' });
    const off = await fetch(`${t.url}/devtenant/settings`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ allowDeletingLabelledItems: false })
    });
    expect(((await off.json()) as any).allowDeletingLabelledItems).toBe(false);
    const refused = await t.call('office-worker', 'DELETE', `/v1.0/drives/${records.id}/items/${file.id}`);
    expectGraphError(refused, 403);
    expect(refused.json.error.innerError.code).toBe('deletionBlockedByTenant');
    await fetch(`${t.url}/devtenant/settings`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ allowDeletingLabelledItems: true })
    });
    expect((await t.call('office-worker', 'DELETE', `/v1.0/drives/${records.id}/items/${file.id}`)).status).toBe(204);
    const bad = await fetch(`${t.url}/devtenant/settings`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ allowEverything: true })
    });
    expect(bad.status).toBe(400);
  });

  test('reset reseeds from a seed and keeps tokens working', async () => {
    const before = (await t.get('office-worker', '/v1.0/sites/custodiandev.sharepoint.com:/sites/legal')).json.id;
    const res = await fetch(`${t.url}/devtenant/reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ seed: 1234, items: 30 })
    });
    const reset = await res.json();
    expect(reset).toMatchObject({ seed: 1234, items: 30 });
    // The seed's dates count back from the day of the reset, whatever the year: the demo never ages out.
    expect(reset.seedDay).toBe(`${reset.now.slice(0, 10)}T00:00:00.000Z`);
    const after = await t.get('office-worker', '/v1.0/sites/custodiandev.sharepoint.com:/sites/legal');
    expect(after.status).toBe(200);
    expect(after.json.id).not.toBe(before);
    const bad = await fetch(`${t.url}/devtenant/reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ seed: -1 })
    });
    expect(bad.status).toBe(400);
  });
});
