// What `npm run test:mutation` mutates, the tests that may kill each scope's mutants, and the score each folder must
// reach (issue #20). Read by stryker.config.mjs and jest.mutation.config.js through CUSTODIAN_MUTATION_SCOPE, and by
// scripts/mutation.ts, which runs the scopes one after the other.
//
// The rules (the domain and the HTTP pipeline) are killed by their own fast tests. The services are killed by the use-case tests
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

// The domain is three scopes, by subject, for the same reason: its property tests (fast-check) make each mutant's run
// slow, and the whole folder was estimated at four hours here. Every file of src/core/domain and src/core/http must
// be in a scope: scripts/mutation.ts refuses to run when one is not.
const ruleScope = (folder, names, tests) => ({
  mutate: names.map((name) => `src/core/${folder}/${name}.ts`),
  tests,
  minimumScore: { [`src/core/${folder}`]: 85 }
});
const domainTests = ['test/core/domain'];

const scopes = {
  http: {
    mutate: ['src/core/http/**/*.ts'],
    tests: ['test/core/http'],
    minimumScore: { 'src/core/http': 85 }
  },
  // Purview's file plan CSV and retention label definitions, in and out.
  filePlan: ruleScope(
    'domain',
    [
      'actionAfterRetentionPeriod',
      'behaviorDuringRetentionPeriod',
      'convertFilePlan',
      'csvFormat',
      'decodeCsvBytes',
      'defaultRecordBehavior',
      'escapeCsvField',
      'filePlanCsvColumns',
      'filePlanCsvRules',
      'filePlanCsvToGraphCreateBodies',
      'filePlanLabel',
      'filePlanLabelToCsvRow',
      'findRelabelCycles',
      'formatFilePlanCsvReport',
      'graphRetentionLabelBodies',
      'graphRetentionLabelSchema',
      'parseFilePlanCsv',
      'planRetentionLabelUpdate',
      'purviewBuiltInEventTypes',
      'purviewLimits',
      'readCsv',
      'retentionDuration',
      'retentionLabelFromGraph',
      'retentionLabelToGraphCreateBody',
      'retentionPeriodInDays',
      'retentionTrigger',
      'validateFilePlanCsv',
      'validateFilePlanRow',
      'writeCsv',
      'writeFilePlanCsv'
    ],
    domainTests
  ),
  // What a label does to an item: retention end, record restrictions, disposition, holds' reach.
  recordRules: ruleScope(
    'domain',
    [
      'applyDispositionAction',
      'dispositionReview',
      'labelChangeShortensRetention',
      'quoteForMessage',
      'recordRestrictions',
      'retentionEnd',
      'siteMatchesHoldSource',
      'smtpAddress',
      'startDispositionReview',
      'utcInstant'
    ],
    domainTests
  ),
  // The proof of disposal: entries, the register's CSV, its chain and its anchors.
  proof: ruleScope(
    'domain',
    [
      'appendProofEntry',
      'canonicalJson',
      'proofAnchorTrust',
      'proofEntry',
      'proofRegisterCsv',
      'proofRegisterLine',
      'sha256Hex',
      'verifyAnchoredRegister',
      'verifyProofRegister'
    ],
    domainTests
  ),
  disposition: serviceScope('disposition'),
  holdsEvents: serviceScope('holds', 'events'),
  bulkLabel: serviceScope('bulkLabel', 'jobs'),
  declare: serviceScope('declare', 'declareRecord')
};

/** Names that stand for several scopes on the command line: `npm run test:mutation -- services`. */
const groups = {
  rules: ['http', 'filePlan', 'recordRules', 'proof'],
  services: ['disposition', 'holdsEvents', 'bulkLabel', 'declare']
};

/** The scope Stryker and jest are run for (CUSTODIAN_MUTATION_SCOPE, `http` when unset). */
function currentScope() {
  const name = process.env.CUSTODIAN_MUTATION_SCOPE ?? 'http';
  const scope = scopes[name];
  if (!scope) throw new Error(`CUSTODIAN_MUTATION_SCOPE must be one of ${Object.keys(scopes).join(', ')}, not "${name}".`);
  return { name, scope };
}

module.exports = { scopes, groups, currentScope };
