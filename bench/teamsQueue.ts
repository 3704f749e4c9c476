/**
 * Teams queue benchmark (not a test): `tsx bench/teamsQueue.ts [--json] [--items N] [--runs N]`.
 * Bundles the Dispositions app with N pending items held in memory (default 10,000), opens it in Chromium
 * (CHROMIUM_PATH, or Debian's), and prints the median of `runs` (default 5) for:
 * - the time from the queue's data arriving to the painted list (budget 1 s);
 * - a text filter and a label filter, from the change to the painted result (budget 100 ms each).
 * With --json, one JSON object per figure, one a line; otherwise a readable summary.
 */
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium, installChromiumCommand } from '../scripts/lib/chromium';

function flag(name: string): number | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : undefined;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

interface Figure {
  benchmark: 'teams-queue';
  measure: 'firstRender' | 'filterText' | 'filterLabel';
  items: number;
  runs: number;
  medianMs: number;
  maxMs: number;
  budgetMs: number;
  pass: boolean;
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const items = flag('--items') ?? 10_000;
  const runs = flag('--runs') ?? 5;
  const log = (line: string): void => void (json ? undefined : process.stderr.write(`${line}\n`));
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`Chromium is not installed: ${installChromiumCommand} (or set CHROMIUM_PATH).`);

  const folder = mkdtempSync(path.join(tmpdir(), 'custodian-teams-bench-'));
  try {
    await build({
      entryPoints: [path.join(__dirname, 'pages', 'teamsQueuePage.ts')],
      outfile: path.join(folder, 'bench.js'),
      bundle: true,
      minify: true,
      format: 'iife',
      target: ['es2020'],
      platform: 'browser',
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'warning'
    });
    writeFileSync(
      path.join(folder, 'index.html'),
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Queue benchmark</title></head><body style="margin:0"><div id="root"></div><script src="bench.js"></script></body></html>'
    );
    const browser = await chromium.launch({ executablePath, headless: true, args: [...chromiumArgs] });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await page.goto(pathToFileURL(path.join(folder, 'index.html')).href);
      await page.waitForFunction(() => typeof window.custodianBench === 'object');
      const samples: Record<Figure['measure'], number[]> = { firstRender: [], filterText: [], filterLabel: [] };
      for (let run = 0; run < runs; run++) {
        samples.firstRender.push(await page.evaluate((n) => window.custodianBench.firstRender(n), items));
        samples.filterText.push(await page.evaluate(() => window.custodianBench.filterText('invoice 1')));
        samples.filterLabel.push(await page.evaluate(() => window.custodianBench.filterLabel('Litigation Records')));
        log(`run ${run + 1}/${runs}: ${await page.evaluate(() => window.custodianBench.shown())}`);
      }
      const budgets = { firstRender: 1000, filterText: 100, filterLabel: 100 } as const;
      const figures: Figure[] = (Object.keys(samples) as Figure['measure'][]).map((measure) => {
        const medianMs = Math.round(median(samples[measure]) * 10) / 10;
        return {
          benchmark: 'teams-queue',
          measure,
          items,
          runs,
          medianMs,
          maxMs: Math.round(Math.max(...samples[measure]) * 10) / 10,
          budgetMs: budgets[measure],
          pass: medianMs <= budgets[measure]
        };
      });
      for (const f of figures)
        process.stdout.write(
          json
            ? `${JSON.stringify(f)}\n`
            : `${f.measure}: median ${f.medianMs} ms (max ${f.maxMs} ms) for ${f.items} items, budget ${f.budgetMs} ms: ${f.pass ? 'pass' : 'FAIL'}\n`
        );
      if (figures.some((f) => !f.pass)) process.exitCode = 1;
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
