import { configureGlobal } from 'fast-check';

// @microsoft/teams-js 2 calls fetch when it is imported; jsdom has none. A fetch that always fails keeps
// the import working and makes any accidental network use in a unit test fail loudly.
if (typeof globalThis.fetch !== 'function') {
  globalThis.fetch = (() => Promise.reject(new Error('fetch is not available in unit tests'))) as typeof fetch;
}

// A failed fast-check property prints `{ seed: …, path: … }`. CUSTODIAN_FC_SEED=<seed> replays every property of the
// run with that seed, so the failure comes back without editing the test (docs/testing.md).
const replaySeed = process.env.CUSTODIAN_FC_SEED;
if (replaySeed !== undefined) {
  const seed = Number(replaySeed);
  if (!Number.isSafeInteger(seed)) throw new Error(`CUSTODIAN_FC_SEED must be the integer seed fast-check printed, not "${replaySeed}".`);
  configureGlobal({ seed });
}
