/* eslint-disable @typescript-eslint/no-explicit-any -- tests read Graph JSON as a client would, loosely. */
import { EventQuerySyntaxError, parseEventQuery } from '../../src/devtenant/protocol/eventQuery';
import { TestTenant } from './helpers';

/**
 * Retention events follow Purview's event-driven retention ("Start retention when an event occurs"): the `files`
 * query is KQL over `ComplianceAssetId` (or another column), and an event whose query names no asset id starts
 * retention for all content with labels of its event type.
 */

// The outside truth for the query is the Keyword Query Language (KQL) syntax reference
// (https://learn.microsoft.com/sharepoint/dev/general-development/keyword-query-language-kql-syntax-reference) and
// [MS-KQL] 2.2.4 (implicit operators between property restrictions); the table in
// test/support/retentionEventQueries.ts holds the cases the core and the dev tenant share.
describe('parseEventQuery', () => {
  const clauses = (q: string): string[][] => parseEventQuery(q).map((c) => c.map((t) => `${t.property}=${t.value}`));

  test.each([
    ['ComplianceAssetId:4815', [['ComplianceAssetId=4815']]],
    ['ComplianceAssetId:"O\'Brien, 7" OR ComplianceAssetId:4815', [["ComplianceAssetId=O'Brien, 7"], ['ComplianceAssetId=4815']]],
    ['complianceassetid:"A 1" ComplianceAssetId:"B, 2"', [['complianceassetid=A 1'], ['ComplianceAssetId=B, 2']]],
    ['ComplianceAssetId:"x OR y"', [['ComplianceAssetId=x OR y']]],
    ['ComplianceAssetId:"🚀 #42 (50%)"', [['ComplianceAssetId=🚀 #42 (50%)']]],
    ['ComplianceAssetId:ORDER', [['ComplianceAssetId=ORDER']]],
    ['ProductID:XYZ OR ProductID:"A, B"', [['ProductID=XYZ'], ['ProductID=A, B']]],
    // Different properties separated by white space must all hold; the same property is a union within that.
    [
      'ComplianceAssetId:1 ProductID:X ComplianceAssetId:2',
      [
        ['ComplianceAssetId=1', 'ProductID=X'],
        ['ComplianceAssetId=2', 'ProductID=X']
      ]
    ],
    ['ComplianceAssetId:1 OR ProductID:X', [['ComplianceAssetId=1'], ['ProductID=X']]],
    ['', []],
    ['   ', []]
  ])('%j matches %j', (query, expected) => {
    expect(clauses(query)).toEqual(expected);
  });

  test.each([
    'ComplianceAssetId:1 AND ComplianceAssetId:2',
    'NOT ComplianceAssetId:1',
    '(ComplianceAssetId:1 OR ComplianceAssetId:2)',
    '-ComplianceAssetId:1',
    'ComplianceAssetId:A*',
    'ComplianceAssetId:"A B*"',
    'ComplianceAssetId>5',
    'ComplianceAssetId=5',
    'ComplianceAssetId = "Emp 12"',
    'ComplianceAssetId: 4815',
    'ComplianceAssetId:"unclosed',
    'ComplianceAssetId:"a"b',
    'ComplianceAssetId:1 OR',
    'OR ComplianceAssetId:1',
    'ComplianceAssetId:1 or ComplianceAssetId:2',
    'ComplianceAssetId:1 ProductID:2 OR ComplianceAssetId:3',
    'ComplianceAssetId:1,2',
    '4815',
    '4815, 4816',
    'ComplianceAssetId:',
    'ComplianceAssetId:""'
  ])('%j is refused, not guessed', (query) => {
    expect(() => parseEventQuery(query)).toThrow(EventQuerySyntaxError);
  });
});

describe('retention events over HTTP', () => {
  let t: TestTenant;
  let contracts: any;
  let typeId: string;
  let label: string;
  const files: { id: string; fieldsUrl: string }[] = [];

  beforeAll(async () => {
    t = await TestTenant.start({ seed: 9, items: 120 });
    contracts = (await t.get('records-manager', '/v1.0/sites/custodiandev.sharepoint.com:/sites/legal:/drives')).json.value.find(
      (d: any) => d.name === 'Contracts'
    );
    // A new event type and one label bound to it, so the items it can start are exactly the ones labelled here.
    const type = await t.call('records-manager', 'POST', '/v1.0/security/triggerTypes/retentionEventTypes', {
      displayName: 'Supplier Exit',
      description: 'A supplier relationship ended.'
    });
    expect(type.status).toBe(201);
    typeId = type.json.id;
    label = 'Supplier Files - 3 Years After Exit';
    const created = await t.call('records-manager', 'POST', '/v1.0/security/labels/retentionLabels', {
      displayName: label,
      behaviorDuringRetentionPeriod: 'retain',
      actionAfterRetentionPeriod: 'delete',
      retentionTrigger: 'dateOfEvent',
      retentionDuration: { '@odata.type': '#microsoft.graph.security.retentionDurationInDays', days: 1095 },
      'retentionEventType@odata.bind': `https://graph.microsoft.com/v1.0/security/triggerTypes/retentionEventTypes/${typeId}`
    });
    expect(created.status).toBe(201);
    for (const [name, assetId] of [
      ['Supplier A.txt', 'SUP, 1'],
      ['Supplier B.txt', 'SUP'],
      ['Supplier C.txt', '1'],
      ['Supplier D.txt', null]
    ] as const) {
      const file = (
        await t.call('records-manager', 'PUT', `/v1.0/drives/${contracts.id}/root:/${name}:/content`, 'x', { 'content-type': 'text/plain' })
      ).json;
      const set = await t.call('records-manager', 'PATCH', `/v1.0/drives/${contracts.id}/items/${file.id}/retentionLabel`, { name: label });
      expect([200, 201]).toContain(set.status);
      const li = (await t.get('records-manager', `/v1.0/drives/${contracts.id}/items/${file.id}/listItem`)).json;
      const fieldsUrl = `/v1.0/sites/${li.parentReference.siteId}/lists/${li.parentReference.id}/items/${li.id}/fields`;
      if (assetId !== null) expect((await t.call('records-manager', 'PATCH', fieldsUrl, { ComplianceAssetId: assetId })).status).toBe(200);
      files.push({ id: li.id, fieldsUrl });
    }
  });
  afterAll(() => t.close());

  async function fire(displayName: string, eventQueries: unknown): Promise<{ status: number; started?: string; json: any }> {
    const ev = await t.call('records-manager', 'POST', '/v1.0/security/triggers/retentionEvents', {
      displayName,
      'retentionEventType@odata.bind': `https://graph.microsoft.com/v1.0/security/triggerTypes/retentionEventTypes/${typeId}`,
      ...(eventQueries === undefined ? {} : { eventQueries }),
      eventTriggerDateTime: '2025-01-31T00:00:00Z'
    });
    if (ev.status !== 201) return { status: ev.status, json: ev.json };
    const got = await t.get('records-manager', `/v1.0/security/triggers/retentionEvents/${ev.json.id}`);
    return { status: ev.status, json: got.json, started: got.json.eventPropagationResults[0].statusInformation };
  }

  test('a quoted asset id keeps its comma: it starts that item only', async () => {
    const ev = await fire('Supplier SUP-1 exited', [{ queryType: 'files', query: 'ComplianceAssetId:"SUP, 1"' }]);
    expect(ev.status).toBe(201);
    expect(ev.started).toBe('Retention started for 1 items.');
    expect(ev.json.eventQueries).toEqual([{ queryType: 'files', query: 'ComplianceAssetId:"SUP, 1"' }]);
  });

  test('several files queries are alternatives; property names and values ignore case', async () => {
    expect(
      (
        await fire('Suppliers SUP and 1 exited', [
          { queryType: 'files', query: 'ComplianceAssetId:SUP' },
          { queryType: 'files', query: 'ComplianceAssetId:1' }
        ])
      ).started
    ).toBe('Retention started for 2 items.');
    expect(
      (await fire('Property name in any case', [{ queryType: 'files', query: 'complianceassetid:sup OR ComplianceAssetId:NOPE' }])).started
    ).toBe('Retention started for 1 items.');
  });

  test('without asset ids, every item labelled with the event type starts', async () => {
    expect((await fire('All suppliers exited (empty query)', [{ queryType: 'files', query: '' }])).started).toBe(
      'Retention started for 4 items.'
    );
    expect((await fire('All suppliers exited (no query)', undefined)).started).toBe('Retention started for 4 items.');
    expect((await fire('All suppliers exited (messages only)', [{ queryType: 'messages', query: 'subject:exit' }])).started).toBe(
      'Retention started for 4 items.'
    );
  });

  test('the started items are reported by delta', async () => {
    const site = (await t.get('records-manager', '/v1.0/sites/custodiandev.sharepoint.com:/sites/legal')).json;
    const list = (await t.get('records-manager', `/v1.0/sites/${site.id}/lists/Contracts`)).json;
    const latest = await t.get('records-manager', `/v1.0/sites/${site.id}/lists/${list.id}/items/delta?token=latest`);
    await fire('Supplier C exited', [{ queryType: 'files', query: 'ComplianceAssetId:1' }]);
    const changes = await t.get('records-manager', (latest.json['@odata.deltaLink'] as string).slice(t.url.length));
    expect(changes.json.value.map((i: any) => i.id)).toEqual([files[2].id]);
  });

  test('a query the dev tenant cannot evaluate is a 400 and starts nothing', async () => {
    const before = await t.get('records-manager', '/v1.0/security/triggers/retentionEvents');
    for (const query of ['ComplianceAssetId:SUP AND ComplianceAssetId:1', 'ComplianceAssetId:SUP*', 'ComplianceAssetId:"SUP', 'SUP, 1']) {
      const res = await fire(`Refused ${query}`, [{ queryType: 'files', query }]);
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('invalidRequest');
    }
    const after = await t.get('records-manager', '/v1.0/security/triggers/retentionEvents');
    expect(after.json.value.length).toBe(before.json.value.length);
  });
});
