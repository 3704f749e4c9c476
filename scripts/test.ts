import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { buildPages } from './build';
import { ensureChromium } from './lib/chromium';
import { repoRoot } from './lib/paths';

/**
 * `npm test`: everything CI proves, in the order that fails fastest. Extra arguments go to jest,
 * e.g. `npm test -- test/core` (the browser tests still need Chromium, so it is ensured first).
 */
async function main(jestArgs: readonly string[]): Promise<void> {
  const started = Date.now();
  const chromium = ensureChromium();
  run('Type check', 'npx', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']);
  run('Lint', 'npm', ['run', '--silent', 'lint']);
  console.log('\n> Build the pages');
  await buildPages();
  if (jestArgs.length === 0) {
    // Retention dates must not depend on the machine's zone: the domain suite under zones either side of UTC
    // (Kolkata's half-hour offset catches code that assumes whole hours). Run first, so the full suite's
    // summary is the last thing printed.
    for (const zone of ['UTC', 'America/Los_Angeles', 'Asia/Kolkata']) {
      run(`Domain rules under TZ=${zone}`, 'npx', ['jest', 'test/core/domain', '--selectProjects', 'unit', '--silent'], { TZ: zone });
    }
  }
  // A full run measures coverage against jest.config.js's thresholds; a partial run (`npm test -- test/core`) cannot.
  const coverage = jestArgs.length === 0 ? ['--coverage'] : [];
  const resultsFile = path.join(repoRoot, 'coverage', 'jest-results.json');
  rmSync(resultsFile, { force: true });
  const jestArguments = ['jest', ...coverage, '--json', `--outputFile=${resultsFile}`, ...jestArgs];
  const failure = attempt('Jest: unit, manifests, dev tenant and browser tests', 'npx', jestArguments, { CHROMIUM_PATH: chromium });
  console.log(`\nnpm test finished in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  // One plain closing line that any CI can read: how many tests passed and failed in the full jest run.
  if (existsSync(resultsFile)) {
    const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as { numPassedTests: number; numFailedTests: number };
    console.log(`jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed`);
  }
  if (failure) throw failure;
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
