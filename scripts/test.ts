import { spawnSync } from 'node:child_process';
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
  // A full run measures coverage against jest.config.js's thresholds; a partial run (`npm test -- test/core`) cannot.
  const coverage = jestArgs.length === 0 ? ['--coverage'] : [];
  run('Jest: unit, manifests, dev tenant and browser tests', 'npx', ['jest', ...coverage, ...jestArgs], { CHROMIUM_PATH: chromium });
  if (jestArgs.length === 0) {
    // Retention dates must not depend on the machine's zone: the domain suite again under zones either side of UTC
    // (Kolkata's half-hour offset catches code that assumes whole hours).
    for (const zone of ['UTC', 'America/Los_Angeles', 'Asia/Kolkata']) {
      run(`Domain rules under TZ=${zone}`, 'npx', ['jest', 'test/core/domain', '--selectProjects', 'unit', '--silent'], { TZ: zone });
    }
  }
  console.log(`\nnpm test finished in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

function run(title: string, command: string, args: readonly string[], env: Record<string, string> = {}): void {
  console.log(`\n> ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${title} failed (exit ${result.status ?? result.signal}). The output above says why.`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`\n${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
