import { findRelabelCycles } from '../../../src/core/domain/findRelabelCycles';

// Outside truth: Purview relabels an item at the end of its retention to the label named in "Label to apply"; labels
// that name each other in a ring never let retention end. Each case below is a file plan a person could write.
describe('findRelabelCycles', () => {
  const cycles = (links: [string, string][]): string[][] => findRelabelCycles(new Map(links));

  it('finds a ring of two, and a label that only leads into it is not part of it', () => {
    expect(
      cycles([
        ['A', 'B'],
        ['B', 'A'],
        ['C', 'A']
      ])
    ).toEqual([['A', 'B']]);
    // The lead-in listed first: the ring is still only A and B.
    expect(
      cycles([
        ['C', 'A'],
        ['A', 'B'],
        ['B', 'A']
      ])
    ).toEqual([['A', 'B']]);
  });

  it('finds a label that relabels to itself, and each of two separate rings once', () => {
    expect(cycles([['Self', 'Self']])).toEqual([['Self']]);
    expect(
      cycles([
        ['A', 'B'],
        ['B', 'A'],
        ['X', 'Y'],
        ['Y', 'Z'],
        ['Z', 'X']
      ])
    ).toEqual([
      ['A', 'B'],
      ['X', 'Y', 'Z']
    ]);
  });

  it('finds no ring in chains that end, even when several chains join', () => {
    expect(
      cycles([
        ['Active', 'Dormant'],
        ['Dormant', 'Archive']
      ])
    ).toEqual([]);
    // Checked later, a chain running into labels already walked is not a ring.
    expect(
      cycles([
        ['A', 'B'],
        ['C', 'A'],
        ['D', 'C'],
        ['E', 'B']
      ])
    ).toEqual([]);
  });
});
