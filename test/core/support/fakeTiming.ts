import type { Timing } from '../../../src/core/http/Timing';
import { abortError } from '../../../src/core/http/Timing';

export interface FakeTiming extends Timing {
  /** Every wait asked for, in order. */
  sleeps: number[];
  advance(ms: number): void;
}

/** A virtual clock: `sleep` moves it forward and resolves at once, so no test waits or depends on wall time. */
export function fakeTiming(start = Date.UTC(2026, 0, 15, 9, 0, 0), randomValue = 0.5): FakeTiming {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    random: () => randomValue,
    advance(ms: number) {
      now += ms;
    },
    async sleep(ms: number, signal?: AbortSignal) {
      if (signal?.aborted) throw abortError(signal);
      sleeps.push(ms);
      now += Math.max(0, ms);
      await Promise.resolve();
    }
  };
}
