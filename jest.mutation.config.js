// Stryker's jest runner takes one project, not jest.config.js's two: this is the unit project, narrowed to the
// tests that may kill the mutants of the scope being run (scripts/mutation/scopes.cjs).
const { projects } = require('./jest.config.js');
const { currentScope } = require('./scripts/mutation/scopes.cjs');

const { scope } = currentScope();
const { displayName, ...unit } = projects.find((project) => project.displayName === 'unit');

/** @type {import('jest').Config} */
module.exports = {
  ...unit,
  testMatch: scope.tests.map((folder) => `<rootDir>/${folder}/**/*.test.ts`)
};
