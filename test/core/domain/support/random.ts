// A small seeded generator for property tests (fast-check is not a dependency of the project yet).
// Every run uses the same seeds, so a failure names the seed that reproduces it.

export interface Random {
  seed: number;
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  bool(chance?: number): boolean;
  string(alphabet: readonly string[], minLength: number, maxLength: number): string;
}

export function random(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    seed,
    next,
    int,
    pick: <T>(items: readonly T[]): T => items[int(0, items.length - 1)],
    bool: (chance = 0.5): boolean => next() < chance,
    string: (alphabet, minLength, maxLength) => {
      const length = int(minLength, maxLength);
      let text = '';
      for (let index = 0; index < length; index += 1) text += alphabet[int(0, alphabet.length - 1)];
      return text;
    }
  };
}

/** Runs `property` for `runs` seeds; a failure reports the seed. */
export function forAll(runs: number, property: (rng: Random) => void): void {
  for (let seed = 1; seed <= runs; seed += 1) {
    try {
      property(random(seed));
    } catch (error) {
      (error as Error).message = `[seed ${seed}] ${(error as Error).message}`;
      throw error;
    }
  }
}

export async function forAllAsync(runs: number, property: (rng: Random) => Promise<void>): Promise<void> {
  for (let seed = 1; seed <= runs; seed += 1) {
    try {
      await property(random(seed));
    } catch (error) {
      (error as Error).message = `[seed ${seed}] ${(error as Error).message}`;
      throw error;
    }
  }
}

/** Characters that break naive CSV, HTML, OData and terminal output, plus emoji and right-to-left text. */
export const hostileCharacters: readonly string[] = [
  'a',
  'Z',
  '0',
  ' ',
  '-',
  ',',
  '"',
  "'",
  '#',
  '%',
  '<',
  '>',
  '&',
  ';',
  '=',
  '+',
  '@',
  '\t',
  '\r',
  '\n',
  '\r\n',
  '😀',
  '👩🏽‍💻',
  'ש',
  'ع',
  '\u202e',
  '\u200f',
  'é',
  '中',
  '\\',
  '|',
  '!'
];
