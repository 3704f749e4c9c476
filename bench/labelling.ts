/**
 * Labelling benchmark (not a test): `tsx bench/labelling.ts [--json] [--items N] [--fault-items N]`.
 * Prints one JSON object per benchmark, one a line, with --json; otherwise a readable summary.
 * See bench/README.md.
 */
import { defaultLabellingBenchOptions, runLabellingBench } from '../src/node/labellingBench/labellingBench';

function flag(name: string): number | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : undefined;
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const results = await runLabellingBench({
    ...defaultLabellingBenchOptions,
    items: flag('--items') ?? defaultLabellingBenchOptions.items,
    faultItems: flag('--fault-items') ?? defaultLabellingBenchOptions.faultItems,
    log: json ? undefined : (line) => process.stderr.write(`${line}\n`)
  });
  for (const r of results) process.stdout.write(json ? `${JSON.stringify(r)}\n` : `${r.benchmark}: ${JSON.stringify(r, null, 2)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
