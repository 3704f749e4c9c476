import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './lib/paths';

/**
 * `npm run bench [-- NAME ...] [--json]`: runs each benchmark in bench/ (or the named ones; pages a benchmark
 * opens in Chromium live in bench/pages/) one after another,
 * never in parallel, since they measure throughput on a two-core machine. With --json every benchmark prints one
 * JSON object per line. Benchmarks print measurements; they are not tests and never fail on a number.
 */
function main(argv: readonly string[]): void {
  // Names come first; everything from the first option on goes to each benchmark (`--items 2000` keeps its value).
  const firstOption = argv.findIndex((arg) => arg.startsWith('--'));
  const names = firstOption === -1 ? [...argv] : argv.slice(0, firstOption);
  const flags = firstOption === -1 ? [] : argv.slice(firstOption);
  const available = readdirSync(path.join(repoRoot, 'bench'))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.replace(/\.ts$/, ''));
  const unknown = names.filter((name) => !available.includes(name));
  if (unknown.length > 0) throw new Error(`No benchmark named ${unknown.join(', ')}. Available: ${available.join(', ')}.`);
  for (const name of names.length > 0 ? names : available) {
    if (!flags.includes('--json')) console.log(`\n> bench/${name}.ts`);
    const result = spawnSync('npx', ['tsx', path.join('bench', `${name}.ts`), ...flags], { cwd: repoRoot, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`bench/${name}.ts failed (exit ${result.status ?? result.signal}).`);
  }
}

try {
  main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
