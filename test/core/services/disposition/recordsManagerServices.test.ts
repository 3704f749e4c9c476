import { createMemoryIndexStore } from '../../../../src/core/services/index/createMemoryIndexStore';
import { devTenantClock } from '../../../../src/core/graph/devtenant/devTenantClock';
import { listTenantLibraries } from '../../../../src/core/services/index/listTenantLibraries';
import { createDispositionWorkspace } from '../../../../src/core/services/disposition/dispositionWorkspace';
import { createDispositionService, type DispositionService } from '../../../../src/core/services/disposition/createDispositionService';
import type { QueueSnapshot } from '../../../../src/core/services/disposition/DispositionQueue';
import { createHoldsService, type HoldsService } from '../../../../src/core/services/holds/createHoldsService';
import { createEventsService, type EventsService } from '../../../../src/core/services/events/createEventsService';
import { createForecastService, type ForecastService } from '../../../../src/core/services/forecast/createForecastService';
import { createSearchService, type SearchService } from '../../../../src/core/services/search/createSearchService';
import { retentionInWords } from '../../../../src/ui/dispositions/retentionInWords';
import { startTestTenant, type TestTenant } from '../../../core/support/devTenant';

let tenant: TestTenant;
let clock: ReturnType<typeof devTenantClock>;
let disposition: DispositionService;
let holds: HoldsService;
let events: EventsService;
let forecastService: ForecastService;
let search: SearchService;
let before: QueueSnapshot;
let workspace: ReturnType<typeof createDispositionWorkspace>;

beforeAll(async () => {
  tenant = await startTestTenant(300);
  const graph = tenant.graph('records-manager');
  clock = devTenantClock(graph);
  workspace = createDispositionWorkspace({
    graph,
    store: createMemoryIndexStore(),
    libraries: () => listTenantLibraries(graph),
    now: () => clock.now(),
    recordsSiteUrl: 'https://custodiandev.sharepoint.com/sites/records',
    anchorLabelName: 'Board Minutes - Permanent',
    actorIsRecordsManager: true
  });
  disposition = createDispositionService(workspace);
  holds = createHoldsService(workspace);
  events = createEventsService(workspace);
  forecastService = createForecastService(workspace);
  search = createSearchService(workspace);
  before = await disposition.loadQueue();
}, 60_000);
afterAll(async () => {
  await tenant.close();
});

describe("the records manager's services (disposition, holds, events, forecast, search) over one workspace, on the dev tenant", () => {
  it('indexes every library with its names, and the queue grows when the clock moves 8 years', async () => {
    expect(before.sites.map((s) => s.name)).toEqual(expect.arrayContaining(['Finance & Accounting', 'Legal', 'Records Centre']));
    expect(before.indexedCount).toBeGreaterThan(250);
    const moved = await clock.advance(8 * 365);
    expect(Date.parse(moved) - Date.parse(before.now)).toBeGreaterThanOrEqual(8 * 365 * 86_400_000);
    const after = await disposition.loadQueue();
    expect(after.now).not.toBe(before.now);
    expect(after.items.length).toBeGreaterThan(before.items.length);
    const invoice = after.items.find((i) => i.labelName === 'Invoices - 7 Years')!;
    expect(invoice).toMatchObject({ siteName: 'Finance & Accounting', libraryName: 'Invoices', currentStage: 1, status: 'pendingReview' });
    expect(invoice.stages.map((s) => s.name)).toEqual(['Finance review', 'Legal sign-off']);
    expect(after.user).toBe('priya.raman@custodiandev.onmicrosoft.com');
  });

  it('disposes of an item in two approvals, with its history and a verified register', async () => {
    const { items } = await disposition.loadQueue();
    const invoice = items.find((i) => i.labelName === 'Invoices - 7 Years' && i.holds.length === 0)!;
    const [first] = await disposition.decide({
      keys: [invoice.key],
      decision: { kind: 'approve', justification: 'Stage 1: past its schedule' }
    });
    expect(first).toMatchObject({ ok: true, outcome: 'nextStage' });
    await disposition.loadQueue();
    const details = await disposition.item({ key: invoice.key });
    expect(details).toMatchObject({
      name: invoice.name,
      queued: { currentStage: 2 },
      history: [{ action: 'approve', stage: 1, outcome: 'nextStage' }]
    });
    expect(retentionInWords(details!.retention, details!.now)).toMatch(/^Ended on \D*\d{1,2}\D+\d{4}, then a disposition review$/);
    const [second] = await disposition.decide({
      keys: [invoice.key],
      decision: { kind: 'approve', justification: 'Stage 2: =HYPERLINK("x")' }
    });
    expect(second).toMatchObject({ ok: true, outcome: 'disposed' });
    expect((await disposition.loadQueue()).items.some((i) => i.key === invoice.key)).toBe(false);
    const register = await disposition.register();
    expect(register.verification).toMatchObject({ ok: true });
    expect(register.entries.filter((e) => e.subject === invoice.key).map((e) => e.outcome)).toEqual(['nextStage', 'disposed']);
  });

  it('holds block approval and say why; a decision on a missing item is refused, not thrown', async () => {
    const { items } = await disposition.loadQueue();
    const target = items.find((i) => i.holds.length === 0)!;
    const hold = await holds.create({ name: "O'Brien audit", reason: 'Audit 2034' });
    await holds.add({ holdId: hold.holdId, items: [target.key], justification: 'In scope' });
    const held = (await disposition.loadQueue()).items.find((i) => i.key === target.key)!;
    expect(held.holds).toEqual([{ source: 'custodian', id: hold.holdId, name: "O'Brien audit" }]);
    const [refused, missing] = await disposition.decide({
      keys: [target.key, 'nope|nope|1'],
      decision: { kind: 'approve', justification: 'Try' }
    });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && (refused.error as Error & { why?: string }).why).toContain("O'Brien audit");
    expect(missing.ok).toBe(false);
    await holds.release({ holdId: hold.holdId, justification: 'Audit closed' });
    expect((await holds.list()).find((h) => h.holdId === hold.holdId)).toMatchObject({ state: 'released', items: [target.key] });
    expect((await disposition.register()).verification.ok).toBe(true);
  });

  it("lists the eDiscovery legal holds beside Custodian's, each with its sites, as the queue's hold marks name them", async () => {
    const legal = await holds.legal();
    // The seeded Northwind case holds the Legal site (and a mailbox, which is not a site).
    const northwind = legal.find((h) => h.name.startsWith('Northwind litigation hold'))!;
    expect(northwind.caseName).toMatch(/Northwind/);
    expect(northwind.sites).toEqual([expect.stringMatching(/\/sites\/legal$/)]);
    // Eight years on (without moving the tenant's clock, which other tests read), Legal's contracts wait for review.
    await disposition.loadQueue();
    const later = new Date(Date.parse(await clock.now()) + 8 * 365 * 86_400_000).toISOString();
    const items = await (await workspace.ready()).review.queue(later);
    const marked = items.filter((i) => i.holds.some((h) => h.source === 'ediscovery' && h.id === northwind.holdId));
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.every((i) => i.item.webUrl?.includes('/sites/legal/'))).toBe(true);
  });

  it('previews an event on contracts of the held Legal site: the held items are listed, and nothing is fired', async () => {
    const types = await events.eventTypes();
    expect(types.find((t) => t.name === 'Contract Expiry')?.labelNames).toEqual(['Contracts - 10 Years After Expiry']);
    const contracts = await search.find({ labels: ['Contracts - 10 Years After Expiry'] });
    const assetId = contracts.rows.find((r) => r.assetId)!.assetId;
    const preview = await events.preview({
      eventType: 'Contract Expiry',
      displayName: `Contract ${assetId} expired`,
      assetIds: [assetId]
    });
    // The seeded eDiscovery case holds the whole Legal site, where the contracts are.
    expect(preview.count).toBe(0);
    expect(preview.held?.length).toBeGreaterThan(0);
    expect(preview.held?.every((i) => i.assetId === assetId && i.heldBy?.some((h) => h.startsWith('Northwind litigation hold')))).toBe(
      true
    );
    await expect(events.fire({ previewId: preview.id, confirmedCount: preview.count + 1 })).rejects.toMatchObject({ code: 'notConfirmed' });
    await expect(events.fire({ previewId: preview.id, confirmedCount: preview.count })).rejects.toMatchObject({ code: 'nothingToStart' });
  });

  it('forecasts 12 months and exports a search with formula injection neutralised', async () => {
    const forecast = await forecastService.forecast({ months: 12 });
    expect(forecast).toHaveLength(12);
    expect(forecast.every((m) => m.total === m.review + m.delete + m.none)).toBe(true);
    const result = await search.find({ descriptor: { department: 'Finance' } });
    expect(result.rows.length).toBeGreaterThan(0);
    expect(result.rows[0].siteName).not.toBe('');
    expect(result.csv.startsWith('\uFEFFName,')).toBe(true);
    // By now the records site holds Custodian's lists and its proof anchors library: none of them is indexed.
    const libraries = await listTenantLibraries(tenant.graph('records-manager'));
    expect(libraries.length).toBe(12);
    expect(libraries.some((l) => l.libraryName.startsWith('Custodian'))).toBe(false);
  });
});
