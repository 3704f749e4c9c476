import { devTenantClock } from '../../../../src/core/graph/devtenant/devTenantClock';
import { createDispositionService } from '../../../../src/core/services/disposition/createDispositionService';
import { createMemoryIndexStore } from '../../../../src/core/services/index/createMemoryIndexStore';
import type { IndexStore } from '../../../../src/core/services/index/IndexStore';
import { recordsManagerWorkspace } from '../support/recordsManagerWorkspace';
import { startTestTenant, type TestTenant } from '../../support/devTenant';
import { logRequests } from '../support/requestLog';

// The queue a records manager saw last, kept in the index's store so that the tab shows it at once the next time it
// opens (a new page, the same device) while the current queue is read: kept after each read, given back without a
// request, and never anything that is not a queue.

jest.setTimeout(60_000);

let tenant: TestTenant;
beforeAll(async () => {
  tenant = await startTestTenant(200);
  await devTenantClock(tenant.graph('records-manager')).advance(8 * 365);
});
afterAll(() => tenant.close());

function service(store: IndexStore) {
  const graph = tenant.graph('records-manager');
  return createDispositionService(recordsManagerWorkspace(graph, store));
}

it('gives the queue last read to the next opening, without a request', async () => {
  const store = createMemoryIndexStore();
  expect(await service(store).lastQueue()).toBeUndefined();
  const read = await service(store).loadQueue();
  expect(read.items.length).toBeGreaterThan(0);

  const log = logRequests(tenant.url);
  try {
    const kept = await service(store).lastQueue();
    expect(kept).toEqual(read);
    expect(log.requests).toEqual([]);
  } finally {
    log.stop();
  }
});

it('gives nothing for a stored value that is not a queue, or a store that cannot be read', async () => {
  const store = createMemoryIndexStore();
  for (const stored of [
    null,
    'queue',
    { now: '2026-01-01', items: 'many' },
    { now: 1, user: 'u', items: [], labels: [], sites: [], indexedCount: 0 },
    // Each field of the right type but one: a snapshot of another version, or a value someone else stored.
    { now: '2026-01-01T00:00:00Z', user: 7, items: [], labels: [], sites: [], indexedCount: 0 },
    { now: '2026-01-01T00:00:00Z', user: 'u', items: [], labels: [], sites: [], indexedCount: '0' },
    { now: '2026-01-01T00:00:00Z', user: 'u', items: [], labels: {}, sites: [], indexedCount: 0 },
    { now: '2026-01-01T00:00:00Z', user: 'u', items: [], labels: [], sites: 'all', indexedCount: 0 }
  ]) {
    await store.saveQueueSnapshot(stored);
    expect(await service(store).lastQueue()).toBeUndefined();
  }
  const broken: IndexStore = { ...store, loadQueueSnapshot: () => Promise.reject(new Error('evicted')) };
  expect(await service(broken).lastQueue()).toBeUndefined();
});

it('still reads the queue when the store refuses to keep it', async () => {
  const store: IndexStore = { ...createMemoryIndexStore(), saveQueueSnapshot: () => Promise.reject(new Error('quota exceeded')) };
  expect((await service(store).loadQueue()).items.length).toBeGreaterThan(0);
});
