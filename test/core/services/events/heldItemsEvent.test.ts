// A retention event starts retention, and so brings deletion closer, for every item its query matches. Held items
// must be listed in the preview and not started. The dev tenant's seeded eDiscovery case ("Northwind litigation
// hold") holds the Legal site, where the contracts are.
import { updateListItemFields } from '../../../../src/core/graph/listItems/updateListItemFields';
import type { GraphGateway } from '../../../../src/core/graph/GraphGateway';
import type { ListRef } from '../../../../src/core/graph/listItems/ListRef';
import { fireRetentionEvent } from '../../../../src/core/services/events/fireRetentionEvent';
import { previewRetentionEvent } from '../../../../src/core/services/events/previewRetentionEvent';
import { createHoldRegister } from '../../../../src/core/services/holds/holdRegister';
import { readLegalHolds } from '../../../../src/core/services/holds/legalHolds';
import { createDispositionIndex, type DispositionIndex } from '../../../../src/core/services/index/createDispositionIndex';
import { createMemoryIndexStore } from '../../../../src/core/services/index/createMemoryIndexStore';
import { openRecordsSite } from '../../../../src/core/services/recordsSite/RecordsSite';
import { startTestTenant, type TestTenant } from '../../support/devTenant';
import { findLibrary, tenantNow } from '../index/testLibraries';

let tenant: TestTenant;
let manager: GraphGateway;
let contracts: ListRef;
let index: DispositionIndex;
let keys: string[];

const events = async (): Promise<number> =>
  (await manager.call<{ value: unknown[] }>({ method: 'GET', url: '/security/triggers/retentionEvents', action: 'list events' })).value
    .length;

const request = { displayName: 'Northwind contracts expired', eventType: 'Contract Expiry', assetIds: ['N-1', 'N-2'] };

// A tenant for each test: one test fires an event that starts an item the others expect to wait, and adds a hold.
beforeEach(async () => {
  tenant = await startTestTenant(400);
  manager = tenant.graph('records-manager');
  contracts = await findLibrary(manager, '/sites/legal', 'Contracts');
  index = createDispositionIndex({ graph: manager, store: createMemoryIndexStore(), libraries: [contracts] });
  await index.refresh({ now: await tenantNow(tenant.control) });
  const waiting = index.entries().filter((e) => e.retention.ok && e.retention.kind === 'awaitingEvent');
  keys = waiting.slice(0, 3).map((e) => e.key);
  const assetIds = ['N-1', 'N-1', 'N-2'];
  for (const [i, key] of keys.entries())
    await updateListItemFields(manager, contracts, key.split('|')[2], { ComplianceAssetId: assetIds[i] });
  await index.refresh({ now: await tenantNow(tenant.control) });
}, 60_000);
afterEach(() => tenant.close());

describe('a retention event does not start held items', () => {
  it('under the eDiscovery hold on their site: listed as held with the hold, and the event is refused, none created', async () => {
    const site = await openRecordsSite(manager, 'https://custodiandev.sharepoint.com/sites/records');
    const register = createHoldRegister(site);
    const preview = await previewRetentionEvent(manager, index, request, { holds: { graph: manager, register: async () => register } });
    expect(preview.count).toBe(0);
    expect(preview.held?.map((h) => h.key).sort()).toEqual([...keys].sort());
    expect(preview.held?.every((h) => h.holds.some((x) => /Northwind litigation hold/.test(x.name)))).toBe(true);
    const before = await events();
    await expect(
      fireRetentionEvent(manager, preview, { confirmedCount: preview.count, now: await tenantNow(tenant.control) })
    ).rejects.toMatchObject({
      code: 'nothingToStart'
    });
    expect(await events()).toBe(before);
  });

  it("under a Custodian hold only: the held item and its asset id's twin wait, the others start", async () => {
    const site = await openRecordsSite(manager, 'https://custodiandev.sharepoint.com/sites/records');
    const register = createHoldRegister(site);
    const { hold } = await register.create({ name: 'Contract audit', reason: 'Audit', by: 'priya', now: await tenantNow(tenant.control) });
    await register.add({
      holdId: hold.holdId,
      items: [keys[0]],
      by: 'priya',
      justification: 'In scope',
      now: await tenantNow(tenant.control)
    });
    const preview = await previewRetentionEvent(manager, index, request, {
      // As if eDiscovery held nothing: Custodian's own register must count by itself.
      holds: { graph: manager, register: async () => register, legalHolds: async () => [] }
    });
    expect(preview.held?.map((h) => [h.key, h.sharesAssetIdWithHeld, h.holds.map((x) => x.name)])).toEqual([
      [keys[0], false, ['Contract audit']],
      [keys[1], true, ['Contract audit']]
    ]);
    expect(preview.items.map((i) => i.key)).toEqual([keys[2]]);
    expect(preview.filesQuery).toBe('ComplianceAssetId:"N-2"');
    await fireRetentionEvent(manager, preview, { confirmedCount: preview.count, now: await tenantNow(tenant.control) });
    await index.refresh({ now: await tenantNow(tenant.control) });
    expect(index.entry(keys[2])!.retention).toMatchObject({ ok: true, kind: 'date' });
    for (const key of keys.slice(0, 2)) expect(index.entry(key)!.retention).toMatchObject({ kind: 'awaitingEvent' });
  });

  it('when eDiscovery cannot be read (403), every item counts as possibly held', async () => {
    const site = await openRecordsSite(manager, 'https://custodiandev.sharepoint.com/sites/records');
    const officeWorker = tenant.graph('office-worker');
    await expect(readLegalHolds(officeWorker)).rejects.toMatchObject({ status: 403 });
    const preview = await previewRetentionEvent(
      manager,
      index,
      { ...request, displayName: 'Again', assetIds: ['N-1'] },
      {
        holds: { graph: officeWorker, register: async () => createHoldRegister(site), legalHolds: () => readLegalHolds(officeWorker) }
      }
    );
    expect(preview.count).toBe(0);
    expect(preview.held?.flatMap((h) => h.holds.map((x) => x.id))).toContain('unknown');
  });
});
