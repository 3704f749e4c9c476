import {
  describeBasedOn,
  describeDuration,
  describeEndAction,
  describeLockDefault,
  descriptorValues,
  filterLabels,
  noFilter,
  recordKindOf
} from '../../../src/ui/filePlan/labelSettings';
import type { FilePlanLabel } from '../../../src/core/domain/filePlanLabel';
import { labels } from './support';

const entries = labels.map((label) => ({ label }));
const names = (found: { label: FilePlanLabel }[]): string[] => found.map((e) => e.label.name);
const classifying: FilePlanLabel = { name: 'Classify only', retention: null, descriptors: {} };

describe('label settings as Purview shows them', () => {
  it('says what the period is based on, with the event type when it is known', () => {
    expect(labels.map(describeBasedOn)).toEqual(['Event: Contract Expiry', 'When created', 'When created', 'When created']);
    expect(describeBasedOn(classifying)).toBe('None');
  });

  it('writes durations in whole years when they are, in days otherwise', () => {
    const days = (n: number): FilePlanLabel => ({
      ...labels[2],
      retention: { ...labels[2].retention!, duration: { kind: 'days', days: n } }
    });
    expect([365, 730, 2555, 1, 30, 400].map((n) => describeDuration(days(n)))).toEqual([
      '1 year',
      '2 years',
      '7 years',
      '1 day',
      '30 days',
      '400 days'
    ]);
    expect(describeDuration(labels[3])).toBe('Forever');
    expect(describeDuration(classifying)).toBe('None');
  });

  it('names the end action, the review stages and the relabel target', () => {
    expect(labels.map(describeEndAction)).toEqual(['Review required (1 stage)', 'Auto-delete', 'Auto-delete', 'No action']);
    const relabel: FilePlanLabel = {
      ...labels[2],
      retention: { ...labels[2].retention!, action: 'relabel', labelToBeApplied: 'Archive' }
    };
    expect(describeEndAction(relabel)).toBe('Relabel to Archive');
    expect(describeEndAction(classifying)).toBe('No action');
  });

  it('tells records, regulatory records and the rest apart, with how a record starts', () => {
    expect(labels.map(recordKindOf)).toEqual(['record', 'regulatory', 'notRecord', 'notRecord']);
    expect(describeLockDefault(labels[0])).toBe('Starts locked');
    expect(describeLockDefault({ ...labels[0], retention: { ...labels[0].retention!, defaultRecordBehavior: 'startUnlocked' } })).toBe(
      'Starts unlocked'
    );
    expect(describeLockDefault(labels[2])).toBe('');
  });
});

describe('filterLabels', () => {
  it('keeps labels that have every word somewhere in their text, sorted by name', () => {
    expect(names(filterLabels(entries, { ...noFilter, query: '  LEGAL  ' }))).toEqual([
      'Board Minutes - Permanent',
      'Contracts - 10 Years'
    ]);
    expect(names(filterLabels(entries, { ...noFilter, query: 'limitation uk' }))).toEqual(['Contracts - 10 Years']);
    expect(names(filterLabels(entries, { ...noFilter, query: 'legal owns' }))).toEqual(['Contracts - 10 Years']);
    expect(names(filterLabels(entries, { ...noFilter, query: 'nothing like this' }))).toEqual([]);
  });

  it('combines the descriptor and record filters with the words', () => {
    expect(names(filterLabels(entries, { ...noFilter, department: 'Finance', recordKind: 'regulatory' }))).toEqual([
      'Tax Returns - 10 Years'
    ]);
    expect(names(filterLabels(entries, { ...noFilter, category: 'Tax', query: 'invoices' }))).toEqual([]);
  });

  it('offers each descriptor value once, sorted', () => {
    expect(descriptorValues(labels, 'department')).toEqual(['Finance', 'Legal']);
    expect(descriptorValues(labels, 'category')).toEqual(['Accounts payable', 'Contracts', 'Governance', 'Tax']);
  });
});
