import { retentionEventFacts } from '../../../../src/core/services/events/RetentionEventFact';

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
