import { emptyQueueFilter, filterQueue, prepareQueue, queueFacets } from '../../../src/ui/dispositions/queueFilter';
import { queueItem } from './fakeServices';

const items = [
  queueItem(0, { name: "O'Brien & Sons — NDA #42.docx", labelName: 'Contracts - 10 Years', assetId: 'C-42' }),
  queueItem(1, { holds: [{ source: 'custodian', id: 'H-1', name: 'Audit' }] }),
  queueItem(2, { currentStage: 2, columns: { Department: 'Tax' } }),
  queueItem(3, { retentionEndedAt: '2025-03-31T23:59:59.000Z' }),
  queueItem(4, {
    stages: [
      { name: 'One', reviewers: [] },
      { name: 'Two', reviewers: [] },
      { name: 'Three', reviewers: [] }
    ]
  })
];
const prepared = prepareQueue(items);
const names = (filter: Partial<typeof emptyQueueFilter>): string[] =>
  filterQueue(prepared, { ...emptyQueueFilter, ...filter }).map((i) => items[i].key);

describe('filterQueue', () => {
  it('passes every item when no filter is set, in queue order', () => {
    expect(filterQueue(prepared, emptyQueueFilter)).toEqual([0, 1, 2, 3, 4]);
  });

  it.each([
    [{ label: 'contracts - 10 YEARS' }, [items[0].key]],
    [{ siteId: 'site-1' }, [items[1].key, items[4].key]],
    [{ stage: '2' }, [items[2].key]],
    [{ hold: 'held' as const }, [items[1].key]],
    [{ hold: 'notHeld' as const }, [items[0].key, items[2].key, items[3].key, items[4].key]],
    [{ text: "o'brien nda" }, [items[0].key]],
    [{ text: 'c-42' }, [items[0].key]],
    [{ text: 'tax' }, [items[2].key]],
    [{ text: 'brien  missing' }, []]
  ])('filters by %p', (filter, expected) => {
    expect(names(filter)).toEqual(expected);
  });

  it('takes the expiry range in whole UTC days, both ends included', () => {
    expect(names({ endedFrom: '2025-03-31', endedTo: '2025-03-31' })).toEqual([items[3].key]);
    expect(names({ endedFrom: '2024-01-02', endedTo: '2024-01-03' })).toEqual([items[1].key, items[2].key]);
    expect(names({ endedTo: 'not a date' })).toHaveLength(5);
  });

  it('keeps up with 10,000 items (a correctness check at scale, not a timing)', () => {
    const many = Array.from({ length: 10_000 }, (_, n) =>
      queueItem(n, { holds: n % 10 === 0 ? [{ source: 'ediscovery', id: 'x', name: 'Legal hold' }] : [] })
    );
    expect(filterQueue(prepareQueue(many), { ...emptyQueueFilter, hold: 'held', siteId: 'site-0' })).toHaveLength(334);
  });
});

describe('queueFacets', () => {
  it('offers the labels and sites present and the largest number of stages', () => {
    const facets = queueFacets(items);
    expect(facets.labels).toEqual(['Contracts - 10 Years', 'Invoices - 7 Years']);
    expect(facets.sites.map((s) => s.name)).toEqual(['Finance', 'HR', 'Legal']);
    expect(facets.maxStage).toBe(3);
  });
});
