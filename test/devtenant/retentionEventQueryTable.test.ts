/* eslint-disable @typescript-eslint/no-explicit-any -- tests read Graph JSON as a client would, loosely. */
import { assetIdsQuery } from '../../src/core/services/events/assetIdsQuery';
import { parseAssetIdQuery } from '../../src/core/services/events/parseAssetIdQuery';
import {
  retentionEventQueries,
  sources,
  tableEventTypes,
  tableItems,
  tableLabels,
  type TableItemName
} from '../support/retentionEventQueries';
import { TestTenant } from './helpers';

// The outside truth is the table's pages (test/support/retentionEventQueries.ts): Purview's "Start retention when an
// event occurs" for what an event starts, the KQL syntax reference and [MS-KQL] 2.2.4 for how its query reads. The
// same rows run against the core's preview in test/core/services/events/retentionEventQueryTable.test.ts. Here a
// client labels the table's items, fires each row's event through Graph and reads, through the list's delta, which
// items the event changed (their retention started).

let t: TestTenant;
let typeIds: Record<keyof typeof tableEventTypes, string>;
let siteId: string;
let listId: string;
const nameOfListItem = new Map<string, TableItemName>();
let fired = 0;

beforeAll(async () => {
  t = await TestTenant.start({ seed: 9, items: 60 });
  const drive = (await t.get('records-manager', '/v1.0/sites/custodiandev.sharepoint.com:/sites/legal:/drives')).json.value.find(
    (d: any) => d.name === 'Contracts'
  );
  const types: Partial<Record<keyof typeof tableEventTypes, string>> = {};
  for (const key of ['contract', 'personnel'] as const) {
    const type = await t.call('records-manager', 'POST', '/v1.0/security/triggerTypes/retentionEventTypes', {
      displayName: tableEventTypes[key],
      description: 'For the table of event queries.'
    });
    expect(type.status).toBe(201);
    types[key] = type.json.id;
  }
  typeIds = types as Record<keyof typeof tableEventTypes, string>;
  const bind = (typeId: string) => `https://graph.microsoft.com/v1.0/security/triggerTypes/retentionEventTypes/${typeId}`;
  for (const [label, trigger, typeId] of [
    [tableLabels.contract, 'dateOfEvent', typeIds.contract],
    [tableLabels.personnel, 'dateOfEvent', typeIds.personnel],
    [tableLabels.createdBased, 'dateCreated', undefined]
  ] as const) {
    const created = await t.call('records-manager', 'POST', '/v1.0/security/labels/retentionLabels', {
      displayName: label,
      behaviorDuringRetentionPeriod: 'retain',
      actionAfterRetentionPeriod: 'delete',
      retentionTrigger: trigger,
      retentionDuration: { '@odata.type': '#microsoft.graph.security.retentionDurationInDays', days: 730 },
      ...(typeId ? { 'retentionEventType@odata.bind': bind(typeId) } : {})
    });
    expect(created.status).toBe(201);
  }
  for (const item of tableItems) {
    const file = (
      await t.call('records-manager', 'PUT', `/v1.0/drives/${drive.id}/root:/Table ${item.name}.txt:/content`, 'x', {
        'content-type': 'text/plain'
      })
    ).json;
    const set = await t.call('records-manager', 'PATCH', `/v1.0/drives/${drive.id}/items/${file.id}/retentionLabel`, {
      name: tableLabels[item.label]
    });
    expect([200, 201]).toContain(set.status);
    const li = (await t.get('records-manager', `/v1.0/drives/${drive.id}/items/${file.id}/listItem`)).json;
    siteId = li.parentReference.siteId;
    listId = li.parentReference.id;
    nameOfListItem.set(li.id, item.name);
    if (nameOfListItem.size === 1) {
      // A custom column, as Purview's ProductID example assumes (on a real tenant, mapped to a managed property).
      const column = await t.call('site-owner', 'POST', `/v1.0/sites/${siteId}/lists/${listId}/columns`, { name: 'ProductID', text: {} });
      expect(column.status).toBe(201);
    }
    const fields = {
      ...(item.assetId !== undefined ? { ComplianceAssetId: item.assetId } : {}),
      ...(item.productId !== undefined ? { ProductID: item.productId } : {})
    };
    if (Object.keys(fields).length)
      expect((await t.call('records-manager', 'PATCH', `/v1.0/sites/${siteId}/lists/${listId}/items/${li.id}/fields`, fields)).status).toBe(
        200
      );
  }
});
afterAll(() => t.close());

/** Fires an event of the type through Graph; the items it started are the list items delta reports since. */
async function fire(
  eventType: keyof typeof tableEventTypes,
  query: string | null
): Promise<{ status: number; json: any; started: TableItemName[]; statusInformation?: string }> {
  const latest = await t.get('records-manager', `/v1.0/sites/${siteId}/lists/${listId}/items/delta?token=latest`);
  const ev = await t.call('records-manager', 'POST', '/v1.0/security/triggers/retentionEvents', {
    displayName: `Table event ${++fired}`,
    'retentionEventType@odata.bind': `https://graph.microsoft.com/v1.0/security/triggerTypes/retentionEventTypes/${typeIds[eventType]}`,
    ...(query === null ? {} : { eventQueries: [{ queryType: 'files', query }] }),
    eventTriggerDateTime: '2025-02-01T00:00:00Z'
  });
  const started: TableItemName[] = [];
  let next: string | undefined = (latest.json['@odata.deltaLink'] as string).slice(t.url.length);
  while (next) {
    const page = await t.get('records-manager', next);
    for (const li of page.json.value) {
      const name = nameOfListItem.get(li.id);
      if (name) started.push(name);
    }
    next = page.json['@odata.nextLink'] ? (page.json['@odata.nextLink'] as string).slice(t.url.length) : undefined;
  }
  if (ev.status !== 201) return { status: ev.status, json: ev.json, started };
  const got = await t.get('records-manager', `/v1.0/security/triggers/retentionEvents/${ev.json.id}`);
  return {
    status: ev.status,
    json: got.json,
    started: started.sort(),
    statusInformation: got.json.eventPropagationResults[0].statusInformation
  };
}

describe.each(retentionEventQueries.map((row) => [row.title, row] as const))('%s', (_title, row) => {
  const source = row.source.map((s) => sources[s]).join(', ');
  const outcome = row.outcome;

  if ('refused' in outcome) {
    test(`the dev tenant refuses ${JSON.stringify(row.query)} with a 400 naming what it cannot evaluate, and starts nothing (${source})`, async () => {
      const before = (await t.get('records-manager', '/v1.0/security/triggers/retentionEvents')).json.value.length;
      const res = await fire(row.eventType, row.query);
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('invalidRequest');
      expect(res.json.error.message).toMatch(outcome.refused.devTenant);
      expect(res.started).toEqual([]);
      expect((await t.get('records-manager', '/v1.0/security/triggers/retentionEvents')).json.value.length).toBe(before);
    });
    return;
  }

  const starts = [...outcome.starts].sort();
  test(`an event fired with ${JSON.stringify(row.query)} starts ${starts.join(', ') || 'nothing'} (${source})`, async () => {
    const res = await fire(row.eventType, row.query);
    expect(res.status).toBe(201);
    expect(res.started).toEqual(starts);
    expect(res.statusInformation).toBe(`Retention started for ${starts.length} items.`);
  });

  const read = row.query === null ? undefined : parseAssetIdQuery(row.query);
  if (read?.reach === 'assetIds')
    test(`the query Custodian fires after previewing ${JSON.stringify(row.query)} starts the same items`, async () => {
      const res = await fire(row.eventType, assetIdsQuery(read.assetIds));
      expect(res.started).toEqual(starts);
    });
});
