// What `npm run test:mutation` mutates, the tests that may kill each scope's mutants, and the score each folder must
// reach (issue #20). Read by stryker.config.mjs and jest.mutation.config.js through CUSTODIAN_MUTATION_SCOPE, and by
// scripts/mutation.ts, which runs the scopes one after the other.
//
// The rules and the pipeline are killed by their own fast tests. The services are killed by the use-case tests
// against the dev tenant: those set up state in beforeAll, which makes most of their mutants "static" for Stryker (run
// against every related test), so they are a scope of their own rather than slowing the first one down.
const decidingServices = ['disposition', 'holds', 'events', 'bulkLabel', 'jobs', 'declare', 'declareRecord'];

module.exports = {
  rules: {
    mutate: ['src/core/domain/**/*.ts', 'src/core/http/**/*.ts'],
    tests: ['test/core/domain', 'test/core/http'],
    minimumScore: { 'src/core/domain': 85, 'src/core/http': 85 }
  },
  services: {
    mutate: decidingServices.map((name) => `src/core/services/${name}/**/*.ts`),
    tests: decidingServices.map((name) => `test/core/services/${name}`),
    minimumScore: Object.fromEntries(decidingServices.map((name) => [`src/core/services/${name}`, 75]))
  }
};
