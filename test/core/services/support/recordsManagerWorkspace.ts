import type { GraphGateway } from '../../../../src/core/graph/GraphGateway';
import { devTenantClock } from '../../../../src/core/graph/devtenant/devTenantClock';
import { createDispositionWorkspace, type DispositionWorkspace } from '../../../../src/core/services/disposition/dispositionWorkspace';
import { createMemoryIndexStore } from '../../../../src/core/services/index/createMemoryIndexStore';
import type { IndexStore } from '../../../../src/core/services/index/IndexStore';
import { listTenantLibraries } from '../../../../src/core/services/index/listTenantLibraries';

/**
 * The records manager's workspace on a dev tenant, as the Teams tab's demo mode builds it: every library indexed, the
 * tenant's clock, the seeded records site, Board Minutes as the anchor label, a member of Purview's Record Manager
 * group (may act at any stage). `graph` is the records manager persona's gateway; `anchorLabelName` another anchor label.
 */
export function recordsManagerWorkspace(
  graph: GraphGateway,
  store: IndexStore = createMemoryIndexStore(),
  anchorLabelName = 'Board Minutes - Permanent'
): DispositionWorkspace {
  const clock = devTenantClock(graph);
  return createDispositionWorkspace({
    graph,
    store,
    libraries: () => listTenantLibraries(graph),
    now: () => clock.now(),
    recordsSiteUrl: 'https://custodiandev.sharepoint.com/sites/records',
    anchorLabelName,
    actorIsRecordsManager: true
  });
}
