// The accessibility check every browser test runs (test/e2e/support/browser.ts) has to see what axe does not: a page
// left hidden from screen readers after a modal dialog closed. Each case is a page written by hand.
import { collectPageErrors, hiddenWithoutDialog, launchBrowser, seriousAccessibilityViolations, type TestBrowser } from './support/browser';

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

// A page written by hand whose "Approve" button opens a modal dialog (the page behind it aria-hidden, focus moved
// into it) and whose "Close" closes it in the way `close` says: what the watcher every browser test installs reports.
async function closeDialog(close: string): Promise<string[]> {
  const page = await browser.context.newPage();
  try {
    const errors = await collectPageErrors(page);
    await page.route('http://custodian.test/', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><title>Dialog</title></head><body>
          <main id="root"><h1>Queue</h1><button id="approve">Approve</button><button id="other">Other</button></main>
          <script>
            const root = document.getElementById('root');
            document.getElementById('approve').addEventListener('click', () => {
              const dialog = document.createElement('div');
              dialog.setAttribute('role', 'dialog');
              dialog.setAttribute('aria-label', 'Approve');
              dialog.innerHTML = '<button id="close">Close</button>';
              root.setAttribute('aria-hidden', 'true');
              document.body.append(dialog);
              document.getElementById('close').focus();
              document.getElementById('close').addEventListener('click', () => { ${close} });
            });
          </script></body></html>`
      })
    );
    await page.goto('http://custodian.test/');
    await page.locator('#approve').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.documentElement.dataset.dialogsChecked === '1');
    return errors;
  } finally {
    await page.close();
  }
}

describe('the dialog watcher', () => {
  it('accepts a dialog that gives the page back and returns focus to the button that opened it', async () => {
    expect(await closeDialog("dialog.remove(); root.removeAttribute('aria-hidden'); document.getElementById('approve').focus();")).toEqual(
      []
    );
  });

  it('reports focus left elsewhere after the dialog closed', async () => {
    expect(await closeDialog("dialog.remove(); root.removeAttribute('aria-hidden'); document.getElementById('other').focus();")).toEqual([
      'console: dialog-closed: focus is on button#other "Other", not on button#approve "Approve" that opened the dialog'
    ]);
  });

  // A quick person: 10 ms after the dialog closed, before the watcher's first look at 50 ms, they press on "Other".
  const pressOtherAtOnce =
    "setTimeout(() => { const other = document.getElementById('other'); other.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true })); other.focus(); }, 10);";

  it('accepts focus returned and then moved at once by the person pressing elsewhere', async () => {
    expect(
      await closeDialog(
        `dialog.remove(); root.removeAttribute('aria-hidden'); document.getElementById('approve').focus(); ${pressOtherAtOnce}`
      )
    ).toEqual([]);
  });

  it('still reports focus lost when the person presses elsewhere at once', async () => {
    expect(await closeDialog(`dialog.remove(); root.removeAttribute('aria-hidden'); document.body.focus(); ${pressOtherAtOnce}`)).toEqual([
      'console: dialog-closed: focus is on button#other "Other", not on button#approve "Approve" that opened the dialog'
    ]);
  });

  it('reports the page left aria-hidden after the dialog closed', async () => {
    const errors = await closeDialog("dialog.remove(); document.getElementById('approve').focus();");
    expect(errors).toEqual([expect.stringMatching(/^console: dialog-closed: main#root .* stays aria-hidden$/s)]);
  });
});
