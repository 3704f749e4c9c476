import { createMemoryIndexStore } from '../../src/core/services/index/createMemoryIndexStore';
import { devTenantClock } from '../../src/core/graph/devtenant/devTenantClock';
import { createDispositionsServices } from '../../src/teams/dispositionsServices';
import { listTenantLibraries } from '../../src/core/services/index/listTenantLibraries';
import type { DispositionsServices, QueueSnapshot } from '../../src/ui/dispositions/services';
import { startTestTenant, type TestTenant } from '../core/support/devTenant';

let tenant: TestTenant;
let services: DispositionsServices;
let before: QueueSnapshot;

beforeAll(async () => {
  tenant = await startTestTenant(300);
  const graph = tenant.graph('records-manager');
  const clock = devTenantClock(graph);
  services = createDispositionsServices({
    graph,
    store: createMemoryIndexStore(),
    libraries: () => listTenantLibraries(graph),
    now: () => clock.now(),
    recordsSiteUrl: 'https://custodiandev.sharepoint.com/sites/records',
    anchorLabelName: 'Board Minutes - Permanent',
    actorIsRecordsManager: true,
    demo: { persona: 'Priya Raman (records manager)', now: () => clock.now(), advanceClock: (days) => clock.advance(days) }
  });
  before = await services.loadQueue();
}, 60_000);
afterAll(() => tenant.close());

describe('the Dispositions services over the core, on the dev tenant', () => {
  it('indexes every library with its names, and the queue grows when the clock moves 8 years', async () => {
    expect(before.sites.map((s) => s.name)).toEqual(expect.arrayContaining(['Finance & Accounting', 'Legal', 'Records Centre']));
    expect(before.indexedCount).toBeGreaterThan(250);
    const moved = await services.demo!.advanceClock(8 * 365);
    expect(Date.parse(moved) - Date.parse(before.now)).toBeGreaterThanOrEqual(8 * 365 * 86_400_000);
    const after = await services.loadQueue();
    expect(after.now).not.toBe(before.now);
    expect(after.items.length).toBeGreaterThan(before.items.length);
    const invoice = after.items.find((i) => i.labelName === 'Invoices - 7 Years')!;
    expect(invoice).toMatchObject({ siteName: 'Finance & Accounting', libraryName: 'Invoices', currentStage: 1, status: 'pendingReview' });
    expect(invoice.stages.map((s) => s.name)).toEqual(['Finance review', 'Legal sign-off']);
    expect(after.user).toBe('priya.raman@custodiandev.onmicrosoft.com');
  });

  it('disposes of an item in two approvals, with its history and a verified register', async () => {
    const { items } = await services.loadQueue();
    const invoice = items.find((i) => i.labelName === 'Invoices - 7 Years' && i.holds.length === 0)!;
    const [first] = await services.decide([invoice.key], { kind: 'approve', justification: 'Stage 1: past its schedule' });
    expect(first).toMatchObject({ ok: true, outcome: 'nextStage' });
    await services.loadQueue();
    const details = await services.item(invoice.key);
    expect(details).toMatchObject({
      name: invoice.name,
      queued: { currentStage: 2 },
      history: [{ action: 'approve', stage: 1, outcome: 'nextStage' }]
    });
    expect(details!.retention).toMatch(/^Ended on \d{4}-\d{2}-\d{2} \(UTC\), then a disposition review$/);
    const [second] = await services.decide([invoice.key], { kind: 'approve', justification: 'Stage 2: =HYPERLINK("x")' });
    expect(second).toMatchObject({ ok: true, outcome: 'disposed' });
    expect((await services.loadQueue()).items.some((i) => i.key === invoice.key)).toBe(false);
    const register = await services.register();
    expect(register.verification).toMatchObject({ ok: true });
    expect(register.entries.filter((e) => e.subject === invoice.key).map((e) => e.outcome)).toEqual(['nextStage', 'disposed']);
  });

  it('holds block approval and say why; a decision on a missing item is refused, not thrown', async () => {
    const { items } = await services.loadQueue();
    const target = items.find((i) => i.holds.length === 0)!;
    const hold = await services.createHold({ name: "O'Brien audit", reason: 'Audit 2034' });
    await services.addToHold({ holdId: hold.holdId, items: [target.key], justification: 'In scope' });
    const held = (await services.loadQueue()).items.find((i) => i.key === target.key)!;
    expect(held.holds).toEqual([{ source: 'custodian', id: hold.holdId, name: "O'Brien audit" }]);
    const [refused, missing] = await services.decide([target.key, 'nope|nope|1'], { kind: 'approve', justification: 'Try' });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && (refused.error as Error & { why?: string }).why).toContain("O'Brien audit");
    expect(missing.ok).toBe(false);
    await services.releaseHold({ holdId: hold.holdId, justification: 'Audit closed' });
    expect((await services.holds()).find((h) => h.holdId === hold.holdId)).toMatchObject({ state: 'released', items: [target.key] });
    expect((await services.register()).verification.ok).toBe(true);
  });

  it('previews and fires an event that starts retention for the items with its asset id', async () => {
    const types = await services.eventTypes();
    expect(types.find((t) => t.name === 'Contract Expiry')?.labelNames).toEqual(['Contracts - 10 Years After Expiry']);
    const contracts = await services.search({ labels: ['Contracts - 10 Years After Expiry'] });
    const assetId = contracts.rows.find((r) => r.assetId)!.assetId;
    const preview = await services.previewEvent({
      eventType: 'Contract Expiry',
      displayName: `Contract ${assetId} expired`,
      assetIds: [assetId]
    });
    expect(preview.count).toBeGreaterThan(0);
    expect(preview.items.every((i) => i.assetId === assetId)).toBe(true);
    await expect(services.fireEvent(preview.id, preview.count + 1)).rejects.toMatchObject({ code: 'notConfirmed' });
    const fired = await services.fireEvent(preview.id, preview.count);
    expect(fired.started).toHaveLength(preview.count);
    expect(fired.started.every((s) => s.assetId === assetId && typeof s.retentionEndsAt === 'string')).toBe(true);
    await expect(services.fireEvent(preview.id, preview.count)).rejects.toThrow(/expired/);
  });

  it('forecasts 12 months and exports a search with formula injection neutralised', async () => {
    const forecast = await services.forecast(12);
    expect(forecast).toHaveLength(12);
    expect(forecast.every((m) => m.total === m.review + m.delete + m.none)).toBe(true);
    const result = await services.search({ descriptor: { department: 'Finance' } });
    expect(result.rows.length).toBeGreaterThan(0);
    expect(result.rows[0].siteName).not.toBe('');
    expect(result.csv.startsWith('\uFEFFName,')).toBe(true);
    // By now the records site holds Custodian's lists and its proof anchors library: none of them is indexed.
    const libraries = await listTenantLibraries(tenant.graph('records-manager'));
    expect(libraries.length).toBe(12);
    expect(libraries.some((l) => l.libraryName.startsWith('Custodian'))).toBe(false);
  });
});
