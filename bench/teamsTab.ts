/**
 * Teams tab and coverage benchmark (not a test): `tsx bench/teamsTab.ts [--json] [--runs N] [--coverage-items N]`.
 * What a person feels on opening the records manager's tab and the site owner's coverage (issue #13), each the
 * median of `runs` (default 7) page loads of the built pages with an in-memory dev tenant on one origin (what
 * `npm start -- --memory` serves), in headless Chromium (CHROMIUM_PATH, or Debian's):
 * - `queueFirstUsableCold`: a device that never opened the tab (a fresh browser context each run): from navigation
 *   start to the queue's items offering to be selected. Reported, no budget: the whole queue is read through Graph.
 * - `queueFirstUsableCached`: the same device opening the tab again (one context, the page reloaded): the queue last
 *   read on this device is shown from the index's store at once, and read again behind it. Budget 1 s.
 * - `coverage`: the site owner's Coverage tab on a dev tenant of `coverage-items` items (default 24,000), from the
 *   click on the tab to the coverage table with every library's files counted. Budget 2 s.
 * - `coverageLockedCounted`: the same, to the locked records counted too (a request per record, shown after the
 *   rest). Reported, no budget.
 * Timed in the page (`performance.now()`, polled every frame). With --json, one JSON object per figure, one a line.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, findChromium, installChromiumCommand } from '../scripts/lib/chromium';
import { defaultItems } from '../src/devtenant/index';
import { serveBuiltPages } from '../test/e2e/support/builtPages';

function flag(name: string): number | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : undefined;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

type Measure = 'queueFirstUsableCold' | 'queueFirstUsableCached' | 'coverage' | 'coverageLockedCounted';

interface Figure {
  benchmark: 'teams-tab';
  measure: Measure;
  items: number;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  budgetMs: number | null;
  pass: boolean | null;
}

const budgets: Record<Measure, number | null> = {
  queueFirstUsableCold: null,
  queueFirstUsableCached: 1000,
  coverage: 2000,
  coverageLockedCounted: null
};

/** The moment, in the page's own clock, the queue's items can be selected (its "Select all shown" is enabled). */
async function queueUsableAt(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const select = Array.from(document.querySelectorAll('button')).find((button) => button.textContent === 'Select all shown');
      return select && !select.disabled && document.querySelector('[data-testid="queue-summary"]') ? performance.now() : false;
    },
    undefined,
    { polling: 'raf', timeout: 60_000 }
  );
  return (await handle.jsonValue()) as number;
}

/** Waits until the queue read through Graph replaced the kept one, so that the store holds the newest. */
async function queueSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('section[role="tabpanel"]')?.getAttribute('aria-busy') !== 'true', undefined, {
    timeout: 60_000
  });
}

async function measureQueue(browser: Browser, url: string, runs: number, log: (line: string) => void): Promise<Record<string, number[]>> {
  const cold: number[] = [];
  const cached: number[] = [];
  const viewport = { width: 1400, height: 1000 };
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    cold.push(await queueUsableAt(page));
    await queueSettled(page);
    await context.close();
  }
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(url);
  await queueUsableAt(page);
  await queueSettled(page);
  for (let run = 0; run < runs; run++) {
    await page.reload({ waitUntil: 'commit' });
    cached.push(await queueUsableAt(page));
    await queueSettled(page);
    log(`run ${run + 1}/${runs}: first usable ${cold[run].toFixed(0)} ms on a new device, ${cached[run].toFixed(0)} ms again`);
  }
  await context.close();
  return { queueFirstUsableCold: cold, queueFirstUsableCached: cached };
}

async function measureCoverage(
  browser: Browser,
  url: string,
  runs: number,
  log: (line: string) => void
): Promise<Record<string, number[]>> {
  const shown: number[] = [];
  const complete: number[] = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole('heading', { level: 2, name: 'Custodian file plan' }).waitFor({ timeout: 60_000 });
    const tab = page.getByRole('tab', { name: 'Coverage' });
    await tab.waitFor();
    const clickedAt = await tab.evaluate((element) => {
      (element as HTMLElement).click();
      return performance.now();
    });
    const tableAt = await page.waitForFunction(
      () => (document.querySelector('[data-testid="coverage-table"]') ? performance.now() : false),
      undefined,
      {
        polling: 'raf',
        timeout: 120_000
      }
    );
    shown.push(((await tableAt.jsonValue()) as number) - clickedAt);
    const countedAt = await page.waitForFunction(
      () => (document.querySelector('[data-testid="coverage-table"]')?.getAttribute('aria-busy') === 'false' ? performance.now() : false),
      undefined,
      { polling: 'raf', timeout: 120_000 }
    );
    complete.push(((await countedAt.jsonValue()) as number) - clickedAt);
    log(
      `run ${run + 1}/${runs}: coverage shown after ${shown[run].toFixed(0)} ms, locked records counted after ${complete[run].toFixed(0)} ms`
    );
    await context.close();
  }
  return { coverage: shown, coverageLockedCounted: complete };
}

function figure(measure: Measure, items: number, values: number[]): Figure {
  const budgetMs = budgets[measure];
  return {
    benchmark: 'teams-tab',
    measure,
    items,
    runs: values.length,
    medianMs: Math.round(median(values)),
    minMs: Math.round(Math.min(...values)),
    maxMs: Math.round(Math.max(...values)),
    budgetMs,
    pass: budgetMs === null ? null : median(values) <= budgetMs
  };
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const runs = flag('--runs') ?? 7;
  const coverageItems = flag('--coverage-items') ?? 24_000;
  const log = (line: string): void => void (json ? undefined : process.stderr.write(`${line}\n`));
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`Chromium is not installed: ${installChromiumCommand} (or set CHROMIUM_PATH).`);
  const browser = await chromium.launch({ executablePath, headless: true, args: [...chromiumArgs] });
  const figures: Figure[] = [];
  try {
    const seeded = await serveBuiltPages();
    try {
      const queue = await measureQueue(browser, `${seeded.url}/teams/index.html`, runs, log);
      for (const measure of ['queueFirstUsableCold', 'queueFirstUsableCached'] as const)
        figures.push(figure(measure, defaultItems, queue[measure]));
    } finally {
      await seeded.close();
    }
    log(`seeding a dev tenant of ${coverageItems.toLocaleString('en-GB')} items`);
    const large = await serveBuiltPages({ items: coverageItems });
    try {
      const coverage = await measureCoverage(browser, `${large.url}/workbench/index.html?site=/sites/finance`, runs, log);
      for (const measure of ['coverage', 'coverageLockedCounted'] as const) figures.push(figure(measure, coverageItems, coverage[measure]));
    } finally {
      await large.close();
    }
  } finally {
    await browser.close();
  }
  for (const f of figures) {
    const budget = f.budgetMs === null ? 'no budget' : `budget ${f.budgetMs} ms: ${f.pass ? 'pass' : 'FAIL'}`;
    process.stdout.write(
      json
        ? `${JSON.stringify(f)}\n`
        : `teams tab ${f.measure}: median ${f.medianMs} ms (min ${f.minMs}, max ${f.maxMs}) over ${f.runs} runs, ${budget}\n`
    );
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
