import type { FilePlanLabel } from '../../../../src/core/domain/filePlanLabel';
import { createGraphGateway } from '../../../../src/core/graph/createGraphGateway';
import type { GraphGateway } from '../../../../src/core/graph/GraphGateway';
import { createEventDateFinder } from '../../../../src/core/services/events/eventDateFinder';
import { fireRetentionEvent } from '../../../../src/core/services/events/fireRetentionEvent';
import { parseAssetIdQuery } from '../../../../src/core/services/events/parseAssetIdQuery';
import { previewRetentionEvent } from '../../../../src/core/services/events/previewRetentionEvent';
import type { IndexEntry } from '../../../../src/core/services/index/createDispositionIndex';
import {
  retentionEventQueries,
  sources,
  tableEventTypes,
  tableItems,
  tableLabels,
  type TableItem
} from '../../../support/retentionEventQueries';
import { fakeTiming } from '../../support/fakeTiming';
import { startLoopbackPeer, staticTokens, type LoopbackPeer } from '../../support/loopbackPeer';
import { previewIndex } from '../support/previewIndex';
import { refusal } from '../support/refusal';

// The outside truth is the table's pages (test/support/retentionEventQueries.ts): Purview's "Start retention when an
// event occurs" for what an event starts, the KQL syntax reference and [MS-KQL] 2.2.4 for how its query reads.
// The same rows run against the dev tenant in test/devtenant/retentionEventQueryTable.test.ts.

const typeIds = { contract: '6a1d0c52-0b1e-4f7c-9d2e-3f4a5b6c7d01', personnel: '6a1d0c52-0b1e-4f7c-9d2e-3f4a5b6c7d02' } as const;

const eventLabel = (name: string, type: keyof typeof typeIds): FilePlanLabel => ({
  name,
  retention: {
    behavior: 'retainAsRecord',
    action: 'startDispositionReview',
    trigger: 'dateOfEvent',
    duration: { kind: 'days', days: 2190 },
    eventTypeId: typeIds[type],
    eventTypeName: tableEventTypes[type],
    dispositionStages: []
  },
  descriptors: {}
});
const labels: FilePlanLabel[] = [
  eventLabel(tableLabels.contract, 'contract'),
  eventLabel(tableLabels.personnel, 'personnel'),
  {
    name: tableLabels.createdBased,
    retention: {
      behavior: 'retain',
      action: 'delete',
      trigger: 'dateCreated',
      duration: { kind: 'days', days: 730 },
      dispositionStages: []
    },
    descriptors: {}
  }
];

const labelledAt = '2025-01-10T00:00:00Z';
const entryOf = (t: TableItem): IndexEntry => ({
  key: `site|list|${t.name}`,
  item: {
    id: t.name,
    siteId: 'site',
    listId: 'list',
    name: `${t.name}.txt`,
    created: '2025-01-01T00:00:00Z',
    isRecord: true,
    labelName: tableLabels[t.label],
    labelledAt,
    ...(t.assetId !== undefined ? { assetId: t.assetId } : {}),
    columns: t.productId !== undefined ? { ProductID: t.productId } : {}
  },
  retention: { ok: true, kind: 'awaitingEvent' } as unknown as IndexEntry['retention']
});
const entries = tableItems.map(entryOf);
const index = previewIndex(entries, { labels, unreadableLabels: [], events: [] });

let peer: LoopbackPeer;
let graph: GraphGateway;

beforeAll(async () => {
  peer = await startLoopbackPeer();
  graph = createGraphGateway({ tokens: staticTokens(), baseUrl: peer.url, timing: fakeTiming(), governor: { initialRate: 1000 } });
  peer.otherwise = (req) => {
    if (req.method === 'GET' && req.url.startsWith('/v1.0/security/triggerTypes/retentionEventTypes'))
      return {
        body: {
          value: (['contract', 'personnel'] as const).map((t) => ({
            '@odata.type': '#microsoft.graph.security.retentionEventType',
            id: typeIds[t],
            displayName: tableEventTypes[t]
          }))
        }
      };
    if (req.method === 'POST' && req.url === '/v1.0/security/triggers/retentionEvents')
      return { status: 201, body: { id: 'fired', ...(JSON.parse(req.body) as object) } };
    return { status: 404, body: { error: { code: 'itemNotFound', message: 'Not found.' } } };
  };
});
afterAll(() => peer.close());
beforeEach(() => {
  peer.seen.length = 0;
});

const previewOf = (eventType: keyof typeof tableEventTypes, query: string) =>
  previewRetentionEvent(graph, index, { displayName: 'Table event', eventType: tableEventTypes[eventType], assetIds: [], query });

describe.each(retentionEventQueries.map((row) => [row.title, row] as const))('%s', (_title, row) => {
  const query = row.query ?? '';
  const source = row.source.map((s) => sources[s]).join(', ');
  const outcome = row.outcome;

  if ('refused' in outcome || 'coreRefuses' in outcome) {
    const because = 'refused' in outcome ? outcome.refused.core : outcome.coreRefuses;
    test(`the preview refuses ${JSON.stringify(query)} before any request, saying why and what to do (${source})`, async () => {
      const error = await refusal(() => previewOf(row.eventType, query));
      expect(error).toMatchObject({ code: 'queryNotReadable', what: 'Custodian did not fire the retention event.' });
      expect(error.why).toMatch(because);
      expect(error.whatToDo).toMatch(/\w/);
      expect(peer.seen).toEqual([]);
      // An event fired elsewhere with this query is not read as naming any asset id.
      expect(parseAssetIdQuery(query)).toMatchObject({ reach: 'unreadable', assetIds: [] });
    });
    return;
  }

  const starts = [...outcome.starts].sort();
  test(`the preview of ${JSON.stringify(query)} names ${starts.join(', ') || 'nothing'} (${source})`, async () => {
    const preview = await previewOf(row.eventType, query);
    expect(preview.items.map((i) => i.item.id).sort()).toEqual(starts);
    expect(preview.count).toBe(starts.length);
    expect(preview.startsEveryItemOfType).toBe(query.trim() === '');
  });

  test(`an event fired with ${JSON.stringify(query)} dates the retention of exactly ${starts.join(', ') || 'nothing'} (${source})`, () => {
    const read = parseAssetIdQuery(query);
    const finder = createEventDateFinder([
      {
        displayName: 'Table event',
        eventTypeId: typeIds[row.eventType],
        eventTypeName: tableEventTypes[row.eventType],
        assetIds: read.assetIds,
        everyItem: read.reach === 'everyItem',
        triggeredAt: '2025-02-01T00:00:00Z',
        createdAt: '2025-02-01T00:00:00Z'
      }
    ]);
    const started = tableItems.filter((t) => {
      if (t.label === 'createdBased') return false;
      return finder.eventDate({ id: typeIds[t.label], name: tableEventTypes[t.label] }, t.assetId, labelledAt) !== undefined;
    });
    expect(started.map((t) => t.name).sort()).toEqual(starts);
  });

  test(`what Custodian would fire for ${JSON.stringify(query)} reads back as the same asset ids, or is refused when it would start every item`, async () => {
    const preview = await previewOf(row.eventType, query);
    if (preview.startsEveryItemOfType) {
      const error = await refusal(() => fireRetentionEvent(graph, preview, { confirmedCount: preview.count, now: '2025-02-01T00:00:00Z' }));
      expect(error.code).toBe('startsEveryItemOfType');
      expect(peer.seen.filter((r) => r.method === 'POST')).toEqual([]);
      return;
    }
    await fireRetentionEvent(graph, preview, { confirmedCount: preview.count, now: '2025-02-01T00:00:00Z' });
    const [fired] = peer.seen.filter((r) => r.method === 'POST').map((r) => JSON.parse(r.body) as { eventQueries: { query: string }[] });
    expect(parseAssetIdQuery(fired.eventQueries[0].query)).toEqual(parseAssetIdQuery(query));
  });
});
