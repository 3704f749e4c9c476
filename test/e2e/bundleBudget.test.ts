import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { type PageSize, taskPaneBudgetGzip } from '../../scripts/build';
import { distDir } from '../../scripts/lib/paths';
import type { LocalServer } from '../../scripts/lib/server';
import { launchBrowser, type TestBrowser } from './support/browser';
import { serveBuiltPages } from './support/builtPages';

jest.setTimeout(60_000);

let server: LocalServer;
let browser: TestBrowser;

beforeAll(async () => {
  server = await serveBuiltPages();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function report(page: string): PageSize {
  const { pages } = JSON.parse(readFileSync(path.join(distDir, 'build-report.json'), 'utf8')) as { pages: PageSize[] };
  const size = pages.find((entry) => entry.page === page);
  if (!size) throw new Error(`build-report.json has no entry for ${page}`);
  return size;
}

it('keeps the task pane within its budget of 250 KB gzipped before it can render', () => {
  expect(report('addin/taskpane.html').initial.gzip).toBeLessThanOrEqual(taskPaneBudgetGzip);
});

it.each(['addin/taskpane.html', 'teams/index.html'])(
  '%s in demo mode loads only its initial scripts, not sign-in or host SDKs',
  async (page) => {
    const size = report(page);
    expect(size.lazyFiles.length).toBeGreaterThan(0);
    const tab = await browser.context.newPage();
    const scripts: string[] = [];
    tab.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname.slice(1));
    });
    await tab.goto(`${server.url}/${page}`);
    await tab.getByRole('heading', { level: 1 }).first().waitFor();
    expect(scripts.sort()).toEqual([...size.initialFiles].sort());
    await tab.close();
  }
);
