import type { DispositionIndex, IndexEntry } from '../../../../src/core/services/index/createDispositionIndex';

type Facts = ReturnType<DispositionIndex['facts']>;

/** A disposition index holding `entries` and `facts`, as far as the event preview reads one; the rest throws. */
export function previewIndex(entries: readonly IndexEntry[], facts: Facts): DispositionIndex {
  const unused = (): never => {
    throw new Error('not used by the preview');
  };
  return {
    entries: () => [...entries],
    facts: () => facts,
    entry: (key) => entries.find((e) => e.key === key),
    open: unused,
    refresh: unused,
    queue: unused,
    forecast: unused,
    forget: unused
  };
}
