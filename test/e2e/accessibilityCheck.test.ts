// The accessibility check every browser test runs (test/e2e/support/browser.ts) has to see what axe does not: a page
// left hidden from screen readers after a modal dialog closed. Each case is a page written by hand.
import { hiddenWithoutDialog, launchBrowser, seriousAccessibilityViolations, type TestBrowser } from './support/browser';

jest.setTimeout(60_000);

let browser: TestBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function check(html: string): Promise<{ hidden: string[]; all: string[] }> {
  const page = await browser.context.newPage();
  try {
    await page.setContent(`<!doctype html><html lang="en"><head><title>Check</title></head><body>${html}</body></html>`);
    return { hidden: await hiddenWithoutDialog(page), all: await seriousAccessibilityViolations(page) };
  } finally {
    await page.close();
  }
}

describe('the accessibility check', () => {
  it('reports a page left aria-hidden with no dialog open, which axe alone passes', async () => {
    const { hidden, all } = await check('<main id="root" aria-hidden="true"><h1>Queue</h1><button>Approve</button></main>');
    expect(hidden).toEqual(['aria-hidden-without-dialog: main#root hides 2 usable elements']);
    expect(all).toEqual(expect.arrayContaining(hidden));
  });

  it('accepts the page hidden behind an open dialog, and decorative aria-hidden marks', async () => {
    const open = await check(
      '<main id="root" aria-hidden="true"><button>Approve</button></main><div role="dialog" aria-modal="true" aria-label="Approve"><button>OK</button></div>'
    );
    expect(open.hidden).toEqual([]);
    const decorative = await check('<main><h1>Queue</h1><span aria-hidden="true">✓</span><button>Approve</button></main>');
    expect(decorative.hidden).toEqual([]);
    expect(decorative.all).toEqual([]);
  });
});
