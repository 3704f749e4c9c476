import { updateListItemFields } from '../../../../src/core/graph/listItems/updateListItemFields';
import type { GraphGateway } from '../../../../src/core/graph/GraphGateway';
import type { ListRef } from '../../../../src/core/graph/listItems/ListRef';
import { fireRetentionEvent } from '../../../../src/core/services/events/fireRetentionEvent';
import { previewRetentionEvent } from '../../../../src/core/services/events/previewRetentionEvent';
import { createDispositionIndex, type DispositionIndex } from '../../../../src/core/services/index/createDispositionIndex';
import { createMemoryIndexStore } from '../../../../src/core/services/index/createMemoryIndexStore';
import { startTestTenant, type TestTenant } from '../../support/devTenant';
import { findLibrary, tenantNow } from '../index/testLibraries';
import { refusal } from '../support/refusal';

let tenant: TestTenant;
let manager: GraphGateway;
let contracts: ListRef;
let index: DispositionIndex;

beforeAll(async () => {
  tenant = await startTestTenant(400);
  manager = tenant.graph('records-manager');
  contracts = await findLibrary(manager, '/sites/legal', 'Contracts');
  index = createDispositionIndex({ graph: manager, store: createMemoryIndexStore(), libraries: [contracts] });
  await index.refresh({ now: await tenantNow(tenant.control) });
});
afterAll(() => tenant.close());

describe('retention events', () => {
  it('previews the items an event will start, fires it once confirmed, and starts retention for exactly those items', async () => {
    const waiting = index.entries().filter((e) => e.retention.ok && e.retention.kind === 'awaitingEvent');
    expect(waiting.length).toBeGreaterThanOrEqual(4);
    const hostile = "O'Brien & Sons — NDA #42 (50% off) 🚀";
    const assigned = [
      [waiting[0], 'C-77'],
      [waiting[1], 'C-77'],
      [waiting[2], hostile],
      [waiting[3], 'C-78']
    ] as const;
    for (const [entry, assetId] of assigned) await updateListItemFields(manager, contracts, entry.item.id, { ComplianceAssetId: assetId });
    const now = await tenantNow(tenant.control);
    await index.refresh({ now });

    // The contracts label keeps items 3,650 days after the event (the dev tenant's file plan). An event dated 3,640
    // days before today ends their retention in 10 days, after any seeded item was labelled (so the end is the event's,
    // not the labelling date), in whatever year the test runs.
    const day = 86_400_000;
    const eventDay = Math.floor(Date.parse(now) / day) * day - 3640 * day;
    const endDate = new Date(eventDay + 3650 * day).toISOString().slice(0, 10);
    const request = {
      displayName: 'Northwind contracts expired',
      eventType: 'contract expiry',
      assetIds: ['C-77', hostile, 'NOPE-1'],
      eventDate: new Date(eventDay).toISOString()
    };
    const preview = await previewRetentionEvent(manager, index, request);
    expect(preview.eventType.displayName).toBe('Contract Expiry');
    expect(preview.labelNames).toEqual(['Contracts - 10 Years After Expiry']);
    expect(preview.count).toBe(3);
    expect(preview.items.map((i) => i.key).sort()).toEqual([waiting[0].key, waiting[1].key, waiting[2].key].sort());
    expect(preview.unmatchedAssetIds).toEqual(['NOPE-1']);
    expect(preview.filesQuery).toBe(`ComplianceAssetId:"C-77" OR ComplianceAssetId:"${hostile}" OR ComplianceAssetId:"NOPE-1"`);

    const wrong = await refusal(() => fireRetentionEvent(manager, preview, { confirmedCount: 2, now }));
    expect(wrong.code).toBe('notConfirmed');
    const event = await fireRetentionEvent(manager, preview, { confirmedCount: preview.count, now });
    expect(event.id).toBeTruthy();

    await index.refresh({ now });
    for (const [entry] of assigned.slice(0, 3)) {
      const r = index.entry(entry.key)!.retention;
      expect(r).toMatchObject({ ok: true, kind: 'date', endDate, action: 'startDispositionReview' });
    }
    expect(index.entry(waiting[3].key)!.retention).toMatchObject({ kind: 'awaitingEvent' });
    const afterEnd = new Date(Date.parse(`${endDate}T00:00:00Z`) + day).toISOString();
    expect(index.queue(now).map((q) => q.key)).not.toContain(waiting[0].key);
    expect(index.queue(afterEnd).map((q) => q.key)).toEqual(expect.arrayContaining([waiting[0].key, waiting[2].key]));

    const again = await previewRetentionEvent(manager, index, request);
    expect(again.count).toBe(0);
    expect(again.alreadyStarted.map((i) => i.alreadyStartedBy)).toEqual([
      'Northwind contracts expired',
      'Northwind contracts expired',
      'Northwind contracts expired'
    ]);
  });

  it('refuses, before any request, an event without asset ids, an asset id KQL cannot express, and an unknown type', async () => {
    expect(
      (await refusal(() => previewRetentionEvent(manager, index, { displayName: 'x', eventType: 'Contract Expiry', assetIds: [' '] }))).code
    ).toBe('assetIdsRequired');
    const quoted = await refusal(() =>
      previewRetentionEvent(manager, index, { displayName: 'x', eventType: 'Contract Expiry', assetIds: ['say "hi"'] })
    );
    expect(quoted).toMatchObject({ code: 'assetIdNotExpressible' });
    expect(quoted.whatToDo).toMatch(/asset id/);
    const unknown = await refusal(() =>
      previewRetentionEvent(manager, index, { displayName: 'x', eventType: 'Moon Landing', assetIds: ['1'] })
    );
    expect(unknown.why).toContain('Moon Landing');
    expect(unknown.whatToDo).toContain('Employee Departure');
  });
});
