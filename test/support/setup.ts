import { configureGlobal } from 'fast-check';
import { propertyRuns, underMutationTesting } from './propertyRuns';

// @microsoft/teams-js 2 calls fetch when it is imported; jsdom has none. A fetch that always fails keeps
// the import working and makes any accidental network use in a unit test fail loudly.
if (typeof globalThis.fetch !== 'function') {
  globalThis.fetch = (() => Promise.reject(new Error('fetch is not available in unit tests'))) as typeof fetch;
}

// A failed fast-check property prints `{ seed: …, path: … }`. CUSTODIAN_FC_SEED=<seed> replays every property of the
// run with that seed, so the failure comes back without editing the test (docs/testing.md).
const replaySeed = process.env.CUSTODIAN_FC_SEED;
// Under mutation testing the seed is fixed, so each mutant meets the same cases as the run that measured coverage.
const seed = replaySeed !== undefined ? Number(replaySeed) : underMutationTesting() ? 20261207 : undefined;
if (seed !== undefined && !Number.isSafeInteger(seed))
  throw new Error(`CUSTODIAN_FC_SEED must be the integer seed fast-check printed, not "${replaySeed}".`);
// Properties that do not say how many cases to try try fast-check's 100, or fewer under mutation testing.
configureGlobal({ ...(seed !== undefined ? { seed } : {}), ...(underMutationTesting() ? propertyRuns(100) : {}) });
