// What `npm run test:mutation` mutates, the tests that may kill each scope's mutants, and the score each folder must
// reach (issue #20). Read by stryker.config.mjs and jest.mutation.config.js through CUSTODIAN_MUTATION_SCOPE, and by
// scripts/mutation.ts, which runs the scopes one after the other.
//
// The rules and the pipeline are killed by their own fast tests. The services are killed by the use-case tests
// against the dev tenant: those set up state in beforeAll, which makes most of their mutants "static" for Stryker (run
// against every related test), so they are scopes of their own rather than slowing the first one down. The deciding
// services are split in four scopes of a similar size (30 to 45 min each here), so that each run's report is kept
// when it ends: one run over all of them took longer than a session, and Stryker writes nothing until it finishes.
//
// A service is killed by every use-case test, not only its own folder's: holds are proven by the disposition and
// bulk labelling tests too (measured: with its own folder only, 105 of the holds' 386 mutants had no test at all).
// Stryker runs, for each mutant, only the tests that reach it, so the wider set costs the first run, not every mutant.
const serviceScope = (...names) => ({
  mutate: names.map((name) => `src/core/services/${name}/**/*.ts`),
  tests: ['test/core/services'],
  minimumScore: Object.fromEntries(names.map((name) => [`src/core/services/${name}`, 75]))
});

const scopes = {
  rules: {
    mutate: ['src/core/domain/**/*.ts', 'src/core/http/**/*.ts'],
    tests: ['test/core/domain', 'test/core/http'],
    minimumScore: { 'src/core/domain': 85, 'src/core/http': 85 }
  },
  disposition: serviceScope('disposition'),
  holdsEvents: serviceScope('holds', 'events'),
  bulkLabel: serviceScope('bulkLabel', 'jobs'),
  declare: serviceScope('declare', 'declareRecord')
};

/** Names that stand for several scopes on the command line: `npm run test:mutation -- services`. */
const groups = { services: ['disposition', 'holdsEvents', 'bulkLabel', 'declare'] };

/** The scope Stryker and jest are run for (CUSTODIAN_MUTATION_SCOPE, `rules` when unset). */
function currentScope() {
  const name = process.env.CUSTODIAN_MUTATION_SCOPE ?? 'rules';
  const scope = scopes[name];
  if (!scope) throw new Error(`CUSTODIAN_MUTATION_SCOPE must be one of ${Object.keys(scopes).join(', ')}, not "${name}".`);
  return { name, scope };
}

module.exports = { scopes, groups, currentScope };
