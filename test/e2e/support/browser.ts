import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { chromiumArgs, findChromium, installChromiumCommand } from '../../../scripts/lib/chromium';

export interface TestBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Debian's Chromium through playwright-core, headless, with a fresh profile that is removed afterwards. */
export async function launchBrowser(): Promise<TestBrowser> {
  const executablePath = findChromium();
  if (!executablePath)
    throw new Error(`Chromium is not installed. Run \`npm test\` (it installs it as root) or: ${installChromiumCommand}`);
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'custodian-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath, headless: true, args: [...chromiumArgs] });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    }
  };
}

/**
 * Console errors and uncaught exceptions of a page, collected from the moment it is opened, and what goes wrong
 * when a dialog closes (`watchDialogs`): every test that asserts no page errors also checks each dialog it opened.
 * Call before the page's first navigation.
 */
export async function collectPageErrors(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  await page.addInitScript(watchDialogs);
  return errors;
}

/**
 * Runs in the page. When the last open dialog closes (Cancel, Escape or its action), the page must be given back and
 * focus must return to the control that opened it (WCAG 2.4.3; what Fluent's Dialog does when it is used as
 * documented): within a second, nothing usable may stay aria-hidden, and the element focused before the dialog
 * opened must be focused again, unless it left the page (an approved item leaves the queue). Each failure is written
 * as a console error, which `collectPageErrors` collects.
 */
export function watchDialogs(): void {
  const dialogs = '[role="dialog"], [role="alertdialog"]';
  // The control itself, or the same control drawn again (a list refreshed after the dialog's action): same kind, same name.
  const nameOf = (el: Element): string => el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '';
  const describe = (el: Element | null): string =>
    el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${nameOf(el) ? ` "${nameOf(el).slice(0, 40)}"` : ''}` : 'nothing';
  const sameControl = (a: Element | null, b: Element): boolean =>
    a === b || (a !== null && a.tagName === b.tagName && nameOf(a) === nameOf(b));
  let lastOutside: Element | null = null;
  let opener: Element | null = null;
  let open = false;
  // A closing still being checked; a person acting again settles it on the page as it was before the act moved focus
  // (pointerdown and keydown are seen in the capture phase, before focus moves).
  let checkNow: (() => void) | null = null;
  // The opener is the control a person acted on (a key pressed on it, or a click) outside any dialog: focus alone can
  // move on before the dialog appears.
  const actedOn = (element: Element | null): void => {
    checkNow?.();
    if (element && element !== document.body && !element.closest(dialogs)) lastOutside = element;
  };
  document.addEventListener('keydown', () => actedOn(document.activeElement), true);
  document.addEventListener(
    'pointerdown',
    (event) => actedOn((event.target as Element | null)?.closest('button, a[href], [role="button"], input, select') ?? null),
    true
  );
  const problemsAfterClose = (expected: Element | null): string[] => {
    const usable = 'a[href], button, input, select, textarea, [role="button"], [role="tab"], h1, h2, h3';
    const hidden = [...document.querySelectorAll('[aria-hidden="true"]')].filter(
      (el) => !el.hasAttribute('data-tabster-dummy') && el.querySelector(usable) !== null
    );
    return [
      ...hidden.map((el) => `dialog-closed: ${describe(el)} stays aria-hidden`),
      ...(expected && expected.isConnected && !sameControl(document.activeElement, expected)
        ? [`dialog-closed: focus is on ${describe(document.activeElement)}, not on ${describe(expected)} that opened the dialog`]
        : [])
    ];
  };
  const onChange = (): void => {
    const nowOpen = document.querySelector(dialogs) !== null;
    if (nowOpen && !open) {
      open = true;
      opener = lastOutside;
    } else if (!nowOpen && open) {
      open = false;
      const expected = opener;
      const started = Date.now();
      // Each closing checked is counted on the root element (`data-dialogs-checked`), a signal a test can wait for.
      const checked = (): void => {
        const root = document.documentElement;
        root.dataset.dialogsChecked = String(Number(root.dataset.dialogsChecked ?? '0') + 1);
      };
      let timer: ReturnType<typeof setTimeout> | undefined;
      const finish = (problems: string[]): void => {
        clearTimeout(timer);
        checkNow = null;
        for (const problem of problems) console.error(problem);
        checked();
      };
      const poll = (): void => {
        if (document.querySelector(dialogs)) return finish([]);
        const problems = problemsAfterClose(expected);
        if (problems.length && Date.now() - started < 1000) return void (timer = setTimeout(poll, 50));
        finish(problems);
      };
      // The person acts again: if the page is right at this moment, the closing passed (whatever the act then does
      // to focus); if not, the polling goes on as before, so an act can end a check early but never fail one.
      checkNow = () => {
        if (document.querySelector(dialogs) || problemsAfterClose(expected).length === 0) finish([]);
      };
      timer = setTimeout(poll, 50);
    }
  };
  const observe = (): void => {
    new MutationObserver(onChange).observe(document.documentElement, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['role']
    });
  };
  if (document.documentElement) observe();
  else document.addEventListener('DOMContentLoaded', observe);
}

/**
 * Closes the open dialog by `close` (a click on its button, Escape) and waits until the page's watcher
 * (`watchDialogs`) has judged the closing, so that its complaints, if any, are among the page's errors before the
 * test reads them: checking right after the click would read them before the verdict and pass whatever it is.
 */
export async function closeDialogChecked(page: Page, close: () => Promise<unknown>): Promise<void> {
  const checked = (): Promise<number> => page.evaluate(() => Number(document.documentElement.dataset.dialogsChecked ?? '0'));
  const before = await checked();
  await close();
  await page.locator('[role="dialog"], [role="alertdialog"]').waitFor({ state: 'detached' });
  await page.waitForFunction((n) => Number(document.documentElement.dataset.dialogsChecked ?? '0') > n, before);
}

/**
 * axe-core's serious and critical violations, each as "rule: target", once every finite animation has finished
 * (a dialog fading in has half-transparent text that axe would measure as low contrast).
 */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)
  );
  // A modal dialog hides the page behind it (aria-hidden); once it has closed, the page must be shown again. It is
  // given a moment to do so; what is still hidden then is reported below, as axe does not see it.
  await page
    .waitForFunction(
      () =>
        document.querySelector('[role="dialog"], [role="alertdialog"]') !== null || !document.querySelector('#root[aria-hidden="true"]'),
      undefined,
      {
        timeout: 3_000
      }
    )
    .catch(() => undefined);
  // Fluent UI v9's focus management (Tabster) places aria-hidden sentinels that pass focus straight on; axe reports
  // them as aria-hidden-focus although no user can rest on them (microsoft/fluentui#25133). Everything else is checked.
  const results = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
  return [
    ...(await hiddenWithoutDialog(page)),
    ...results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`))
  ];
}

/**
 * Page content a screen reader cannot reach while no dialog is open: an element marked aria-hidden that holds
 * something a person can use (a closed modal that did not give the page back). axe checks only focusable elements
 * inside aria-hidden, and only while they are focusable, so it misses a page left hidden after a cancelled dialog.
 */
export async function hiddenWithoutDialog(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    if (document.querySelector('[role="dialog"], [role="alertdialog"]')) return [];
    const usable =
      'a[href], button, input, select, textarea, [tabindex]:not([data-tabster-dummy]), [role="button"], [role="tab"], h1, h2, h3';
    return [...document.querySelectorAll('[aria-hidden="true"]')]
      .filter((el) => !el.hasAttribute('data-tabster-dummy') && el.querySelector(usable) !== null)
      .map(
        (el) =>
          `aria-hidden-without-dialog: ${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} hides ${el.querySelectorAll(usable).length} usable elements`
      );
  });
}

export type { Browser, Page };
