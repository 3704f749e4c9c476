// Stryker's jest runner takes one project, not jest.config.js's two: this is the unit project, narrowed to the
// tests that may kill the mutants of the scope being run (scripts/mutation/scopes.cjs).
const { projects } = require('./jest.config.js');
const scopes = require('./scripts/mutation/scopes.cjs');

const scope = scopes[process.env.CUSTODIAN_MUTATION_SCOPE ?? 'rules'];
if (!scope) throw new Error(`CUSTODIAN_MUTATION_SCOPE must be one of ${Object.keys(scopes).join(', ')}`);
const { displayName, ...unit } = projects.find((project) => project.displayName === 'unit');

/** @type {import('jest').Config} */
module.exports = {
  ...unit,
  testMatch: scope.tests.map((folder) => `<rootDir>/${folder}/**/*.test.ts`)
};
