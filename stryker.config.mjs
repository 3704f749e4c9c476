// `npm run test:mutation` (scripts/mutation.ts) runs this once per scope of scripts/mutation/scopes.cjs; the scope
// comes from CUSTODIAN_MUTATION_SCOPE. Scores and the survivors that are explained rather than killed: docs/testing.md.
import { createRequire } from 'node:module';

const { currentScope } = createRequire(import.meta.url)('./scripts/mutation/scopes.cjs');
const { name, scope } = currentScope();
const reports = `reports/mutation/${name}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: [...scope.mutate, '!src/core/**/index.ts'],
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.mutation.config.js' },
  // The TypeScript checker is opt-in (CUSTODIAN_MUTATION_TYPECHECK=1, `npm run test:mutation -- --typecheck`): it
  // type-checks src/core once per mutant group, which here costs far more than the jest runs it saves (117 mutants of
  // one domain file: 12 s without it, 4 min 53 s with it). Without it a mutant that would not compile is run as
  // JavaScript and counts as killed or survived, so the score is a lower bound; with it such a mutant is set aside.
  checkers: process.env.CUSTODIAN_MUTATION_TYPECHECK === '1' ? ['typescript'] : [],
  // src/core alone: the checker compiles each mutant against it.
  tsconfigFile: 'tsconfig.mutation.json',
  coverageAnalysis: 'perTest',
  // A mutant in module-level code (a regex, a message table) runs before any test, so Stryker runs every related
  // test for it: about 9% of the rules' mutants, two thirds of the time. CUSTODIAN_MUTATION_IGNORE_STATIC=1
  // (`--ignore-static`) sets them aside for a quick measurement; the score then says so.
  ignoreStatic: process.env.CUSTODIAN_MUTATION_IGNORE_STATIC === '1',
  // Re-runs test only the mutants whose code or tests changed since the last report.
  incremental: true,
  incrementalFile: `${reports}/stryker-incremental.json`,
  reporters: ['clear-text', 'html', 'json', 'progress'],
  htmlReporter: { fileName: `${reports}/mutation.html` },
  jsonReporter: { fileName: `${reports}/mutation.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: true },
  ignorePatterns: [
    '/dist',
    '/lib',
    '/lib-*',
    '/temp',
    '/release',
    '/package',
    '/coverage',
    '/reports',
    '/.devtenant',
    '/sharepoint/solution',
    // Another scope's sandbox, when two run at once.
    '/.stryker-tmp'
  ],
  // One sandbox folder per scope, so that two scopes may run at once.
  tempDirName: `.stryker-tmp/${name}`,
  concurrency: 2,
  timeoutMS: 20000,
  thresholds: { high: 90, low: 75, break: null }
};
