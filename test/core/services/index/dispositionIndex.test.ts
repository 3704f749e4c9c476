import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { updateListItemFields } from '../../../../src/core/graph/listItems/updateListItemFields';
import type { GraphGateway } from '../../../../src/core/graph/GraphGateway';
import type { ListRef } from '../../../../src/core/graph/listItems/ListRef';
import { createDispositionIndex } from '../../../../src/core/services/index/createDispositionIndex';
import { createMemoryIndexStore } from '../../../../src/core/services/index/createMemoryIndexStore';
import { libraryKey } from '../../../../src/core/services/index/IndexedItem';
import { createFileIndexStore } from '../../../../src/node/index/createFileIndexStore';
import { startTestTenant, type TestTenant } from '../../support/devTenant';
import { logRequests } from '../support/requestLog';
import { findLibrary, tenantNow } from './testLibraries';

let tenant: TestTenant;
let manager: GraphGateway;
let invoices: ListRef;
let contracts: ListRef;
let folder: string;

beforeAll(async () => {
  tenant = await startTestTenant(600);
  manager = tenant.graph('records-manager');
  invoices = await findLibrary(manager, '/sites/finance', 'Invoices');
  contracts = await findLibrary(manager, '/sites/legal', 'Contracts');
  folder = await mkdtemp(join(tmpdir(), 'custodian-index-'));
});
afterAll(async () => {
  await tenant.close();
  await rm(folder, { recursive: true, force: true });
});

describe('dispositionIndex', () => {
  it('syncs with delta, decides retention with the domain, and items enter the queue as the clock moves forward', async () => {
    const index = createDispositionIndex({ graph: manager, store: createMemoryIndexStore(), libraries: [invoices, contracts] });
    const now = await tenantNow(tenant.control);
    const first = await index.refresh({ now });
    expect(first.libraries.map((l) => l.mode)).toEqual(['full', 'full']);
    expect(first.itemCount).toBeGreaterThan(20);
    const before = index.queue(now);
    for (const entry of before) {
      expect(entry.item.labelName).toBe('Invoices - 7 Years');
      expect(entry.review.stages.map((s) => s.name)).toEqual(['Finance review', 'Legal sign-off']);
      expect(Date.parse(entry.review.retentionEndedAt)).toBeLessThanOrEqual(Date.parse(now));
    }
    // Items whose retention ends within the next 8 years are in the forecast or later, not in the queue yet.
    const pending = index
      .entries()
      .filter((e) => e.retention.ok && e.retention.kind === 'date' && e.retention.action === 'startDispositionReview')
      .filter((e) => e.retention.ok && e.retention.kind === 'date' && Date.parse(e.retention.endsAt) > Date.parse(now));
    expect(pending.length).toBeGreaterThan(0);

    await tenant.control('POST', '/clock', { days: 8 * 365 });
    const later = await tenantNow(tenant.control);
    const second = await index.refresh({ now: later });
    expect(second.libraries.map((l) => l.mode)).toEqual(['delta', 'delta']);
    const after = index.queue(later);
    expect(after.length).toBeGreaterThan(before.length);
    const entered = after.filter((e) => !before.some((b) => b.key === e.key));
    expect(entered.length).toBeGreaterThan(0);
    for (const e of entered) expect(Date.parse(e.review.retentionEndedAt)).toBeGreaterThan(Date.parse(now));

    const forecast = index.forecast(later);
    expect(forecast).toHaveLength(12);
    expect(forecast[0].month).toBe(later.slice(0, 7));
    expect(forecast.every((m) => m.total === m.delete + m.none + m.startDispositionReview)).toBe(true);
  });

  it('a refresh costs what changed: one delta request per library, and the changed item re-decided', async () => {
    const index = createDispositionIndex({ graph: manager, store: createMemoryIndexStore(), libraries: [invoices] });
    const now = await tenantNow(tenant.control);
    await index.refresh({ now });
    const target = index.entries()[0];
    await updateListItemFields(manager, invoices, target.item.id, { ComplianceAssetId: `INV-${target.item.id}` });
    const log = logRequests(tenant.url);
    try {
      const report = await index.refresh({ now });
      expect(report.libraries[0]).toMatchObject({ mode: 'delta', upserts: 1, removals: 0 });
      // File plan, events, one delta page; the dev tenant's deltaLink drops $expand, so one batch re-reads the item.
      expect(log.count()).toBeLessThanOrEqual(4);
    } finally {
      log.stop();
    }
    expect(index.entry(target.key)?.item.assetId).toBe(`INV-${target.item.id}`);
  });

  it('a refused delta link (410) falls back to a full resync', async () => {
    const store = createMemoryIndexStore();
    const first = createDispositionIndex({ graph: manager, store, libraries: [invoices] });
    const now = await tenantNow(tenant.control);
    await first.refresh({ now });
    const stored = await store.load(libraryKey(invoices));
    await store.commit(libraryKey(invoices), {
      reset: false,
      deltaLink: stored!.deltaLink.replace(/token=[^&]+/, 'token=bm90LWEtdG9rZW4'),
      syncedAt: now,
      upserts: [],
      removals: []
    });
    const second = createDispositionIndex({ graph: manager, store, libraries: [invoices] });
    const report = await second.refresh({ now });
    expect(report.libraries[0].mode).toBe('resync');
    expect(second.entries().length).toBe(first.entries().length);
  });

  it('persists through the file store: a restarted index has every item before any request, and continues with delta', async () => {
    const now = await tenantNow(tenant.control);
    const a = createDispositionIndex({ graph: manager, store: await createFileIndexStore(folder), libraries: [invoices, contracts] });
    await a.refresh({ now });
    const deleted = a.entries().find((e) => e.item.listId === invoices.listId && !e.item.isRecord)!;
    const storeB = await createFileIndexStore(folder);
    const b = createDispositionIndex({ graph: manager, store: storeB, libraries: [invoices, contracts] });
    const log = logRequests(tenant.url);
    try {
      await b.open();
      expect(log.count()).toBe(0);
    } finally {
      log.stop();
    }
    expect(
      b
        .entries()
        .map((e) => e.key)
        .sort()
    ).toEqual(
      a
        .entries()
        .map((e) => e.key)
        .sort()
    );
    expect(b.queue(now).length).toBe(a.queue(now).length);
    await manager.call({
      method: 'DELETE',
      url: `/sites/${invoices.siteId}/lists/${invoices.listId}/items/${deleted.item.id}`,
      action: 'delete'
    });
    const report = await b.refresh({ now });
    expect(report.libraries[0]).toMatchObject({ mode: 'delta', removals: 1 });
    expect(b.entry(deleted.key)).toBeUndefined();
    await storeB.close();
    const c = createDispositionIndex({ graph: manager, store: await createFileIndexStore(folder), libraries: [invoices, contracts] });
    await c.open();
    expect(c.entry(deleted.key)).toBeUndefined();
    expect(c.entries().length).toBe(b.entries().length);
  });
});
