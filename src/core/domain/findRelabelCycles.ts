/**
 * Finds loops in "relabel to" links (label A relabels to B, B to A). Each label has at most one
 * target, so every loop is found once, listed from the label that comes first in `links`.
 * Names are compared as given; callers fold case first if Purview treats names case-insensitively.
 *
 * @example findRelabelCycles(new Map([['A', 'B'], ['B', 'A'], ['C', 'A']])) // [['A', 'B']]
 */
export function findRelabelCycles(links: ReadonlyMap<string, string>): string[][] {
  const state = new Map<string, 'visiting' | 'done'>();
  const cycles: string[][] = [];
  links.forEach((_target, start) => {
    if (state.has(start)) return;
    const path: string[] = [];
    let current: string | undefined = start;
    while (current !== undefined && !state.has(current)) {
      state.set(current, 'visiting');
      path.push(current);
      current = links.get(current);
    }
    if (current !== undefined && state.get(current) === 'visiting') {
      cycles.push(path.slice(path.indexOf(current)));
    }
    path.forEach((name) => state.set(name, 'done'));
  });
  return cycles;
}
