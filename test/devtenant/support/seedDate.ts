import { seedEpoch } from '../../../src/devtenant/seed/catalog';

/**
 * The dev tenant's clock is the machine's clock plus an offset, but its seed data (created, labelled and
 * received dates) is fixed around `seedEpoch`. A test whose expectations depend on how old the seeded items
 * are (what is due for review now, what becomes due when the clock moves) pins the machine's date to a fixed
 * day after the seed, so it gives the same answer in any year. Only `Date` is faked: timers, the event loop
 * and HTTP run for real, and the pinned date moves forward with real time.
 */
export const seedDay = new Date(seedEpoch + 30 * 86_400_000);

export function pinDateToSeed(now: Date = seedDay): void {
  jest.useFakeTimers({
    now,
    advanceTimers: true,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout'
    ]
  });
}

export function unpinDate(): void {
  jest.useRealTimers();
}
