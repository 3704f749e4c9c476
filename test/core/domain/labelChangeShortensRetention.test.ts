import type { RetentionSettings } from '../../../src/core/domain/filePlanLabel';
import { labelChangeShortensRetention } from '../../../src/core/domain/labelChangeShortensRetention';

const label = (over: Partial<RetentionSettings>): RetentionSettings => ({
  behavior: 'retain',
  action: 'delete',
  trigger: 'dateCreated',
  duration: { kind: 'days', days: 2555 },
  dispositionStages: [],
  ...over
});

const sevenYearsThenReview = label({ action: 'startDispositionReview' });
const twoYearsThenDelete = label({ duration: { kind: 'days', days: 730 } });
const deleteAfterOneYear = label({ behavior: 'doNotRetain', duration: { kind: 'days', days: 365 } });
const keepForever = label({ action: 'none', duration: { kind: 'forever' } });

describe('which label changes must be checked against holds', () => {
  it('relabelling to a label that deletes, or deletes sooner, shortens', () => {
    expect(labelChangeShortensRetention(sevenYearsThenReview, twoYearsThenDelete)).toBe(true);
    expect(labelChangeShortensRetention(label({}), twoYearsThenDelete)).toBe(true);
    expect(labelChangeShortensRetention(keepForever, label({}))).toBe(true);
  });

  it('relabelling to a label that keeps less, or from another start, shortens', () => {
    expect(labelChangeShortensRetention(label({}), null)).toBe(true);
    expect(labelChangeShortensRetention(label({ action: 'none' }), label({ action: 'none', trigger: 'dateOfEvent' }))).toBe(true);
  });

  it('keeping as long or longer does not', () => {
    expect(labelChangeShortensRetention(twoYearsThenDelete, label({}))).toBe(false);
    expect(labelChangeShortensRetention(twoYearsThenDelete, keepForever)).toBe(false);
    expect(labelChangeShortensRetention(null, label({ action: 'none' }))).toBe(false);
  });

  it('labelling an unlabelled item shortens only with a delete-only label', () => {
    expect(labelChangeShortensRetention(undefined, deleteAfterOneYear)).toBe(true);
    expect(labelChangeShortensRetention(undefined, twoYearsThenDelete)).toBe(false);
    expect(labelChangeShortensRetention(undefined, null)).toBe(false);
  });
});

describe('the pairs where only one of the two rules sees the shortening', () => {
  const deleteAfterTwoYears = label({ behavior: 'doNotRetain', duration: { kind: 'days', days: 730 } });
  const keepOneYearOnly = label({ action: 'none', duration: { kind: 'days', days: 365 } });
  const keepTwoYearsOnly = label({ action: 'none', duration: { kind: 'days', days: 730 } });
  const keepSevenYearsOnly = label({ action: 'none' });

  it('a delete-only label that deletes sooner shortens; one that deletes later does not', () => {
    expect(labelChangeShortensRetention(deleteAfterTwoYears, deleteAfterOneYear)).toBe(true);
    expect(labelChangeShortensRetention(deleteAfterOneYear, deleteAfterTwoYears)).toBe(false);
  });

  it('removing a delete-only label protects the item rather than exposing it', () => {
    expect(labelChangeShortensRetention(deleteAfterOneYear, null)).toBe(false);
  });

  it('a label that deletes shortens one that never deleted, even when it keeps the item longer first', () => {
    expect(labelChangeShortensRetention(keepOneYearOnly, twoYearsThenDelete)).toBe(true);
  });

  it('keeping for a period instead of for ever shortens; keeping longer without deleting does not', () => {
    expect(labelChangeShortensRetention(keepForever, keepSevenYearsOnly)).toBe(true);
    expect(labelChangeShortensRetention(keepSevenYearsOnly, keepForever)).toBe(false);
    expect(labelChangeShortensRetention(keepTwoYearsOnly, keepSevenYearsOnly)).toBe(false);
  });

  it('the same period from the same start, ending in a review instead of a deletion, does not', () => {
    expect(labelChangeShortensRetention(label({}), sevenYearsThenReview)).toBe(false);
    expect(labelChangeShortensRetention(keepSevenYearsOnly, label({ action: 'startDispositionReview' }))).toBe(false);
  });
});
