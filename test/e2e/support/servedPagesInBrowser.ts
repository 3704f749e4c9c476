import type { LocalServer } from '../../../scripts/lib/server';
import { launchBrowser, type TestBrowser } from './browser';
import { serveBuiltPages } from './builtPages';

/**
 * The built pages on a fresh dev tenant and Chromium, started before a file's tests and closed after them. Read its
 * `server` and `browser` inside the tests, once `beforeAll` has run.
 */
export function servedPagesInBrowser(): { readonly server: LocalServer; readonly browser: TestBrowser } {
  const started = {} as { server: LocalServer; browser: TestBrowser };
  beforeAll(async () => {
    started.server = await serveBuiltPages();
    started.browser = await launchBrowser();
  });
  afterAll(async () => {
    await started.browser?.close();
    await started.server?.close();
  });
  return started;
}
