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

/** Console errors and uncaught exceptions of a page, collected from the moment it is opened. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  return errors;
}

/**
 * axe-core's serious and critical violations, each as "rule: target", once every finite animation has finished
 * (a dialog fading in has half-transparent text that axe would measure as low contrast).
 */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)
  );
  // A modal dialog hides the page behind it (aria-hidden); once it has closed, the page must be shown again
  // before it is measured, or axe sees a hidden page with focusable content for a moment.
  await page.waitForFunction(
    () =>
      document.querySelector('[role="dialog"], [role="alertdialog"]') !== null ||
      document.querySelector('#root[aria-hidden="true"]') === null
  );
  // Fluent UI v9's focus management (Tabster) places aria-hidden sentinels that pass focus straight on; axe reports
  // them as aria-hidden-focus although no user can rest on them (microsoft/fluentui#25133). Everything else is checked.
  const results = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
}

export type { Browser, Page };
