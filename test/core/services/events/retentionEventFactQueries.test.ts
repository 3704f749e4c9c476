import { retentionEventFacts } from '../../../../src/core/services/events/RetentionEventFact';
import { createEventDateFinder } from '../../../../src/core/services/events/eventDateFinder';

const event = {
  id: 'fcdbfb58-d0c6-85dd-d011-4e0ff9a6805d',
  displayName: 'Contract 4815 ended',
  eventTriggerDateTime: '2026-03-01T00:00:00Z',
  createdDateTime: '2026-03-02T09:00:00Z'
};
const files = { queryType: 'files', query: 'ComplianceAssetId:4815' };

describe('retentionEventFacts reads the queries under both names Microsoft documents', () => {
  // https://learn.microsoft.com/graph/api/security-retentionevent-post (and -get, -list): the examples name the
  // queries `eventQuery`; a files query whose asset id is dropped would start no item, or (with no query) every one.
  it('reads asset ids from eventQuery, as in the create, get and list examples', () => {
    expect(retentionEventFacts([{ ...event, eventQuery: [files] }])[0].assetIds).toEqual(['4815']);
  });

  // https://learn.microsoft.com/graph/api/resources/security-retentionevent: the resource page names them `eventQueries`.
  it('reads asset ids from eventQueries, as on the resource page', () => {
    expect(retentionEventFacts([{ ...event, eventQueries: [files] }])[0].assetIds).toEqual(['4815']);
  });

  // https://learn.microsoft.com/graph/api/security-retentionevent-get: the example wraps the one event in "value".
  it('reads an event wrapped in "value" as the event inside', () => {
    expect(retentionEventFacts([{ value: { ...event, eventQuery: [files] } }])).toEqual([
      {
        id: event.id,
        displayName: 'Contract 4815 ended',
        assetIds: ['4815'],
        triggeredAt: '2026-03-01T00:00:00Z',
        createdAt: '2026-03-02T09:00:00Z'
      }
    ]);
  });

  it('ignores the queries of messages (Exchange keywords are not asset ids)', () => {
    expect(retentionEventFacts([{ ...event, eventQuery: [{ queryType: 'messages', query: '4815' }] }])[0].assetIds).toEqual([]);
  });
});

// https://learn.microsoft.com/purview/event-driven-retention: "If an asset ID is not entered, all content with labels of
// that event type get the same retention date applied to them." An event created in Purview without asset ids must
// start the retention of every item of its type in Custodian's index too, and one it cannot read must not pass as
// one that names nothing.
describe('which items a fired event starts, as the index reads it', () => {
  const finderOf = (queries: unknown[]) =>
    createEventDateFinder(
      retentionEventFacts([{ ...event, retentionEventType: { id: 't1', displayName: 'Contract Expiry' }, eventQuery: queries }])
    );
  const contractExpiry = { id: 't1', name: 'Contract Expiry' };

  it.each([
    ['a blank files query', [{ queryType: 'files', query: '' }]],
    ['no files query', []]
  ])('starts every item of the type when the event has %s', (_, queries) => {
    const [fact] = retentionEventFacts([{ ...event, eventQuery: queries }]);
    expect(fact).toMatchObject({ everyItem: true, assetIds: [] });
    expect(fact.unreadableQuery).toBeUndefined();
    const finder = finderOf(queries);
    expect(finder.eventDate(contractExpiry, '9999', '2026-01-01T00:00:00Z')).toBe('2026-03-01T00:00:00.000Z');
    expect(finder.eventDate(contractExpiry, undefined, '2026-01-01T00:00:00Z')).toBe('2026-03-01T00:00:00.000Z');
  });

  it('starts only the items it names when it names asset ids, and marks a query it cannot read', () => {
    const named = finderOf([files]);
    expect(named.eventDate(contractExpiry, '4815', '2026-01-01T00:00:00Z')).toBe('2026-03-01T00:00:00.000Z');
    expect(named.eventDate(contractExpiry, '9999', '2026-01-01T00:00:00Z')).toBeUndefined();
    const [unreadable] = retentionEventFacts([{ ...event, eventQuery: [{ queryType: 'files', query: 'ProductID:XYZ' }] }]);
    expect(unreadable).toMatchObject({ unreadableQuery: true, assetIds: [] });
    expect(unreadable.everyItem).toBeUndefined();
    expect(
      finderOf([{ queryType: 'files', query: 'ProductID:XYZ' }]).eventDate(contractExpiry, '9999', '2026-01-01T00:00:00Z')
    ).toBeUndefined();
  });
});
