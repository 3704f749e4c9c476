/**
 * Task pane benchmark (not a test): `tsx bench/taskPane.ts [--json] [--runs N]`.
 * Serves the built pages with a fresh in-memory dev tenant on one origin (what `npm start -- --memory` serves,
 * building dist/ first when it is stale), opens the task pane in headless Chromium (CHROMIUM_PATH, or Debian's)
 * in demo mode on a document (`?demo=contract`, as Word opens the pane on the open document) and prints the median
 * of `runs` (default 7) cold loads, each in a fresh browser context (empty cache), budget 1.5 s.
 *
 * "Interactive", measured in the page against `performance.timeOrigin` (navigation start):
 * - `firstControl`: the first control of the pane (the persona select) is enabled and takes the focus;
 * - `interactive`: that, and the status card of the document is rendered and the declare button is enabled, i.e.
 *   the document was resolved through Graph (dev tenant) with its file plan and columns: what a person can act on.
 * With --json, one JSON object per figure, one a line; otherwise a readable summary.
 */
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium, installChromiumCommand } from '../scripts/lib/chromium';
import { serveBuiltPages } from '../test/e2e/support/builtPages';

function flag(name: string): number | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : undefined;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

interface Figure {
  benchmark: 'task-pane';
  measure: 'firstControl' | 'interactive';
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  budgetMs: number;
  pass: boolean;
}

const budgetMs = 1500;

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const runs = flag('--runs') ?? 7;
  const log = (line: string): void => void (json ? undefined : process.stderr.write(`${line}\n`));
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`Chromium is not installed: ${installChromiumCommand} (or set CHROMIUM_PATH).`);
  const server = await serveBuiltPages();
  const browser = await chromium.launch({ executablePath, headless: true, args: [...chromiumArgs] });
  const samples: Record<Figure['measure'], number[]> = { firstControl: [], interactive: [] };
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 320, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${server.url}/addin/taskpane.html?demo=contract`, { waitUntil: 'commit' });
      const firstControl = await page.waitForFunction(
        () => {
          const control = document.querySelector<HTMLSelectElement>('main select');
          if (!control || control.disabled) return false;
          control.focus();
          return document.activeElement === control ? performance.now() : false;
        },
        undefined,
        { polling: 'raf', timeout: 30_000 }
      );
      samples.firstControl.push((await firstControl.jsonValue()) as number);
      const interactive = await page.waitForFunction(
        () => {
          const card = document.querySelector('[data-testid="status-card"]');
          const button = document.querySelector<HTMLButtonElement>('[data-testid="declare-action"]');
          return card && button && button.getAttribute('aria-disabled') !== 'true' && !button.disabled ? performance.now() : false;
        },
        undefined,
        { polling: 'raf', timeout: 30_000 }
      );
      const ms = (await interactive.jsonValue()) as number;
      samples.interactive.push(ms);
      log(`run ${run + 1}/${runs}: first control ${samples.firstControl[run].toFixed(0)} ms, interactive ${ms.toFixed(0)} ms`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  for (const measure of ['firstControl', 'interactive'] as const) {
    const values = samples[measure];
    const figure: Figure = {
      benchmark: 'task-pane',
      measure,
      runs,
      medianMs: Math.round(median(values)),
      minMs: Math.round(Math.min(...values)),
      maxMs: Math.round(Math.max(...values)),
      budgetMs,
      pass: median(values) <= budgetMs
    };
    process.stdout.write(
      json
        ? `${JSON.stringify(figure)}\n`
        : `task pane ${measure}: median ${figure.medianMs} ms (min ${figure.minMs}, max ${figure.maxMs}) over ${runs} runs, budget ${budgetMs} ms: ${figure.pass ? 'pass' : 'FAIL'}\n`
    );
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
