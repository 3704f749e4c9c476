/**
 * Index benchmark (not a test): `tsx bench/index.ts [--json] [--items N] [--changes N]`.
 * The disposition index refreshed after N changes (default 100) to a dev tenant of 100,000 items: the requests the
 * refresh makes and its time as a share of the initial sync (goal at most 0.05). With --json, one JSON object per
 * benchmark, one a line; otherwise a readable summary (progress on stderr).
 */
import { defaultIndexBenchOptions, runIndexBench } from '../src/node/index/runIndexBench';

function flag(name: string): number | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : undefined;
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const results = await runIndexBench({
    ...defaultIndexBenchOptions,
    items: flag('--items') ?? defaultIndexBenchOptions.items,
    changes: flag('--changes') ?? defaultIndexBenchOptions.changes,
    log: json ? undefined : (line) => process.stderr.write(`${line}\n`)
  });
  for (const r of results) process.stdout.write(json ? `${JSON.stringify(r)}\n` : `${r.benchmark}: ${JSON.stringify(r, null, 2)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
