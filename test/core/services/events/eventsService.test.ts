import { devTenantClock } from '../../../../src/core/graph/devtenant/devTenantClock';
import { createEventsService, type EventsService } from '../../../../src/core/services/events/createEventsService';
import { createSearchService, type SearchService } from '../../../../src/core/services/search/createSearchService';
import { recordsManagerWorkspace } from '../support/recordsManagerWorkspace';
import { startTestTenant, type TestTenant } from '../../support/devTenant';

// Retention events as the Teams tab uses them, on the dev tenant: the event types with the labels bound to each (as
// Graph lists the labels: an event-based label names its type), and an event previewed, fired once, and reported
// with the retention end each started item now has. A preview is fired at most once.

jest.setTimeout(60_000);

let tenant: TestTenant;
let events: EventsService;
let search: SearchService;

beforeAll(async () => {
  tenant = await startTestTenant(300);
  const graph = tenant.graph('records-manager');
  const workspace = recordsManagerWorkspace(graph);
  events = createEventsService(workspace);
  search = createSearchService(workspace);
});
afterAll(() => tenant.close());

it('lists every event type with the labels bound to it, as Graph lists the labels', async () => {
  const graph = tenant.graph('records-manager');
  const labels = await graph.call<{
    value: { displayName: string; retentionTrigger: string; retentionEventType?: { displayName?: string } }[];
  }>({
    method: 'GET',
    url: '/security/labels/retentionLabels?$expand=retentionEventType',
    action: 'read the labels'
  });
  const types = await events.eventTypes();
  const kinds = await graph.call<{ value: { id: string; displayName: string }[] }>({
    method: 'GET',
    url: '/security/triggerTypes/retentionEventTypes',
    action: 'read the event types'
  });
  expect(types.map((t) => [t.id, t.name]).sort()).toEqual(kinds.value.map((k) => [k.id, k.displayName]).sort());
  for (const type of types) {
    const bound = labels.value
      .filter((l) => l.retentionTrigger === 'dateOfEvent' && l.retentionEventType?.displayName === type.name)
      .map((l) => l.displayName);
    expect([type.name, type.labelNames.sort()]).toEqual([type.name, bound.sort()]);
  }
  expect(types.find((t) => t.name === 'Employee Departure')?.labelNames).toEqual(['Employee Records - 7 Years After Departure']);
});

it('fires a previewed event once, and reports the retention end of each item it started', async () => {
  const personnel = await search.find({ labels: ['Employee Records - 7 Years After Departure'] });
  const assetId = personnel.rows.find((r) => r.assetId)!.assetId!;
  const preview = await events.preview({
    eventType: 'employee departure',
    displayName: `Employee ${assetId} left`,
    assetIds: [assetId, ` ${assetId} `]
  });
  expect(preview).toMatchObject({ eventTypeName: 'Employee Departure', labelNames: ['Employee Records - 7 Years After Departure'] });
  expect(preview.request.assetIds).toEqual([assetId]);
  expect(preview.count).toBeGreaterThan(0);
  expect(preview.items.every((i) => i.assetId === assetId && i.labelName === 'Employee Records - 7 Years After Departure')).toBe(true);

  const fired = await events.fire({ previewId: preview.id, confirmedCount: preview.count });
  expect(fired.displayName).toBe(`Employee ${assetId} left`);
  expect(fired.eventId).not.toBe('');
  expect(fired.started.map((s) => s.key).sort()).toEqual(preview.items.map((i) => i.key).sort());
  // Seven years after the event (fired at the tenant's now): every started item has its end then.
  const now = Date.parse(await devTenantClock(tenant.graph('records-manager')).now());
  for (const started of fired.started) {
    expect(started.assetId).toBe(assetId);
    expect(Date.parse(started.retentionEndsAt ?? '')).toBeGreaterThan(now + 6 * 365 * 86_400_000);
  }
  // Fired, the preview is gone: a second click cannot fire a second event.
  await expect(events.fire({ previewId: preview.id, confirmedCount: preview.count })).rejects.toThrow(
    'The preview has expired. Preview the event again.'
  );
  const again = await events.preview({ eventType: 'Employee Departure', displayName: 'Again', assetIds: [assetId] });
  expect(again.count).toBe(0);
  expect(again.alreadyStarted.map((i) => i.alreadyStartedBy)).toEqual(preview.items.map(() => `Employee ${assetId} left`));
});
