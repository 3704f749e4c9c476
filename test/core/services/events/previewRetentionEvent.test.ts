import type { FilePlanLabel } from '../../../../src/core/domain/filePlanLabel';
import { createGraphGateway } from '../../../../src/core/graph/createGraphGateway';
import type { GraphGateway } from '../../../../src/core/graph/GraphGateway';
import { fireRetentionEvent } from '../../../../src/core/services/events/fireRetentionEvent';
import {
  previewRetentionEvent,
  type RetentionEventPreview,
  type RetentionEventRequest
} from '../../../../src/core/services/events/previewRetentionEvent';
import type { RetentionEventFact } from '../../../../src/core/services/events/RetentionEventFact';
import type { DispositionIndex, IndexEntry } from '../../../../src/core/services/index/createDispositionIndex';
import type { IndexedItem } from '../../../../src/core/services/index/IndexedItem';
import { fakeTiming } from '../../support/fakeTiming';
import { startLoopbackPeer, staticTokens, type LoopbackPeer } from '../../support/loopbackPeer';
import { previewIndex } from '../support/previewIndex';
import { refusal } from '../support/refusal';

// What a retention event will start, decided from the index's items and Graph's event types (answered in the shape
// of Microsoft's list example, security-retentioneventtype-list: `@odata.type`, id, displayName, description), by
// Purview's rules: only items whose label is bound to the event's type and whose asset id the event names; an item
// an earlier event of that type already started (it was labelled before that event) is not started again.
// The index is given as data (its own tests build it from the dev tenant); the event types and the fired event
// travel over HTTP.

const contractExpiry = { id: 'a4f1e3c2-7b6d-4e8f-9a0b-1c2d3e4f5a6b', displayName: 'Contract Expiry' };
const departure = { id: 'b5e2f4d3-8c7e-4f9a-8b1c-2d3e4f5a6b7c', displayName: 'Employee Departure' };
const eventTypes = [contractExpiry, departure].map((t) => ({
  '@odata.type': '#microsoft.graph.security.retentionEventType',
  ...t,
  description: `${t.displayName} (seeded)`,
  createdDateTime: '2024-01-01T00:00:00Z'
}));

const bound = (name: string, type: { id?: string; name?: string }): FilePlanLabel => ({
  name,
  retention: {
    behavior: 'retainAsRecord',
    action: 'startDispositionReview',
    trigger: 'dateOfEvent',
    duration: { kind: 'days', days: 3650 },
    ...(type.id ? { eventTypeId: type.id } : {}),
    ...(type.name ? { eventTypeName: type.name } : {}),
    dispositionStages: []
  },
  descriptors: {}
});
const labels: FilePlanLabel[] = [
  bound('Contracts by id', { id: contractExpiry.id }),
  bound('Contracts by name', { name: 'CONTRACT expiry' }),
  bound('Personnel', { id: departure.id, name: 'Employee Departure' }),
  {
    name: 'Created plus seven',
    retention: {
      behavior: 'retain',
      action: 'delete',
      trigger: 'dateCreated',
      duration: { kind: 'days', days: 2555 },
      dispositionStages: []
    },
    descriptors: {}
  },
  { name: 'Classify only', retention: null, descriptors: {} }
];

function entry(id: string, labelName: string | undefined, assetId: string | undefined, labelledAt?: string): IndexEntry {
  const item: IndexedItem = {
    id,
    siteId: 'site',
    listId: 'list',
    name: `${id}.docx`,
    created: '2024-01-01T00:00:00Z',
    isRecord: true,
    columns: {},
    ...(labelName !== undefined ? { labelName } : {}),
    ...(assetId !== undefined ? { assetId } : {}),
    ...(labelledAt !== undefined ? { labelledAt } : {})
  };
  return { key: `site|list|${id}`, item, retention: { ok: true, kind: 'awaitingEvent' } as unknown as IndexEntry['retention'] };
}

function indexOf(entries: IndexEntry[], events: RetentionEventFact[] = [], withFacts = true): DispositionIndex {
  return previewIndex(entries, withFacts ? { labels, unreadableLabels: [], events } : undefined);
}

let peer: LoopbackPeer;
let graph: GraphGateway;

beforeAll(async () => {
  peer = await startLoopbackPeer();
  graph = createGraphGateway({ tokens: staticTokens(), baseUrl: peer.url, timing: fakeTiming(), governor: { initialRate: 1000 } });
});
afterAll(() => peer.close());
beforeEach(() => {
  peer.seen.length = 0;
  peer.otherwise = (req) => {
    if (req.method === 'GET' && req.url.startsWith('/v1.0/security/triggerTypes/retentionEventTypes'))
      return { body: { value: eventTypes } };
    if (req.method === 'POST' && req.url === '/v1.0/security/triggers/retentionEvents')
      return { status: 201, body: { id: 'fired-1', ...(JSON.parse(req.body) as object), status: 'pending' } };
    return { status: 404, body: { error: { code: 'itemNotFound', message: 'Not found.' } } };
  };
});

const request = (overrides: Partial<RetentionEventRequest> = {}): RetentionEventRequest => ({
  displayName: 'Northwind contracts expired',
  eventType: 'contract expiry',
  assetIds: ['C-77'],
  ...overrides
});

describe('previewing a retention event', () => {
  it('starts the items whose label is bound to the type, by id or by name in any case, and whose asset id it names', async () => {
    const index = indexOf([
      entry('1', 'Contracts by id', 'C-77'),
      entry('2', 'contracts BY NAME', 'C-77'),
      entry('3', 'Personnel', 'C-77'),
      entry('4', 'Created plus seven', 'C-77'),
      entry('5', 'Contracts by id', 'C-78'),
      entry('6', undefined, 'C-77'),
      entry('7', 'Contracts by id', undefined)
    ]);
    const preview = await previewRetentionEvent(graph, index, request({ assetIds: [' C-77 ', 'C-77', 'NOPE', ''] }));
    expect(preview.eventType).toEqual(contractExpiry);
    expect(preview.labelNames).toEqual(['Contracts by id', 'Contracts by name']);
    expect(preview.items.map((i) => i.item.id)).toEqual(['1', '2']);
    expect(preview.count).toBe(2);
    expect(preview.request.assetIds).toEqual(['C-77', 'NOPE']);
    expect(preview.unmatchedAssetIds).toEqual(['NOPE']);
    expect(preview.filesQuery).toBe('ComplianceAssetId:"C-77" OR ComplianceAssetId:"NOPE"');
    expect(preview.indexedItemCount).toBe(7);
    expect(preview.alreadyStarted).toEqual([]);
  });

  it('finds the event type by its id as well as by its name', async () => {
    const preview = await previewRetentionEvent(
      graph,
      indexOf([entry('3', 'Personnel', 'E-1')]),
      request({ eventType: departure.id, assetIds: ['E-1'] })
    );
    expect(preview.eventType).toEqual(departure);
    expect(preview.items.map((i) => i.item.id)).toEqual(['3']);
  });

  it('sets apart the items an earlier event of the type already started: labelled before it was created', async () => {
    const earlier = (typeName: { eventTypeId?: string; eventTypeName?: string }, createdAt: string): RetentionEventFact => ({
      id: 'e0',
      displayName: 'Earlier expiry',
      ...typeName,
      assetIds: ['C-77'],
      triggeredAt: createdAt,
      createdAt
    });
    const items = [
      entry('1', 'Contracts by id', 'C-77', '2024-05-01T00:00:00Z'),
      entry('2', 'Contracts by id', 'C-77', '2024-07-01T00:00:00Z'),
      entry('3', 'Contracts by id', 'C-77')
    ];
    const byId = await previewRetentionEvent(
      graph,
      indexOf(items, [earlier({ eventTypeId: contractExpiry.id }, '2024-06-01T00:00:00Z')]),
      request()
    );
    expect(byId.alreadyStarted.map((i) => [i.item.id, i.alreadyStartedBy])).toEqual([
      ['1', 'Earlier expiry'],
      ['3', 'Earlier expiry']
    ]);
    expect(byId.items.map((i) => i.item.id)).toEqual(['2']);
    // Labelled at the very moment the earlier event was created: started by it.
    const atOnce = await previewRetentionEvent(
      graph,
      indexOf([items[0]], [earlier({ eventTypeName: 'contract EXPIRY' }, '2024-05-01T00:00:00Z')]),
      request()
    );
    expect(atOnce.alreadyStarted.map((i) => i.item.id)).toEqual(['1']);
    // An earlier event of another type, or naming another asset id, started nothing here.
    const otherType = await previewRetentionEvent(
      graph,
      indexOf(items, [earlier({ eventTypeId: departure.id, eventTypeName: 'Employee Departure' }, '2024-06-01T00:00:00Z')]),
      request()
    );
    expect(otherType.alreadyStarted).toEqual([]);
    const otherAsset = await previewRetentionEvent(
      graph,
      indexOf(items, [{ ...earlier({ eventTypeId: contractExpiry.id }, '2024-06-01T00:00:00Z'), assetIds: ['C-78'] }]),
      request()
    );
    expect(otherAsset.count).toBe(3);
  });

  it('starts nothing before the index has read the file plan, and says so by counting nothing', async () => {
    const preview = await previewRetentionEvent(graph, indexOf([entry('1', 'Contracts by id', 'C-77')], [], false), request());
    expect(preview.labelNames).toEqual([]);
    expect(preview.count).toBe(0);
    expect(preview.unmatchedAssetIds).toEqual(['C-77']);
  });

  it('with holds, sets apart a held item and every item sharing its asset id, and leaves that id out of the query', async () => {
    const hold = { source: 'custodian' as const, id: 'H-1', name: 'Audit' };
    const index = indexOf([
      entry('1', 'Contracts by id', 'C-77'),
      entry('2', 'Contracts by name', 'C-77'),
      entry('3', 'Contracts by id', 'C-78'),
      entry('4', 'Contracts by id', 'C-79')
    ]);
    const holds = {
      graph,
      register: async () => ({ covering: async () => (key: string) => (key === 'site|list|1' ? [hold] : []) }),
      legalHolds: async () => []
    };
    const preview = await previewRetentionEvent(graph, index, request({ assetIds: ['C-77', 'C-78', 'C-79', 'NOPE'] }), { holds });
    expect(preview.held?.map((h) => [h.item.id, h.sharesAssetIdWithHeld, h.holds])).toEqual([
      ['1', false, [hold]],
      ['2', true, [hold]]
    ]);
    expect(preview.items.map((i) => i.item.id)).toEqual(['3', '4']);
    expect(preview.count).toBe(2);
    expect(preview.request.assetIds).toEqual(['C-78', 'C-79', 'NOPE']);
    expect(preview.filesQuery).toBe('ComplianceAssetId:"C-78" OR ComplianceAssetId:"C-79" OR ComplianceAssetId:"NOPE"');
    const unheld = await previewRetentionEvent(graph, index, request({ assetIds: ['C-78'] }), { holds });
    expect(unheld).toMatchObject({ held: [], count: 1, filesQuery: 'ComplianceAssetId:"C-78"' });
  });

  it.each([
    ['a blank name', request({ displayName: '  ' }), 'eventNameRequired', /name people will recognise/],
    ['no asset id', request({ assetIds: [' ', ''] }), 'assetIdsRequired', /ComplianceAssetId/],
    ['an asset id with a double quote', request({ assetIds: ['ok', 'say "hi"'] }), 'assetIdNotExpressible', /Compliance Asset Id column/],
    ['an asset id with a line break', request({ assetIds: ['C-1\nC-2'] }), 'assetIdNotExpressible', /Compliance Asset Id column/]
  ])('refuses %s before any request, saying what to do', async (_what, bad, code, whatToDo) => {
    const error = await refusal(() => previewRetentionEvent(graph, indexOf([]), bad));
    expect(error).toMatchObject({ code, source: 'client', what: 'Custodian did not fire the retention event.' });
    expect(error.whatToDo).toMatch(whatToDo);
    expect(peer.seen).toEqual([]);
  });

  it('names the asset id it cannot express', async () => {
    const error = await refusal(() => previewRetentionEvent(graph, indexOf([]), request({ assetIds: ['say "hi"'] })));
    expect(error.why).toBe(
      'The asset id "say \\"hi\\"" holds a double quote or a control character, or ends with * (a prefix wildcard in KQL), which a Purview event query cannot match exactly.'
    );
  });

  // KQL syntax reference: a trailing * is prefix matching, also at the end of a phrase, so `"C-7*"` is no exact id.
  it('refuses an asset id ending with *, which the query would read as a prefix', async () => {
    const error = await refusal(() => previewRetentionEvent(graph, indexOf([]), request({ assetIds: ['C-7*'] })));
    expect(error).toMatchObject({ code: 'assetIdNotExpressible' });
    expect(peer.seen).toEqual([]);
  });

  // KQL syntax reference: "KQL queries are case-insensitive", so the event's query reaches c-77 as well as C-77.
  it('names the items whose asset id differs only in case, and keeps one of two ids that differ only in case', async () => {
    const preview = await previewRetentionEvent(
      graph,
      indexOf([entry('1', 'Contracts by id', 'c-77'), entry('2', 'Contracts by id', 'C-77')]),
      request({ assetIds: ['C-77', 'c-77'] })
    );
    expect(preview.items.map((i) => i.item.id)).toEqual(['1', '2']);
    expect(preview.request.assetIds).toEqual(['C-77']);
    expect(preview.unmatchedAssetIds).toEqual([]);
    expect(preview.filesQuery).toBe('ComplianceAssetId:"C-77"');
  });

  // Purview's "Start retention when an event occurs" (step 7) takes the query as the records manager writes it.
  it('previews a query as Purview takes it, and refuses one it cannot evaluate before any request', async () => {
    const index = indexOf([
      entry('1', 'Contracts by id', 'C-77'),
      entry('2', 'Contracts by id', 'C-78'),
      entry('3', 'Contracts by id', 'C-79')
    ]);
    const preview = await previewRetentionEvent(
      graph,
      index,
      request({ assetIds: [], query: 'ComplianceAssetId:C-77 ComplianceAssetId:"C-78"' })
    );
    expect(preview.items.map((i) => i.item.id)).toEqual(['1', '2']);
    expect(preview.filesQuery).toBe('ComplianceAssetId:"C-77" OR ComplianceAssetId:"C-78"');
    peer.seen.length = 0;
    const error = await refusal(() => previewRetentionEvent(graph, index, request({ assetIds: [], query: 'ProductID:XYZ' })));
    expect(error).toMatchObject({ code: 'queryNotReadable' });
    expect(error.why).toMatch(/^Custodian cannot preview the query "ProductID:XYZ": /);
    expect(error.whatToDo).toMatch(/Compliance Asset Id/);
    const both = await refusal(() => previewRetentionEvent(graph, index, request({ query: 'ComplianceAssetId:C-78' })));
    expect(both).toMatchObject({ code: 'queryAndAssetIds' });
    expect(peer.seen).toEqual([]);
  });

  // Purview: "If an asset ID is not entered, all content with labels of that event type get the same retention date".
  it('previews a blank query as every item labelled for the type, held items apart, and an earlier event naming none as having started them', async () => {
    const hold = { source: 'custodian' as const, id: 'H-1', name: 'Audit' };
    const index = indexOf(
      [
        entry('1', 'Contracts by id', 'C-77'),
        entry('2', 'Contracts by name', undefined),
        entry('3', 'Personnel', 'C-77'),
        entry('4', 'Contracts by id', 'C-77')
      ],
      [
        {
          id: 'e0',
          displayName: 'All contracts',
          eventTypeId: contractExpiry.id,
          assetIds: [],
          everyItem: true,
          triggeredAt: '2024-06-01T00:00:00Z',
          createdAt: '2024-06-01T00:00:00Z'
        } as RetentionEventFact
      ]
    );
    const plain = await previewRetentionEvent(graph, indexOf(index.entries()), request({ assetIds: [], query: '' }));
    expect(plain).toMatchObject({ startsEveryItemOfType: true, filesQuery: '', count: 3, unmatchedAssetIds: [] });
    const holds = {
      graph,
      register: async () => ({ covering: async () => (key: string) => (key === 'site|list|1' ? [hold] : []) }),
      legalHolds: async () => []
    };
    const withHolds = await previewRetentionEvent(graph, indexOf(index.entries()), request({ assetIds: [], query: ' ' }), { holds });
    // Item 4 shares C-77 with the held item, but an event naming no asset id starts it anyway: it is not held back.
    expect(withHolds.held?.map((h) => h.item.id)).toEqual(['1']);
    expect(withHolds.items.map((i) => i.item.id)).toEqual(['2', '4']);
    const started = await previewRetentionEvent(graph, index, request({ assetIds: [], query: '' }));
    expect(started.alreadyStarted.map((i) => i.item.id)).toEqual(['1', '2', '4']);
  });

  it('refuses an unknown event type, listing the types there are, or saying none exist yet', async () => {
    const unknown = await refusal(() => previewRetentionEvent(graph, indexOf([]), request({ eventType: 'Moon Landing' })));
    expect(unknown).toMatchObject({ code: 'unknownEventType', why: 'There is no event type named "Moon Landing".' });
    expect(unknown.whatToDo).toBe('Choose one of: Contract Expiry, Employee Departure.');
    peer.otherwise = () => ({ body: { value: [] } });
    const none = await refusal(() => previewRetentionEvent(graph, indexOf([]), request()));
    expect(none.whatToDo).toBe('Choose one of: none exist yet; ask your records manager to create one.');
  });
});

describe('firing a previewed event', () => {
  async function previewOf(overrides: Partial<RetentionEventRequest> = {}): Promise<RetentionEventPreview> {
    return previewRetentionEvent(graph, indexOf([entry('1', 'Contracts by id', 'C-77')]), request(overrides));
  }
  const fired = () => peer.seen.filter((r) => r.method === 'POST').map((r) => JSON.parse(r.body) as Record<string, unknown>);

  it('sends the previewed query, the type and the event date, with the description only when there is one', async () => {
    await fireRetentionEvent(graph, await previewOf({ eventDate: '2024-03-01T00:00:00+02:00' }), {
      confirmedCount: 1,
      now: '2026-01-01T00:00:00Z'
    });
    await fireRetentionEvent(graph, await previewOf({ description: 'Closed by legal' }), {
      confirmedCount: 1,
      now: '2026-01-01T00:00:00Z'
    });
    const [first, second] = fired();
    expect(first).toEqual({
      displayName: 'Northwind contracts expired',
      eventQueries: [{ queryType: 'files', query: 'ComplianceAssetId:"C-77"' }],
      eventTriggerDateTime: '2024-02-29T22:00:00.000Z',
      'retentionEventType@odata.bind': `${peer.url}/v1.0/security/triggerTypes/retentionEventTypes/${contractExpiry.id}`
    });
    expect(second).toMatchObject({ description: 'Closed by legal', eventTriggerDateTime: '2026-01-01T00:00:00.000Z' });
  });

  it('refuses a confirmation of another count than the preview shows, saying both', async () => {
    const error = await refusal(async () =>
      fireRetentionEvent(graph, await previewOf(), { confirmedCount: 2, now: '2026-01-01T00:00:00Z' })
    );
    expect(error).toMatchObject({ code: 'notConfirmed', why: 'The confirmation was for 2 items, but the preview starts 1.' });
    expect(error.whatToDo).toBe('Preview the event again and confirm the items it lists.');
    expect(fired()).toEqual([]);
  });

  // Purview starts every item labelled for the type, tenant-wide, when the query names no asset id; the preview sees the index only.
  it('refuses to fire an event whose query names no asset id, saying what to do', async () => {
    const everyItem = await previewRetentionEvent(
      graph,
      indexOf([entry('1', 'Contracts by id', 'C-77')]),
      request({ assetIds: [], query: '' })
    );
    const error = await refusal(() => fireRetentionEvent(graph, everyItem, { confirmedCount: 1, now: '2026-01-01T00:00:00Z' }));
    expect(error).toMatchObject({ code: 'startsEveryItemOfType' });
    expect(error.whatToDo).toMatch(/ComplianceAssetId:value/);
    expect(fired()).toEqual([]);
  });

  it('refuses to fire an event that starts nothing, or has no query (it would start every item of its type)', async () => {
    const nothing = await previewOf({ assetIds: ['NOPE'] });
    const error = await refusal(() => fireRetentionEvent(graph, nothing, { confirmedCount: 0, now: '2026-01-01T00:00:00Z' }));
    expect(error).toMatchObject({ code: 'nothingToStart' });
    expect(error.whatToDo).toMatch(/released the hold/);
    const noQuery = { ...(await previewOf()), filesQuery: '  ' };
    await expect(fireRetentionEvent(graph, noQuery, { confirmedCount: 1, now: '2026-01-01T00:00:00Z' })).rejects.toMatchObject({
      code: 'nothingToStart'
    });
    expect(fired()).toEqual([]);
  });

  it.each([
    ['an event date without a time zone', { eventDate: '2024-03-01T00:00:00' }, '2026-01-01T00:00:00Z'],
    ['an event date that is no date', { eventDate: 'yesterday' }, '2026-01-01T00:00:00Z'],
    ['no event date and a clock that gives no valid time', {}, 'not a time']
  ])('refuses %s, sending nothing', async (_what, overrides, now) => {
    const error = await refusal(async () => fireRetentionEvent(graph, await previewOf(overrides), { confirmedCount: 1, now }));
    expect(error).toMatchObject({ code: 'invalidEventDate', why: 'The event date is not a valid date with a time zone.' });
    expect(error.whatToDo).toBe('Choose the date the event happened.');
    expect(fired()).toEqual([]);
  });
});
