// Purview applies a retention event to the whole tenant ("Start retention when an event occurs": every item labelled
// for the event's type whose ComplianceAssetId the query names, in any site). Outside truth: the items the dev tenant
// (which follows that page, test/core/services/events/retentionEventQueryTable.test.ts) starts when the event is
// fired, read back afterwards through a workspace that indexes every library.
import type { DispositionWorkspace } from '../../../../src/core/services/disposition/dispositionWorkspace';
import { createDispositionWorkspace } from '../../../../src/core/services/disposition/dispositionWorkspace';
import { devTenantClock } from '../../../../src/core/graph/devtenant/devTenantClock';
import { createEventsService } from '../../../../src/core/services/events/createEventsService';
import { createMemoryIndexStore } from '../../../../src/core/services/index/createMemoryIndexStore';
import { listTenantLibraries } from '../../../../src/core/services/index/listTenantLibraries';
import { createSearchService } from '../../../../src/core/services/search/createSearchService';
import { startTestTenant, type TestTenant } from '../../support/devTenant';
import { recordsManagerWorkspace } from '../support/recordsManagerWorkspace';

jest.setTimeout(60_000);

let tenant: TestTenant;
beforeAll(async () => {
  tenant = await startTestTenant(300);
});
afterAll(() => tenant.close());

/** A workspace indexing every library but those of one site. */
function workspaceWithout(sitePath: string): DispositionWorkspace {
  const graph = tenant.graph('records-manager');
  const clock = devTenantClock(graph);
  return createDispositionWorkspace({
    graph,
    store: createMemoryIndexStore(),
    libraries: async () => (await listTenantLibraries(graph)).filter((l) => !l.siteName.toLowerCase().includes(sitePath)),
    now: () => clock.now(),
    recordsSiteUrl: 'https://custodiandev.sharepoint.com/sites/records',
    anchorLabelName: 'Board Minutes - Permanent',
    actorIsRecordsManager: true
  });
}

it('names the items the event starts outside the indexed libraries, counts them, and the event starts exactly those', async () => {
  const everything = createSearchService(recordsManagerWorkspace(tenant.graph('records-manager')));
  const personnel = (await everything.find({ labels: ['Employee Records - 7 Years After Departure'] })).rows.filter((r) => r.assetId);
  expect(personnel.length).toBeGreaterThan(0);
  const target = personnel[0];
  const sameAsset = personnel.filter((r) => r.assetId.toLowerCase() === target.assetId.toLowerCase());

  // The records manager's workspace leaves out the site that holds the target.
  const events = createEventsService(workspaceWithout(target.siteName.toLowerCase()));
  const preview = await events.preview({
    eventType: 'Employee Departure',
    displayName: `Left: ${target.assetId}`,
    assetIds: [target.assetId]
  });
  if (!preview.beyondIndex || !('items' in preview.beyondIndex)) throw new Error('Microsoft Search was not asked');
  const beyond = preview.beyondIndex.items.map((i) => i.key);
  expect(beyond).toContain(target.key);
  expect(preview.items.map((i) => i.key)).not.toContain(target.key);
  expect(preview.unmatchedAssetIds).toEqual([]);
  expect(preview.count).toBe(preview.items.length + beyond.length);
  expect([...preview.items.map((i) => i.key), ...beyond].sort()).toEqual(sameAsset.map((r) => r.key).sort());
  expect(preview.beyondIndex.items.find((i) => i.key === target.key)).toMatchObject({
    name: target.name,
    assetId: target.assetId,
    labelName: 'Employee Records - 7 Years After Departure',
    webUrl: target.webUrl
  });

  // Confirming only the indexed items is refused: the person must have seen every item the event starts.
  await expect(events.fire({ previewId: preview.id, confirmedCount: preview.items.length })).rejects.toMatchObject({
    code: 'notConfirmed'
  });
  const fired = await events.fire({ previewId: preview.id, confirmedCount: preview.count });
  expect(fired.eventId).not.toBe('');

  // Read back with every library indexed: each item the preview named, inside the index and out, was started by it.
  const after = await createEventsService(recordsManagerWorkspace(tenant.graph('records-manager'))).preview({
    eventType: 'Employee Departure',
    displayName: 'Check',
    assetIds: [target.assetId]
  });
  expect(after.count).toBe(0);
  expect(after.alreadyStarted.map((i) => [i.key, i.alreadyStartedBy]).sort()).toEqual(
    sameAsset.map((r) => [r.key, `Left: ${target.assetId}`]).sort()
  );
});
