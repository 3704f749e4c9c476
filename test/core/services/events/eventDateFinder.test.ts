import type { SecurityNamespace } from '@microsoft/microsoft-graph-types';
import type { FilePlanLabel, RetentionSettings } from '../../../../src/core/domain/filePlanLabel';
import { createEventDateFinder } from '../../../../src/core/services/events/eventDateFinder';
import { retentionEventFacts } from '../../../../src/core/services/events/RetentionEventFact';

// The outside truth is Purview's documented rules for event-based retention (docs/records-domain.md, "Event-based
// retention"): an event starts the retention of items whose label is bound to its event type and whose asset id
// its query names; an item labelled after the event was created is not started by it; asset ids compare exactly.
// Events are written as Graph returns them (`retentionEvent` with `$expand=retentionEventType`).

const contractEnd = { id: '9eecef97-fb3c-4c68-825b-4dd74530863a', displayName: 'Contract end' };
const employeeExit = { id: '2f0b3e1c-5f6a-4b7d-8c9e-0a1b2c3d4e5f', displayName: 'Employee activity' };

function event(
  id: string,
  type: { id?: string; displayName?: string } | undefined,
  query: string,
  triggered: string,
  created = triggered
): SecurityNamespace.RetentionEvent {
  return {
    id,
    displayName: `Event ${id}`,
    eventQueries: [{ queryType: 'files', query }],
    eventTriggerDateTime: triggered,
    createdDateTime: created,
    ...(type ? { retentionEventType: type as SecurityNamespace.RetentionEventType } : {})
  };
}

function finder(...events: SecurityNamespace.RetentionEvent[]) {
  return createEventDateFinder(retentionEventFacts(events));
}

function eventLabel(name: string, type: { id?: string; name?: string }): FilePlanLabel {
  const retention: RetentionSettings = {
    behavior: 'retainAsRecord',
    action: 'startDispositionReview',
    trigger: 'dateOfEvent',
    duration: { kind: 'days', days: 2555 },
    ...(type.name !== undefined ? { eventTypeName: type.name } : {}),
    ...(type.id !== undefined ? { eventTypeId: type.id } : {}),
    dispositionStages: []
  };
  return { name, retention, descriptors: {} };
}

describe('the event that starts an item’s retention', () => {
  const byId = { id: contractEnd.id };

  it('is the event of the label’s type that names the item’s asset id', () => {
    const events = finder(event('e1', contractEnd, 'ComplianceAssetId:"C-100"', '2024-03-01T00:00:00Z'));
    expect(events.eventDate(byId, 'C-100', '2024-01-01T00:00:00Z')).toBe('2024-03-01T00:00:00.000Z');
  });

  it('is none for an item without an asset id, or whose asset id no event names', () => {
    const events = finder(event('e1', contractEnd, 'ComplianceAssetId:"C-100"', '2024-03-01T00:00:00Z'));
    expect(events.eventDate(byId, undefined, undefined)).toBeUndefined();
    expect(events.eventDate(byId, 'C-101', undefined)).toBeUndefined();
  });

  // KQL syntax reference: "KQL queries are case-insensitive"; a value is matched whole, not by prefix.
  it('compares asset ids ignoring case, as KQL does, and whole', () => {
    const events = finder(event('e1', contractEnd, 'ComplianceAssetId:"C-100"', '2024-03-01T00:00:00Z'));
    expect(events.eventDate(byId, 'c-100', undefined)).toBe('2024-03-01T00:00:00.000Z');
    expect(events.eventDate(byId, ' C-100', undefined)).toBeUndefined();
    expect(events.eventDate(byId, 'C-1000', undefined)).toBeUndefined();
  });

  // KQL syntax reference and [MS-KQL] 2.2.4: `name1:value1 name1:value2` is `name1:value1 OR name1:value2`;
  // New-ComplianceRetentionEvent's example query is `EmployeeNumber:123456 EmployeeNumber:456789`.
  it('reads the same property twice without OR, as Purview writes it, as two asset ids', () => {
    const events = finder(event('e1', contractEnd, 'ComplianceAssetId:4815 ComplianceAssetId:4816', '2024-03-01T00:00:00Z'));
    expect(events.eventDate(byId, '4815', undefined)).toBe('2024-03-01T00:00:00.000Z');
    expect(events.eventDate(byId, '4816', undefined)).toBe('2024-03-01T00:00:00.000Z');
    expect(events.eventDate(byId, '4815 ComplianceAssetId:4816', undefined)).toBeUndefined();
  });

  // Purview, "Start retention when an event occurs": "If an asset ID is not entered, all content with labels of that
  // event type get the same retention date applied to them."
  it('is an event that names no asset id, for every item of its type, with an asset id or without', () => {
    const events = createEventDateFinder([
      {
        displayName: 'All contracts ended',
        eventTypeId: contractEnd.id,
        eventTypeName: contractEnd.displayName,
        assetIds: [],
        everyItem: true,
        triggeredAt: '2024-03-01T00:00:00Z',
        createdAt: '2024-03-01T00:00:00Z'
      }
    ]);
    expect(events.eventDate(byId, 'C-100', undefined)).toBe('2024-03-01T00:00:00.000Z');
    expect(events.eventDate(byId, undefined, '2024-01-01T00:00:00Z')).toBe('2024-03-01T00:00:00.000Z');
    expect(events.eventDate({ id: employeeExit.id }, 'C-100', undefined)).toBeUndefined();
    expect(events.eventDate(byId, 'C-100', '2024-03-02T00:00:00Z')).toBeUndefined();
  });

  it('is none when the event is of another type, even for the same asset id', () => {
    const events = finder(event('e1', employeeExit, 'ComplianceAssetId:"C-100"', '2024-03-01T00:00:00Z'));
    expect(events.eventDate(byId, 'C-100', undefined)).toBeUndefined();
    expect(events.eventDate({ name: contractEnd.displayName }, 'C-100', undefined)).toBeUndefined();
  });

  it('matches the event type by name, ignoring case, when the label knows only the name', () => {
    const events = finder(event('e1', contractEnd, 'ComplianceAssetId:"C-100"', '2024-03-01T00:00:00Z'));
    expect(events.eventDate({ name: 'CONTRACT END' }, 'C-100', undefined)).toBe('2024-03-01T00:00:00.000Z');
  });

  it('matches by name when the event carries only its type’s name, and by id when it carries only the id', () => {
    const byNameOnly = finder(event('e1', { displayName: 'Contract end' }, 'ComplianceAssetId:"C-100"', '2024-03-01T00:00:00Z'));
    expect(byNameOnly.eventDate({ id: contractEnd.id, name: 'contract end' }, 'C-100', undefined)).toBe('2024-03-01T00:00:00.000Z');
    expect(byNameOnly.eventDate(byId, 'C-100', undefined)).toBeUndefined();
    const byIdOnly = finder(event('e1', { id: contractEnd.id }, 'ComplianceAssetId:"C-100"', '2024-03-01T00:00:00Z'));
    expect(byIdOnly.eventDate(byId, 'C-100', undefined)).toBe('2024-03-01T00:00:00.000Z');
    expect(byIdOnly.eventDate({ name: 'Contract end' }, 'C-100', undefined)).toBeUndefined();
  });

  it('prefers the events found by the type’s id to those found by its name', () => {
    // A renamed type: the old name now belongs to another type's events.
    const renamed = { id: 'aaaaaaaa-0000-0000-0000-000000000001', displayName: 'Contract end' };
    const events = finder(
      event('e1', contractEnd, 'ComplianceAssetId:"C-100"', '2024-05-01T00:00:00Z'),
      event('e2', renamed, 'ComplianceAssetId:"C-100"', '2024-02-01T00:00:00Z')
    );
    expect(events.eventDate({ id: contractEnd.id, name: 'Contract end' }, 'C-100', undefined)).toBe('2024-05-01T00:00:00.000Z');
  });

  it('is the earliest of several matching events, whatever their order', () => {
    const later = event('e1', contractEnd, 'ComplianceAssetId:"C-100"', '2024-06-01T00:00:00Z');
    const earlier = event('e2', contractEnd, 'ComplianceAssetId:"C-100"', '2024-04-01T00:00:00Z');
    const latest = event('e3', contractEnd, 'ComplianceAssetId:"C-100"', '2024-09-01T00:00:00Z');
    expect(finder(later, earlier, latest).eventDate(byId, 'C-100', undefined)).toBe('2024-04-01T00:00:00.000Z');
    expect(finder(earlier, later, latest).eventDate(byId, 'C-100', undefined)).toBe('2024-04-01T00:00:00.000Z');
  });

  it('finds each of the asset ids one event names', () => {
    const events = finder(event('e1', contractEnd, 'ComplianceAssetId:"C-100" OR ComplianceAssetId:"C-200"', '2024-03-01T00:00:00Z'));
    expect(events.eventDate(byId, 'C-100', undefined)).toBe('2024-03-01T00:00:00.000Z');
    expect(events.eventDate(byId, 'C-200', undefined)).toBe('2024-03-01T00:00:00.000Z');
  });

  it('does not start an item labelled after the event was created; one labelled at the same instant is started', () => {
    const events = finder(event('e1', contractEnd, 'ComplianceAssetId:"C-100"', '2024-03-01T00:00:00Z', '2024-03-05T12:00:00Z'));
    expect(events.eventDate(byId, 'C-100', '2024-03-05T12:00:01Z')).toBeUndefined();
    expect(events.eventDate(byId, 'C-100', '2024-03-05T12:00:00Z')).toBe('2024-03-01T00:00:00.000Z');
    expect(events.eventDate(byId, 'C-100', '2024-03-05T11:59:59Z')).toBe('2024-03-01T00:00:00.000Z');
  });

  it('of two events, starts an item labelled between them with the second', () => {
    const events = finder(
      event('e1', contractEnd, 'ComplianceAssetId:"C-100"', '2024-01-01T00:00:00Z'),
      event('e2', contractEnd, 'ComplianceAssetId:"C-100"', '2024-08-01T00:00:00Z')
    );
    expect(events.eventDate(byId, 'C-100', '2024-05-01T00:00:00Z')).toBe('2024-08-01T00:00:00.000Z');
  });

  it('skips an event whose dates cannot be read, and still counts the others', () => {
    const events = finder(
      event('e1', contractEnd, 'ComplianceAssetId:"C-100"', 'not a date'),
      event('e2', contractEnd, 'ComplianceAssetId:"C-100"', '2024-08-01T00:00:00Z', 'not a date'),
      event('e3', contractEnd, 'ComplianceAssetId:"C-100"', '2024-09-01T00:00:00Z')
    );
    expect(events.eventDate(byId, 'C-100', undefined)).toBe('2024-09-01T00:00:00.000Z');
  });
});

describe('event dates for a relabel chain', () => {
  it('gives, by event type name, the date of each event-based label’s event, and nothing for other labels', () => {
    const events = finder(
      event('e1', contractEnd, 'ComplianceAssetId:"C-100"', '2024-03-01T00:00:00Z'),
      event('e2', employeeExit, 'ComplianceAssetId:"C-100"', '2025-01-01T00:00:00Z'),
      event(
        'e3',
        { id: 'cccccccc-0000-0000-0000-000000000003', displayName: 'Product lifetime' },
        'ComplianceAssetId:"C-999"',
        '2025-01-01T00:00:00Z'
      )
    );
    const labels: FilePlanLabel[] = [
      eventLabel('Contracts', { id: contractEnd.id, name: 'Contract end' }),
      eventLabel('Personnel', { name: 'Employee activity' }),
      eventLabel('Products', { name: 'Product lifetime' }),
      { name: 'Classify only', retention: null, descriptors: {} },
      {
        name: 'Seven years',
        retention: {
          behavior: 'retain',
          action: 'delete',
          trigger: 'dateCreated',
          duration: { kind: 'days', days: 2555 },
          dispositionStages: []
        },
        descriptors: {}
      }
    ];
    expect(events.eventDates(labels, 'C-100', '2024-01-01T00:00:00Z')).toEqual({
      'Contract end': '2024-03-01T00:00:00.000Z',
      'Employee activity': '2025-01-01T00:00:00.000Z'
    });
  });

  it('skips an event-based label that names no event type (as the schema would refuse) and one labelled after every event', () => {
    const events = finder(event('e1', contractEnd, 'ComplianceAssetId:"C-100"', '2024-03-01T00:00:00Z'));
    const noName = eventLabel('Unnamed', { id: contractEnd.id });
    expect(events.eventDates([noName], 'C-100', undefined)).toEqual({});
    expect(
      events.eventDates([eventLabel('Contracts', { id: contractEnd.id, name: 'Contract end' })], 'C-100', '2025-01-01T00:00:00Z')
    ).toEqual({});
  });
});

describe('reading fired events from Graph', () => {
  it('keeps the event’s id, name, type and the asset ids of its files queries only', () => {
    const [fact] = retentionEventFacts([
      {
        id: 'e1',
        displayName: 'Contract C-100 ended',
        eventQueries: [
          { queryType: 'files', query: 'ComplianceAssetId:"C-100"' },
          { queryType: 'messages', query: 'subject:"C-200"' }
        ],
        eventTriggerDateTime: '2024-03-01T00:00:00Z',
        createdDateTime: '2024-03-02T00:00:00Z',
        retentionEventType: contractEnd as SecurityNamespace.RetentionEventType
      }
    ]);
    expect(fact).toEqual({
      id: 'e1',
      displayName: 'Contract C-100 ended',
      eventTypeId: contractEnd.id,
      eventTypeName: contractEnd.displayName,
      assetIds: ['C-100'],
      triggeredAt: '2024-03-01T00:00:00Z',
      createdAt: '2024-03-02T00:00:00Z'
    });
  });

  it('dates an event without a trigger date by its creation, and one without a creation date by its trigger', () => {
    const [onlyCreated, onlyTriggered] = retentionEventFacts([
      { id: 'e1', createdDateTime: '2024-03-02T00:00:00Z', eventQueries: [] },
      { id: 'e2', eventTriggerDateTime: '2024-03-01T00:00:00Z' }
    ]);
    expect(onlyCreated).toMatchObject({ triggeredAt: '2024-03-02T00:00:00Z', createdAt: '2024-03-02T00:00:00Z', displayName: 'e1' });
    expect(onlyTriggered).toMatchObject({ triggeredAt: '2024-03-01T00:00:00Z', createdAt: '2024-03-01T00:00:00Z', assetIds: [] });
    expect(onlyTriggered).not.toHaveProperty('eventTypeId');
    expect(onlyTriggered).not.toHaveProperty('eventTypeName');
  });

  it('skips an event without an id or without any date, and keeps the ones after it', () => {
    const facts = retentionEventFacts([
      { displayName: 'no id', eventTriggerDateTime: '2024-03-01T00:00:00Z' },
      { id: 'e2', displayName: 'no date' },
      { id: 'e3', eventTriggerDateTime: '2024-03-01T00:00:00Z' }
    ]);
    expect(facts.map((fact) => fact.id)).toEqual(['e3']);
  });

  it('ignores a files query without query text', () => {
    const [fact] = retentionEventFacts([
      {
        id: 'e1',
        eventTriggerDateTime: '2024-03-01T00:00:00Z',
        eventQueries: [{ queryType: 'files' }, { queryType: 'files', query: 'ComplianceAssetId:"C-1"' }]
      }
    ]);
    expect(fact.assetIds).toEqual(['C-1']);
  });
});
