import type { FilePlanLabel, RetentionSettings } from '../../../src/core/domain/filePlanLabel';
import { retentionEnd } from '../../../src/core/domain/retentionEnd';
import { retentionPeriodInDays } from '../../../src/core/domain/retentionPeriodInDays';
import { parseUtcInstant, utcDate } from '../../../src/core/domain/utcInstant';
import { forAll } from './support/random';

const day = 86400000;
const make = (name: string, retention: Partial<RetentionSettings> | null): FilePlanLabel => ({
  name,
  descriptors: {},
  retention:
    retention === null
      ? null
      : {
          behavior: 'retain',
          action: 'delete',
          trigger: 'dateCreated',
          duration: { kind: 'days', days: 30 },
          dispositionStages: [],
          ...retention
        }
});
const item = { created: '2023-01-15T08:00:00Z', modified: '2023-06-01T08:00:00Z', labelled: '2023-01-20T08:00:00Z' };

describe('retentionEnd', () => {
  it('counts a leap day as an ordinary day: 2,555 days from 29 February 2020 ends on 27 February 2027', () => {
    const result = retentionEnd(make('Seven years', { duration: { kind: 'days', days: 2555 } }), {
      created: '2020-02-29T12:00:00Z',
      labelled: '2020-03-01T00:00:00Z'
    });
    expect(result).toMatchObject({
      ok: true,
      kind: 'date',
      endsAt: '2027-02-27T12:00:00.000Z',
      endDate: '2027-02-27',
      action: 'delete',
      extended: false
    });
  });

  it('ends a day after 28 February 2024 on the leap day', () => {
    const result = retentionEnd(make('One day', { duration: { kind: 'days', days: 1 } }), {
      created: '2024-02-28T23:30:00Z',
      labelled: '2024-02-28T23:30:00Z'
    });
    expect(result).toMatchObject({ endsAt: '2024-02-29T23:30:00.000Z', endDate: '2024-02-29' });
  });

  it.each([
    ['Los Angeles, the night clocks go forward', '2024-03-09T12:00:00-08:00', '2024-03-10T20:00:00.000Z'],
    ['Los Angeles, the night clocks go back', '2024-11-02T12:00:00-07:00', '2024-11-03T19:00:00.000Z'],
    ['Auckland, the night clocks go back', '2024-04-06T23:00:00+13:00', '2024-04-07T10:00:00.000Z'],
    ['Auckland, the night clocks go forward', '2024-09-28T23:00:00+12:00', '2024-09-29T11:00:00.000Z']
  ])('counts a day as 24 hours across a daylight-saving change (%s)', (_where, created, endsAt) => {
    const result = retentionEnd(make('One day', { duration: { kind: 'days', days: 1 } }), { created, labelled: created });
    expect(result).toMatchObject({ ok: true, endsAt });
  });

  it('gives the UTC date even when the local date differs (Auckland evening is the next UTC day minus hours)', () => {
    const result = retentionEnd(make('Ten days', { duration: { kind: 'days', days: 10 } }), {
      created: '2024-01-01T09:00:00+13:00',
      labelled: '2024-01-01T09:00:00+13:00'
    });
    expect(result).toMatchObject({ endsAt: '2024-01-10T20:00:00.000Z', endDate: '2024-01-10' });
  });

  it('adds exactly N × 24 hours to any start, as calendar arithmetic in UTC agrees', () => {
    forAll(2000, (rng) => {
      const start = Date.UTC(
        rng.int(1970, 2120),
        rng.int(0, 11),
        rng.int(1, 28),
        rng.int(0, 23),
        rng.int(0, 59),
        rng.int(0, 59),
        rng.int(0, 999)
      );
      const days = rng.int(1, 36525);
      const startInput = rng.pick(['iso', 'date', 'number', 'offset'] as const);
      const offsetMinutes = rng.int(-12 * 60, 14 * 60);
      const pad = (value: number): string => String(Math.abs(value)).padStart(2, '0');
      const local = new Date(start + offsetMinutes * 60000).toISOString().slice(0, 23);
      const inputs = {
        iso: new Date(start).toISOString(),
        date: new Date(start),
        number: start,
        offset: `${local}${offsetMinutes < 0 ? '-' : '+'}${pad(Math.trunc(offsetMinutes / 60))}:${pad(offsetMinutes % 60)}`
      };
      const result = retentionEnd(make('L', { duration: { kind: 'days', days } }), { created: inputs[startInput], labelled: start });
      const calendar = new Date(start);
      const expected = new Date(
        Date.UTC(
          calendar.getUTCFullYear(),
          calendar.getUTCMonth(),
          calendar.getUTCDate() + days,
          calendar.getUTCHours(),
          calendar.getUTCMinutes(),
          calendar.getUTCSeconds(),
          calendar.getUTCMilliseconds()
        )
      ).toISOString();
      expect(result).toMatchObject({ ok: true, kind: 'date', endsAt: expected, endDate: expected.slice(0, 10) });
    });
  });

  it('is unaffected by local-time Date objects: the end is the same instant plus whole days', () => {
    const local = new Date(2024, 2, 31, 1, 30);
    const result = retentionEnd(make('L', { duration: { kind: 'days', days: 3 } }), { created: local, labelled: local });
    expect(result.ok && result.kind === 'date' && Date.parse(result.endsAt) - local.getTime()).toBe(3 * day);
  });

  it.each([
    ['dateCreated', '2023-02-14T08:00:00.000Z'],
    ['dateModified', '2023-07-01T08:00:00.000Z'],
    ['dateLabeled', '2023-02-19T08:00:00.000Z']
  ] as const)('counts %s from the matching date', (trigger, endsAt) => {
    expect(retentionEnd(make('L', { trigger }), item)).toMatchObject({ endsAt });
  });

  it('never ends before the label was applied: a label applied after its period ran out acts at once', () => {
    const result = retentionEnd(make('L', { duration: { kind: 'days', days: 1 } }), {
      created: '2020-01-01T00:00:00Z',
      labelled: '2023-05-05T10:00:00Z'
    });
    expect(result).toMatchObject({ endsAt: '2023-05-05T10:00:00.000Z' });
  });

  it('waits for an event that has not happened, and counts from it once it has', () => {
    const eventLabel = make('Employee files', {
      trigger: 'dateOfEvent',
      eventTypeName: 'Employee activity',
      duration: { kind: 'days', days: 10 }
    });
    expect(retentionEnd(eventLabel, item)).toEqual({
      ok: true,
      kind: 'awaitingEvent',
      labelName: 'Employee files',
      eventTypeName: 'Employee activity',
      steps: []
    });
    expect(retentionEnd(eventLabel, { ...item, eventDate: '2024-12-31T00:00:00Z' })).toMatchObject({ endsAt: '2025-01-10T00:00:00.000Z' });
    expect(retentionEnd(eventLabel, { ...item, eventDates: { 'Employee activity': '2024-12-01' } })).toMatchObject({
      endsAt: '2024-12-11T00:00:00.000Z'
    });
  });

  it('reports forever and labels without retention instead of a date', () => {
    expect(retentionEnd(make('Charter', { action: 'none', duration: { kind: 'forever' } }), item)).toEqual({
      ok: true,
      kind: 'forever',
      labelName: 'Charter',
      steps: []
    });
    expect(retentionEnd(make('Tag', null), item)).toEqual({ ok: true, kind: 'noRetention', labelName: 'Tag', steps: [] });
  });

  it('moves the end later when a reviewer extended it, never earlier', () => {
    const label = make('L', {});
    expect(retentionEnd(label, { ...item, extendedUntil: '2030-01-01T00:00:00Z' })).toMatchObject({
      endsAt: '2030-01-01T00:00:00.000Z',
      endDate: '2030-01-01',
      extended: true
    });
    expect(retentionEnd(label, { ...item, extendedUntil: '2020-01-01T00:00:00Z' })).toMatchObject({
      endsAt: '2023-02-14T08:00:00.000Z',
      extended: false
    });
  });

  it('follows a relabel chain: the next label counts "when labelled" from the end of the previous one', () => {
    const labels = [
      make('Active', { action: 'relabel', labelToBeApplied: 'dormant', duration: { kind: 'days', days: 30 } }),
      make('Dormant', { action: 'relabel', labelToBeApplied: 'Archive', trigger: 'dateLabeled', duration: { kind: 'days', days: 10 } }),
      make('Archive', {
        action: 'startDispositionReview',
        trigger: 'dateCreated',
        duration: { kind: 'days', days: 5 },
        dispositionStages: [{ name: 'S', reviewers: ['a@contoso.com'] }]
      })
    ];
    const result = retentionEnd(labels[0], item, labels);
    expect(result).toMatchObject({
      ok: true,
      kind: 'date',
      labelName: 'Archive',
      action: 'startDispositionReview',
      endsAt: '2023-02-24T08:00:00.000Z',
      steps: [
        { labelName: 'Active', startsAt: '2023-01-15T08:00:00.000Z', endsAt: '2023-02-14T08:00:00.000Z' },
        { labelName: 'Dormant', startsAt: '2023-02-14T08:00:00.000Z', endsAt: '2023-02-24T08:00:00.000Z' },
        { labelName: 'Archive', startsAt: '2023-01-15T08:00:00.000Z', endsAt: '2023-02-24T08:00:00.000Z' }
      ]
    });
  });

  it('stops a chain at a label kept forever or waiting for its own event', () => {
    const labels = [
      make('Active', { action: 'relabel', labelToBeApplied: 'Forever' }),
      make('Forever', { action: 'none', duration: { kind: 'forever' } }),
      make('Start', { action: 'relabel', labelToBeApplied: 'Contract' }),
      make('Contract', { trigger: 'dateOfEvent', eventTypeName: 'Contract end' })
    ];
    expect(retentionEnd(labels[0], item, labels)).toMatchObject({
      ok: true,
      kind: 'forever',
      labelName: 'Forever',
      steps: [{ labelName: 'Active' }]
    });
    // The item's eventDate belongs to its first label's event type, not to one reached later.
    expect(retentionEnd(labels[2], { ...item, eventDate: '2023-01-01T00:00:00Z' }, labels)).toMatchObject({
      kind: 'awaitingEvent',
      labelName: 'Contract'
    });
    expect(retentionEnd(labels[2], { ...item, eventDates: { 'Contract end': '2025-01-01T00:00:00Z' } }, labels)).toMatchObject({
      kind: 'date',
      endsAt: '2025-01-31T00:00:00.000Z'
    });
  });

  it('detects a relabel loop instead of running forever', () => {
    const labels = [
      make('A', { action: 'relabel', labelToBeApplied: 'B' }),
      make('B', { action: 'relabel', labelToBeApplied: 'C', trigger: 'dateLabeled' }),
      make('C', { action: 'relabel', labelToBeApplied: 'a', trigger: 'dateLabeled' })
    ];
    const result = retentionEnd(labels[0], item, labels);
    expect(result).toMatchObject({ ok: false, code: 'relabelCycle', chain: ['A', 'B', 'C', 'a'] });
    expect(!result.ok && result.reason).toBe(
      'The labels relabel to each other in a loop ("A" → "B" → "C" → "a"), so retention never ends.'
    );
    const self = make('Self', { action: 'relabel', labelToBeApplied: 'Self' });
    expect(retentionEnd(self, item, [self])).toMatchObject({ ok: false, code: 'relabelCycle' });
  });

  it('names a relabel target that is not in the file plan', () => {
    expect(retentionEnd(make('A', { action: 'relabel', labelToBeApplied: 'Gone' }), item)).toMatchObject({
      ok: false,
      code: 'unknownLabel',
      chain: ['A', 'Gone']
    });
  });

  it.each([
    [{ created: '2023-01-15T08:00:00', labelled: '2023-01-15T08:00:00Z' }, 'invalidDate'],
    [{ created: '2023-02-29', labelled: '2023-03-01' }, 'invalidDate'],
    [{ created: '15/01/2023', labelled: '2023-03-01' }, 'invalidDate'],
    [{ created: new Date('nonsense'), labelled: '2023-03-01' }, 'invalidDate'],
    [{ created: '2023-01-15T08:00:00Z', labelled: '2023-01-15T08:00:00Z', extendedUntil: 'tomorrow' }, 'invalidDate'],
    [{ created: undefined, labelled: '2023-03-01' }, 'missingDate']
  ])('refuses item dates it cannot place in time: %j', (dates, code) => {
    expect(retentionEnd(make('L', {}), dates as never)).toMatchObject({ ok: false, code });
  });

  it('refuses a "last modified" label for an item without a modified date, and a bad event date', () => {
    expect(retentionEnd(make('L', { trigger: 'dateModified' }), { created: item.created, labelled: item.labelled })).toMatchObject({
      ok: false,
      code: 'missingDate'
    });
    const eventLabel = make('E', { trigger: 'dateOfEvent', eventTypeName: 'X' });
    expect(retentionEnd(eventLabel, { ...item, eventDates: { X: 'soon' } })).toMatchObject({ ok: false, code: 'invalidDate' });
  });
});

describe('retentionPeriodInDays', () => {
  it('counts months as 30 days and years as 365, as Purview does', () => {
    expect(retentionPeriodInDays({ years: 7 })).toEqual({ ok: true, days: 7 * 365 });
    expect(retentionPeriodInDays({ months: 18 })).toEqual({ ok: true, days: 18 * 30 });
    expect(retentionPeriodInDays({ years: 1, months: 1, days: 1 })).toEqual({ ok: true, days: 365 + 30 + 1 });
    expect(retentionPeriodInDays({ years: 100, days: 25 })).toEqual({ ok: true, days: 36525 });
  });

  it.each([[{}], [{ years: -1, days: 400 }], [{ months: 1.5 }], [{ years: 100, days: 26 }], [{ days: Number.NaN }]])(
    'refuses %j with a reason',
    (period) => {
      expect(retentionPeriodInDays(period)).toMatchObject({ ok: false, reason: expect.stringMatching(/\.$/) });
    }
  );
});

describe('parseUtcInstant and utcDate', () => {
  it.each([
    ['2024-02-29T23:30:00-08:00', Date.UTC(2024, 2, 1, 7, 30)],
    ['2024-02-29', Date.UTC(2024, 1, 29)],
    ['2021-08-23T16:43:55.1234567Z', Date.UTC(2021, 7, 23, 16, 43, 55, 123)],
    ['2024-06-01T09:30Z', Date.UTC(2024, 5, 1, 9, 30)],
    ['0099-01-01T00:00:00Z', -59042995200000]
  ])('reads %s', (text, expected) => {
    expect(parseUtcInstant(text)).toBe(expected);
  });

  it.each(['2024-02-29T23:30', '2023-02-29', '2024-13-01', '2024-01-01T24:00:00Z', '2024-01-01T10:00:00+24:00', '', 'now', '2024-1-1'])(
    'refuses %j',
    (text) => {
      expect(parseUtcInstant(text)).toBeUndefined();
    }
  );

  it('refuses non-finite numbers and things that are not dates', () => {
    expect(parseUtcInstant(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(parseUtcInstant({} as never)).toBeUndefined();
    expect(utcDate(Date.UTC(2024, 1, 29, 23, 59))).toBe('2024-02-29');
  });
});

describe('retentionEnd with unusual file plans', () => {
  it('uses the first of two labels with the same name, and ends a relabel without target like "keep"', () => {
    const first = make('Next', { duration: { kind: 'days', days: 1 } });
    const second = make('NEXT', { duration: { kind: 'days', days: 99 } });
    const start = make('Start', { action: 'relabel', labelToBeApplied: 'next', duration: { kind: 'days', days: 1 } });
    expect(retentionEnd(start, item, [first, second])).toMatchObject({ endsAt: '2023-01-20T08:00:00.000Z', labelName: 'Next' });
    expect(retentionEnd(make('Half', { action: 'relabel' }), item)).toMatchObject({ kind: 'date', action: 'none' });
  });

  it('waits for the event of a label known only by its event type id', () => {
    expect(retentionEnd(make('E', { trigger: 'dateOfEvent', eventTypeId: 'evt-1' }), item)).toMatchObject({
      kind: 'awaitingEvent',
      eventTypeName: undefined
    });
  });
});
