import { collectPageErrors, launchBrowser, seriousAccessibilityViolations, type TestBrowser } from './support/browser';
import { serveBuiltPages } from './support/builtPages';
import type { LocalServer } from '../../scripts/lib/server';

jest.setTimeout(60_000);

const surfaces = [
  { path: '/addin/taskpane.html', heading: 'Custodian', width: 320 },
  { path: '/teams/index.html', heading: 'Dispositions', width: 1280 },
  { path: '/teams/index.html?view=config', heading: 'Add Custodian dispositions to this channel', width: 1280 },
  { path: '/workbench/index.html', heading: 'Custodian file plan', width: 1280 }
] as const;

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

describe.each(surfaces)('$path', (surface) => {
  it('renders its app without console errors and with no serious accessibility violation', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: surface.width, height: 800 });
    const errors = await collectPageErrors(page);
    const response = await page.goto(`${server.url}${surface.path}`);
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { level: surface.path.startsWith('/workbench') ? 2 : 1, name: surface.heading }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

it('links every surface from the start page', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/`);
  const hrefs = await page.getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  expect(hrefs).toEqual(['/addin/taskpane.html', '/teams/index.html', '/workbench/index.html']);
  await page.close();
});
