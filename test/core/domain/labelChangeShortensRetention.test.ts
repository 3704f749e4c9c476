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
