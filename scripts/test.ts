import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { buildPages } from './build';
import { ensureChromium } from './lib/chromium';
import { repoRoot } from './lib/paths';

/**
 * `npm test`: everything CI proves, in the order that fails fastest. Extra arguments go to jest,
 * e.g. `npm test -- test/core` (the browser tests still need Chromium, so it is ensured first).
 * Jest shuffles the tests within each file (`--randomize`), so a test that leans on another's state fails;
 * the seed is printed first and last, and `CUSTODIAN_TEST_SEED` replays the same order.
 */
async function main(jestArgs: readonly string[]): Promise<void> {
  const started = Date.now();
  const seed = testOrderSeed(process.env.CUSTODIAN_TEST_SEED, jestArgs);
  const order = `Test order seed: ${seed} (replay: ${replayCommand(seed, jestArgs)})`;
  console.log(order);
  // Jest's own shuffle: `--randomize` also prints `Seed:` in each run's summary (it implies `--showSeed`).
  const shuffle = ['--randomize', `--seed=${seed}`];
  const chromium = ensureChromium();
  run('Type check', 'npx', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']);
  run('Lint', 'npm', ['run', '--silent', 'lint']);
  console.log('\n> Build the pages');
  await buildPages();
  if (jestArgs.length === 0) {
    // Retention dates must not depend on the machine's zone: the domain suite under zones either side of UTC
    // (Kolkata's half-hour offset catches code that assumes whole hours). Run first, so the full suite's
    // summary is the last thing printed. The same seed as the full run, so the one printed number replays all of it.
    for (const zone of ['UTC', 'America/Los_Angeles', 'Asia/Kolkata']) {
      const args = ['jest', 'test/core/domain', '--selectProjects', 'unit', '--silent', ...shuffle];
      const failure = attempt(`Domain rules under TZ=${zone}`, 'npx', args, { TZ: zone });
      if (failure) {
        console.log(`\n${order}`);
        throw failure;
      }
    }
  }
  // A full run measures coverage against jest.config.js's thresholds; a partial run (`npm test -- test/core`) cannot.
  const coverage = jestArgs.length === 0 ? ['--coverage'] : [];
  const resultsFile = path.join(repoRoot, 'coverage', 'jest-results.json');
  rmSync(resultsFile, { force: true });
  const jestArguments = ['jest', ...coverage, ...shuffle, '--json', `--outputFile=${resultsFile}`, ...jestArgs];
  const failure = attempt('Jest: unit, manifests, dev tenant and browser tests', 'npx', jestArguments, { CHROMIUM_PATH: chromium });
  console.log(`\nnpm test finished in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  // The seed again right above the closing line, where a person looking at a failure reads.
  console.log(order);
  // One plain closing line that any CI can read: how many tests passed and failed in the full jest run.
  if (existsSync(resultsFile)) {
    const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as { numPassedTests: number; numFailedTests: number };
    console.log(`jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed`);
  }
  if (failure) throw failure;
}

/** Jest's `--seed` is a signed 32-bit integer. */
const seedRange = { min: -0x80000000, max: 0x7fffffff } as const;

/**
 * The seed from `CUSTODIAN_TEST_SEED` when set (a replay, or `random`), otherwise one derived from the commit checked
 * out: every commit is tested in an order of its own, and CI's run of a commit can be repeated exactly on any machine.
 */
function testOrderSeed(fromEnvironment: string | undefined, jestArgs: readonly string[]): number {
  // Two `--seed`s reach jest as an array (its summary says `Seed: 1,2`): one way to choose it keeps the printed seed true.
  if (jestArgs.some((arg) => arg === '--seed' || arg.startsWith('--seed='))) {
    throw new Error('npm test chooses the seed: set CUSTODIAN_TEST_SEED=N instead of passing --seed to jest.');
  }
  const text = fromEnvironment?.trim() ?? '';
  if (text === 'random') return randomInt(0, seedRange.max + 1);
  if (text === '') return commitSeed() ?? randomInt(0, seedRange.max + 1);
  const seed = Number(text);
  if (!/^-?\d+$/.test(text) || seed < seedRange.min || seed > seedRange.max) {
    throw new Error(
      `CUSTODIAN_TEST_SEED must be 'random' or a whole number from ${seedRange.min} to ${seedRange.max} (jest's --seed); it is '${fromEnvironment}'.`
    );
  }
  return seed;
}

/** The first 28 bits of the checked-out commit's hash; undefined outside a git checkout. */
function commitSeed(): number | undefined {
  const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' });
  const hash = head.status === 0 ? head.stdout.trim() : '';
  return /^[0-9a-f]{7,}$/.test(hash) ? parseInt(hash.slice(0, 7), 16) : undefined;
}

/** The command that runs the same tests in the same order, ready to paste into a POSIX shell. */
function replayCommand(seed: number, jestArgs: readonly string[]): string {
  const word = (arg: string): string => (/^[\w./:=@%+,-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);
  return `CUSTODIAN_TEST_SEED=${seed} npm test${jestArgs.length ? ` -- ${jestArgs.map(word).join(' ')}` : ''}`;
}

function run(title: string, command: string, args: readonly string[], env: Record<string, string> = {}): void {
  const failure = attempt(title, command, args, env);
  if (failure) throw failure;
}

/** Runs one step with its output shown; answers the error to report when it failed. */
function attempt(title: string, command: string, args: readonly string[], env: Record<string, string> = {}): Error | undefined {
  console.log(`\n> ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0
    ? undefined
    : new Error(`${title} failed (exit ${result.status ?? result.signal}). The output above says why.`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`\n${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
