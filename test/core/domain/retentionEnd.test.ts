import fc from 'fast-check';
import type { FilePlanLabel, RetentionSettings } from '../../../src/core/domain/filePlanLabel';
import { retentionEnd } from '../../../src/core/domain/retentionEnd';
import { retentionPeriodInDays } from '../../../src/core/domain/retentionPeriodInDays';
import { parseUtcInstant, utcDate, type InstantInput } from '../../../src/core/domain/utcInstant';
import { propertyRuns } from '../../support/propertyRuns';

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

describe('what retentionEnd tells a person who cannot be given a date', () => {
  const reasonOf = (result: ReturnType<typeof retentionEnd>): string => (result.ok ? '' : result.reason);

  it('names the date it could not read', () => {
    expect(reasonOf(retentionEnd(make('L', {}), { ...item, labelled: '20/01/2023' }))).toBe(
      "The item's labelled date is not a date with a time zone (such as 2024-05-01T09:30:00Z)."
    );
    const eventLabel = make('E', { trigger: 'dateOfEvent', eventTypeName: 'X' });
    expect(reasonOf(retentionEnd(eventLabel, { ...item, eventDates: { X: 'soon' } }))).toBe(
      "The item's event date is not a date with a time zone."
    );
  });

  it('asks for the date the label was applied when only that is missing', () => {
    expect(retentionEnd(make('L', {}), { created: item.created } as never)).toEqual({
      ok: false,
      code: 'missingDate',
      reason: 'The item needs a created date and the date its label was applied.',
      chain: ['L']
    });
  });

  it('says which label needs a modified date, and which items have one', () => {
    expect(
      reasonOf(retentionEnd(make('Drafts "old"', { trigger: 'dateModified' }), { created: item.created, labelled: item.labelled }))
    ).toBe(
      'The label "Drafts \\"old\\"" counts from the last modification, but the item has no modified date (only SharePoint and OneDrive items do).'
    );
  });

  it('names both labels when a relabel target is not in the file plan', () => {
    expect(reasonOf(retentionEnd(make('A', { action: 'relabel', labelToBeApplied: 'Gone' }), item))).toBe(
      'The label "A" relabels to "Gone", which is not in the file plan.'
    );
  });

  it('follows a label to another only when the label relabels, not when it merely names one', () => {
    // Graph keeps labelToBeApplied beside any action (it is ignored unless the action is relabel).
    const deletes = make('Deletes', { action: 'delete', labelToBeApplied: 'Archive' });
    expect(retentionEnd(deletes, item, [make('Archive', { duration: { kind: 'forever' }, action: 'none' })])).toMatchObject({
      ok: true,
      kind: 'date',
      action: 'delete',
      labelName: 'Deletes'
    });
  });

  it('does not call an extension to the very end of retention an extension', () => {
    const plain = retentionEnd(make('L', {}), item);
    const endsAt = plain.ok && plain.kind === 'date' ? plain.endsAt : '';
    expect(retentionEnd(make('L', {}), { ...item, extendedUntil: endsAt })).toMatchObject({ endsAt, extended: false });
  });
});

describe('retentionPeriodInDays', () => {
  it('counts months as 30 days and years as 365, as Purview does', () => {
    expect(retentionPeriodInDays({ years: 7 })).toEqual({ ok: true, days: 7 * 365 });
    expect(retentionPeriodInDays({ days: 1 })).toEqual({ ok: true, days: 1 });
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
    ['0099-01-01T00:00:00Z', -59042995200000],
    ['0000-02-29', -62162121600000]
  ])('reads %s', (text, expected) => {
    expect(parseUtcInstant(text)).toBe(expected);
  });

  // Each field one past its range: JavaScript's Date would roll it into the next month, hour or day instead
  // (2024-00-10 becomes 2023-12-10), which would move a retention date silently.
  it.each([
    '2024-02-29T23:30',
    '2023-02-29',
    '2024-13-01',
    '2024-00-10',
    '2024-01-00',
    '2024-01-01T24:00:00Z',
    '2024-01-01T10:60:00Z',
    '2024-01-01T10:00:60Z',
    '2024-01-01T10:00:00+24:00',
    '2024-01-01T10:00:00+01:60',
    '',
    'now',
    '2024-1-1'
  ])('refuses %j', (text) => {
    expect(parseUtcInstant(text)).toBeUndefined();
  });

  it('refuses non-finite numbers and things that are not dates', () => {
    expect(parseUtcInstant(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(parseUtcInstant({} as never)).toBeUndefined();
    // Not even an object that writes itself out as a date: only strings are read.
    expect(parseUtcInstant({ toString: () => '2024-01-01T00:00:00Z' } as never)).toBeUndefined();
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

describe('retention dates, property-based (fast-check)', () => {
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
  /** Any millisecond from 1900 to 2200. */
  const anyInstant = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) });
  /** Moments from 27 February to 1 March of any year, leap years (1904, 2000, 2024) and others (1900, 2100) alike. */
  const aroundLeapDay = fc
    .tuple(fc.integer({ min: 1900, max: 2199 }), fc.constantFrom([1, 27], [1, 28], [1, 29], [2, 1]), fc.integer({ min: 0, max: day - 1 }))
    .map(([year, [month, date], time]) => Date.UTC(year, month, date) + time);
  /** Moments in the months when Europe, North America, Australia and New Zealand change their clocks. */
  const aroundClockChanges = fc
    .tuple(fc.integer({ min: 1970, max: 2100 }), fc.constantFrom(2, 3, 8, 9, 10), fc.integer({ min: 0, max: 31 * day - 1 }))
    .map(([year, month, time]) => Date.UTC(year, month, 1) + time);
  const instant = fc.oneof(anyInstant, aroundLeapDay, aroundClockChanges);
  /** Whole-minute UTC offsets from -12:00 to +14:00, every real zone among them (+05:30, +05:45, -09:30, +12:45 ...). */
  const offsetMinutes = fc.integer({ min: -12 * 60, max: 14 * 60 });
  const days = fc.integer({ min: 1, max: 36525 });

  /** The instant as a wall time with an offset, e.g. 2024-03-10T01:30:00.000-08:00. */
  const withOffset = (time: number, offset: number): string => {
    const wall = new Date(time + offset * 60000).toISOString().slice(0, 23);
    const size = Math.abs(offset);
    return `${wall}${offset < 0 ? '-' : '+'}${pad(Math.floor(size / 60))}:${pad(size % 60)}`;
  };
  const forms = ['utc', 'offset', 'date', 'number'] as const;
  const written = (time: number, form: (typeof forms)[number], offset: number): InstantInput =>
    form === 'utc' ? new Date(time).toISOString() : form === 'offset' ? withOffset(time, offset) : form === 'date' ? new Date(time) : time;
  const endOf = (result: ReturnType<typeof retentionEnd>): number => {
    if (!result.ok || result.kind !== 'date') throw new Error(`expected a date, got ${JSON.stringify(result)}`);
    return Date.parse(result.endsAt);
  };
  const keepFor = (count: number, retention: Partial<RetentionSettings> = {}): FilePlanLabel =>
    make('L', { duration: { kind: 'days', days: count }, ...retention });

  it('ends exactly N × 24 hours after the start, whatever way the start is written, as calendar arithmetic in UTC agrees', () => {
    fc.assert(
      fc.property(instant, days, fc.constantFrom(...forms), offsetMinutes, (start, count, form, offset) => {
        const result = retentionEnd(keepFor(count), { created: written(start, form, offset), labelled: start });
        const calendar = new Date(start);
        const expected = new Date(
          Date.UTC(
            calendar.getUTCFullYear(),
            calendar.getUTCMonth(),
            calendar.getUTCDate() + count,
            calendar.getUTCHours(),
            calendar.getUTCMinutes(),
            calendar.getUTCSeconds(),
            calendar.getUTCMilliseconds()
          )
        ).toISOString();
        expect(result).toMatchObject({ ok: true, kind: 'date', endsAt: expected, endDate: expected.slice(0, 10), extended: false });
        expect(endOf(result) - start).toBe(count * day);
      }),
      propertyRuns(500)
    );
  });

  it('counts a leap day as one ordinary day: the UTC dates of start and end are exactly N days apart', () => {
    fc.assert(
      fc.property(aroundLeapDay, fc.integer({ min: 1, max: 3000 }), (start, count) => {
        const result = retentionEnd(keepFor(count), { created: start, labelled: start });
        const midnight = (date: string): number => Date.parse(`${date}T00:00:00Z`);
        expect(result.ok && result.kind === 'date' && (midnight(result.endDate) - midnight(utcDate(start))) / day).toBe(count);
      })
    );
  });

  it("is not moved by daylight-saving changes or the machine's zone: a local-time Date gives the same end as the instant in UTC", () => {
    // Run under TZ=America/Los_Angeles (or any zone with daylight saving) these local times cross clock changes.
    fc.assert(
      fc.property(
        fc.integer({ min: 1970, max: 2100 }),
        fc.constantFrom(2, 3, 8, 9, 10),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 1, max: 400 }),
        offsetMinutes,
        (year, month, date, hour, minute, count, offset) => {
          const local = new Date(year, month, date, hour, minute);
          const start = local.getTime();
          const fromLocal = retentionEnd(keepFor(count), { created: local, labelled: local });
          const fromOffset = retentionEnd(keepFor(count), { created: withOffset(start, offset), labelled: new Date(start).toISOString() });
          expect(fromLocal).toEqual(fromOffset);
          expect(endOf(fromLocal) - start).toBe(count * day);
          expect(fromLocal.ok && fromLocal.kind === 'date' && fromLocal.endDate).toBe(
            new Date(start + count * day).toISOString().slice(0, 10)
          );
        }
      ),
      propertyRuns(300)
    );
  });

  it('never ends before the label was applied, and otherwise ends N days after the trigger date', () => {
    const trigger = fc.constantFrom('dateCreated' as const, 'dateModified' as const, 'dateLabeled' as const, 'dateOfEvent' as const);
    fc.assert(
      fc.property(trigger, days, instant, instant, instant, instant, (kind, count, created, modified, labelled, event) => {
        const label = keepFor(count, kind === 'dateOfEvent' ? { trigger: kind, eventTypeName: 'E' } : { trigger: kind });
        const result = retentionEnd(label, { created, modified, labelled, eventDate: event });
        const start = { dateCreated: created, dateModified: modified, dateLabeled: labelled, dateOfEvent: event }[kind];
        expect(endOf(result)).toBeGreaterThanOrEqual(labelled);
        expect(endOf(result)).toBe(Math.max(start + count * day, labelled));
      }),
      propertyRuns(300)
    );
  });

  it('ends later, never earlier, for a longer period or a later start', () => {
    fc.assert(
      fc.property(days, days, instant, fc.integer({ min: 0, max: 400 * day }), instant, (first, second, created, later, labelled) => {
        const [shorter, longer] = first <= second ? [first, second] : [second, first];
        const item = { created, labelled };
        expect(endOf(retentionEnd(keepFor(shorter), item))).toBeLessThanOrEqual(endOf(retentionEnd(keepFor(longer), item)));
        expect(endOf(retentionEnd(keepFor(shorter), item))).toBeLessThanOrEqual(
          endOf(retentionEnd(keepFor(shorter), { created: created + later, labelled }))
        );
        expect(retentionEnd(keepFor(shorter, { action: 'none', duration: { kind: 'forever' } }), item)).toMatchObject({ kind: 'forever' });
      })
    );
  });

  it("moves the end to a reviewer's extension when it is later, and never earlier", () => {
    const extension = fc.oneof(
      instant.map((at) => ({ at })),
      fc.integer({ min: -2 * day, max: 2 * day }).map((afterEnd) => ({ afterEnd }))
    );
    fc.assert(
      fc.property(days, instant, instant, extension, (count, created, labelled, chosen) => {
        const plain = endOf(retentionEnd(keepFor(count), { created, labelled }));
        const until = 'at' in chosen ? chosen.at : plain + chosen.afterEnd;
        const result = retentionEnd(keepFor(count), { created, labelled, extendedUntil: new Date(until).toISOString() });
        expect(endOf(result)).toBe(Math.max(plain, until));
        expect(result).toMatchObject({ extended: until > plain });
      })
    );
  });

  it('follows any relabel chain: each label starts where it is applied, and the chain never ends earlier than a link', () => {
    const link = fc.record({
      count: fc.integer({ min: 1, max: 3650 }),
      trigger: fc.constantFrom('dateCreated' as const, 'dateLabeled' as const),
      shout: fc.boolean()
    });
    fc.assert(
      fc.property(fc.array(link, { minLength: 1, maxLength: 6 }), instant, instant, (links, created, labelled) => {
        const labels = links.map(({ count, trigger }, index) =>
          make(`Step ${index}`, {
            trigger,
            duration: { kind: 'days', days: count },
            ...(index < links.length - 1
              ? { action: 'relabel' as const, labelToBeApplied: links[index + 1].shout ? `STEP ${index + 1}` : `step ${index + 1}` }
              : {})
          })
        );
        const result = retentionEnd(labels[0], { created, labelled }, labels);
        let appliedAt = labelled;
        const expectedSteps = links.map(({ count, trigger }, index) => {
          const start = trigger === 'dateCreated' ? created : appliedAt;
          const end = Math.max(start + count * day, appliedAt);
          appliedAt = end;
          return { labelName: `Step ${index}`, startsAt: new Date(start).toISOString(), endsAt: new Date(end).toISOString() };
        });
        expect(result).toMatchObject({ ok: true, kind: 'date', labelName: `Step ${links.length - 1}`, steps: expectedSteps });
        const ends = expectedSteps.map((step) => Date.parse(step.endsAt));
        expect(ends.every((end, index) => index === 0 || end >= ends[index - 1])).toBe(true);
        expect(endOf(result)).toBe(ends[ends.length - 1]);
      })
    );
  });

  it('detects every relabel loop, whichever label it returns to and however the name is cased', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((size) => fc.tuple(fc.constant(size), fc.integer({ min: 0, max: size - 1 }))),
        fc.boolean(),
        instant,
        ([size, back], shout, created) => {
          const names = Array.from({ length: size }, (_, index) => `Loop ${index}`);
          const target = (index: number): string =>
            index === size - 1 ? (shout ? names[back].toUpperCase() : names[back]) : names[index + 1];
          const labels = names.map((name, index) =>
            make(name, { action: 'relabel', labelToBeApplied: target(index), trigger: 'dateLabeled' })
          );
          const result = retentionEnd(labels[0], { created, labelled: created }, labels);
          expect(result).toMatchObject({ ok: false, code: 'relabelCycle', chain: [...names, target(size - 1)] });
        }
      )
    );
  });
});

describe('parseUtcInstant and retentionPeriodInDays, property-based (fast-check)', () => {
  /** 0000-01-01 to 9999-12-31, the years an ISO string writes with four digits. */
  const isoInstant = fc.integer({ min: -62167219200000, max: 253402300799999 });

  it('reads back every instant it is given as ISO text, with any offset, and refuses the same text without a zone', () => {
    fc.assert(
      fc.property(isoInstant, fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }), (time, offset) => {
        const iso = new Date(time).toISOString();
        expect(parseUtcInstant(iso)).toBe(time);
        expect(utcDate(time)).toBe(iso.slice(0, 10));
        const wallTime = time + offset * 60000;
        fc.pre(wallTime >= -62167219200000 && wallTime <= 253402300799999);
        const wall = new Date(wallTime).toISOString().slice(0, 23);
        const size = Math.abs(offset);
        const zone = `${offset < 0 ? '-' : '+'}${String(Math.floor(size / 60)).padStart(2, '0')}:${String(size % 60).padStart(2, '0')}`;
        expect(parseUtcInstant(`${wall}${zone}`)).toBe(time);
        expect(parseUtcInstant(wall)).toBeUndefined();
      }),
      propertyRuns(500)
    );
  });

  it('refuses the day after the last day of any month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const last = new Date(Date.UTC(2000, month, 0));
        last.setUTCFullYear(year, month, 0);
        const text = (date: number): string =>
          `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
        expect(parseUtcInstant(text(last.getUTCDate()))).toBeDefined();
        expect(parseUtcInstant(text(last.getUTCDate() + 1))).toBeUndefined();
      })
    );
  });

  it('turns years, months and days into 365, 30 and 1 days, accepting 1 to 36,525 days in all', () => {
    fc.assert(
      fc.property(fc.nat(120), fc.nat(1500), fc.nat(40000), (years, months, count) => {
        const total = years * 365 + months * 30 + count;
        const result = retentionPeriodInDays({ years, months, days: count });
        expect(result).toEqual(total >= 1 && total <= 36525 ? { ok: true, days: total } : { ok: false, reason: expect.any(String) });
      })
    );
  });
});
