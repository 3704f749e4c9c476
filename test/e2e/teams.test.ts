import { createDevTenantTokenProvider } from '../../src/core/auth/createDevTenantTokenProvider';
import { createGraphGateway } from '../../src/core/graph/createGraphGateway';
import type { GraphGateway } from '../../src/core/graph/GraphGateway';
import { listAll } from '../../src/core/graph/iteratePages';
import { getListItem } from '../../src/core/graph/listItems/getListItem';
import { listListItemsCall } from '../../src/core/graph/listItems/listListItems';
import { updateListItemFields } from '../../src/core/graph/listItems/updateListItemFields';
import { findListByName } from '../../src/core/graph/lists/findListByName';
import { listRetentionEvents } from '../../src/core/graph/retentionEvents/listRetentionEvents';
import { getSiteByUrl } from '../../src/core/graph/sites/getSiteByUrl';
import type { LocalServer } from '../../scripts/lib/server';
import {
  closeDialogChecked,
  collectPageErrors,
  launchBrowser,
  seriousAccessibilityViolations,
  type Page,
  type TestBrowser
} from './support/browser';
import type { Locator } from 'playwright-core';
import { serveBuiltPages } from './support/builtPages';

jest.setTimeout(120_000);

let server: LocalServer;
let browser: TestBrowser;
let graph: GraphGateway;

beforeAll(async () => {
  server = await serveBuiltPages({ items: 400 });
  browser = await launchBrowser();
  graph = createGraphGateway({
    baseUrl: server.url,
    tokens: createDevTenantTokenProvider({ url: server.url, persona: 'records-manager' })
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A control write to the dev tenant, as a script sends it (JSON, the control routes' only body). */
async function control(route: 'reset' | 'clock', body: Record<string, number>): Promise<void> {
  const res = await fetch(`${server.url}/devtenant/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body)
  });
  if (!res.ok) throw new Error(`POST /devtenant/${route} answered ${res.status}: ${await res.text()}`);
}

// Each test starts from the seeded tenant (400 items, clock at real time, no decision, empty proof register), so
// none depends on what another test disposed of, held or tampered with, whatever order jest runs them in.
beforeEach(() => control('reset', {}));

/** "Showing 3 items of 12 waiting for review" -> [3, 12]. */
async function counts(page: Page): Promise<[number, number]> {
  const text = (await page.getByTestId('queue-summary').textContent()) ?? '';
  const match = /Showing ([\d,]+) items? of ([\d,]+)/.exec(text);
  if (!match) throw new Error(`Unexpected summary: ${text}`);
  return [Number(match[1].replace(/,/g, '')), Number(match[2].replace(/,/g, ''))];
}

/** Opens the tab in demo mode and waits for the queue. */
async function openTab(path = '/teams/index.html'): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1400, height: 1000 });
  const errors = await collectPageErrors(page);
  await page.goto(`${server.url}${path}`);
  await page.locator('[data-testid="queue-summary"], [data-testid="error-card"]').first().waitFor();
  const failure = page.getByTestId('error-card');
  if (await failure.isVisible()) throw new Error(`The queue did not load: ${await failure.textContent()}`);
  // The queue this browser read last is shown first, marked with its time; a person reading counts waits, as the tests
  // do, for the current one.
  await page.locator('section[role="tabpanel"][aria-busy="true"]').waitFor({ state: 'detached' });
  return { page, errors };
}

/** The dev tenant's clock as the tab shows it. */
async function tenantYear(page: Page): Promise<number> {
  await page.waitForFunction(() => /\d{4}-\d{2}-\d{2}/.test(document.querySelector('[data-testid="tenant-date"]')?.textContent ?? ''));
  return Number(((await page.getByTestId('tenant-date').textContent()) ?? '').slice(0, 4));
}

/** What the banner's "8 years" moves the clock by. */
const eightYears = { days: 8 * 365 };

/** Moves the clock through the banner, as a person in the demo does. */
async function moveClockEightYears(page: Page): Promise<void> {
  const before = await tenantYear(page);
  await page.getByLabel('Move the clock forward by').selectOption({ label: '8 years' });
  await page.getByRole('button', { name: 'Move the clock' }).click();
  await page.waitForFunction(
    (year) => (document.querySelector('[data-testid="tenant-date"]')?.textContent ?? '').startsWith(String(year)),
    before + 8
  );
}

/**
 * Opens the tab on a tenant whose clock is 8 years on, so that items are past their retention and in the queue
 * (the clock moves before the tab loads, as a script drives the dev tenant; the first test moves it through the banner).
 */
async function openTabEightYearsOn(path?: string): Promise<{ page: Page; errors: string[] }> {
  await control('clock', eightYears);
  return openTab(path);
}

/** Waits until the summary shows the queue read after the last change (no "Refreshing" status). */
async function settled(page: Page): Promise<void> {
  await page.getByTestId('queue-summary').waitFor();
  await page.getByText('Refreshing the queue').waitFor({ state: 'detached' });
}

/** Makes a decision from the open item's details through the dialog, and waits for its result. */
async function decide(page: Page, button: string, justification: string, expected: RegExp): Promise<void> {
  await page.getByTestId('item-details').getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Justification').fill(justification);
  await dialog.getByRole('button', { name: button.startsWith('Approve') ? 'Approve' : button, exact: true }).click();
  await dialog.getByTestId('decision-results').getByText(expected).waitFor();
  await closeDialogChecked(page, () => dialog.getByRole('button', { name: 'Close' }).click());
  await settled(page);
}

/** The queue's rows (the filters' <select>s have options too). */
const queue = (page: Page) => page.getByRole('listbox', { name: 'Items waiting for review' }).getByRole('option');

const keyOf = (page: Page): string => decodeURIComponent(new URL(page.url()).searchParams.get('item') ?? '');

describe('Dispositions tab on the dev tenant, as the records manager', () => {
  it('moves the clock forward 8 years and sees items enter the queue', async () => {
    const { page, errors } = await openTab();
    const [, before] = await counts(page);
    await moveClockEightYears(page);
    await page.waitForFunction(
      (n) =>
        Number(
          /of ([\d,]+)/.exec(document.querySelector('[data-testid="queue-summary"]')?.textContent ?? '')?.[1]?.replace(/,/g, '') ?? 0
        ) > n,
      before
    );
    const [, after] = await counts(page);
    expect(after).toBeGreaterThan(before);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('disposes of an item after a two-stage approval (gone from the dev tenant) and adds a verified proof entry', async () => {
    const { page, errors } = await openTabEightYearsOn();
    await settled(page);
    await page.getByLabel('Label', { exact: true }).selectOption('Invoices - 7 Years');
    const option = queue(page).first();
    const name = ((await option.locator('span').nth(2).textContent()) ?? '').trim();
    await option.click();
    const details = page.getByTestId('item-details');
    await details.getByRole('heading', { level: 2, name }).waitFor();
    const key = keyOf(page);
    expect(key.split('|')).toHaveLength(3);
    await details.getByText('1 of 2: Finance review').waitFor();

    await decide(page, 'Approve this stage', 'Past its 7-year schedule; no open queries.', /moved to the next stage/);
    await details.getByText('2 of 2: Legal sign-off').waitFor();
    await details.getByText(/Approved at stage 1 by priya\.raman/).waitFor();

    await decide(page, 'Approve disposal', "Legal sign-off: no hold, O'Brien matter closed.", /disposed of/);
    await details.getByText('Item not found').waitFor();
    const [siteId, listId, itemId] = key.split('|');
    await expect(getListItem(graph, { siteId, listId }, itemId)).rejects.toMatchObject({ status: 404 });

    await page.getByRole('tab', { name: 'Proof' }).click();
    await page.getByTestId('chain-status').getByText('Chain verified').waitFor();
    const register = page.getByRole('table', { name: 'Proof register' });
    await register.getByRole('row').filter({ hasText: name }).filter({ hasText: 'disposed' }).waitFor();
    await page
      .getByRole('button', { name: /^Certificate of disposal for/ })
      .first()
      .click();
    const certificate = page.getByTestId('certificate');
    await certificate.getByRole('cell', { name }).waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('tablist', { includeHidden: true }).isVisible()).toBe(false);
    expect(await certificate.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await certificate.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses to approve a held item and says why', async () => {
    const { page, errors } = await openTabEightYearsOn();
    await settled(page);
    await page.getByLabel('Label', { exact: true }).selectOption('Invoices - 7 Years');
    await queue(page).first().click();
    const details = page.getByTestId('item-details');
    await details.getByRole('button', { name: 'Place on hold' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Hold name').fill("O'Brien audit #7");
    await dialog.getByLabel('Reason for the hold').fill('External audit 2034 <scope>');
    await dialog.getByLabel('Justification').fill('In the audit scope');
    await dialog.getByRole('button', { name: 'Place on hold' }).click();
    await dialog.waitFor({ state: 'detached' });
    await settled(page);

    await details.getByTestId('hold-notice').getByText("O'Brien audit #7").waitFor();
    expect(await details.getByRole('button', { name: /^Approve/ }).getAttribute('aria-disabled')).toBe('true');

    // The same item approved from the toolbar: the review refuses it in the domain's words.
    await page.getByLabel('Holds', { exact: true }).selectOption('held');
    await queue(page).first().locator('[data-toggle]').click();
    await page.getByRole('group', { name: 'Decide on the selected items' }).getByRole('button', { name: 'Approve', exact: true }).click();
    await dialog.getByText('1 item on hold will be refused; nothing is recorded for it.').waitFor();
    await dialog.getByLabel('Justification').fill('Trying anyway');
    await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
    await dialog
      .getByTestId('decision-results')
      .getByText(/not recorded\. This item is on hold \(.*O'Brien audit #7/)
      .waitFor();
    await closeDialogChecked(page, () => dialog.getByRole('button', { name: 'Close' }).click());
    expect(errors).toEqual([]);
    await page.close();
  });

  /** The asset ids an information request finds for records carrying `label`, as the results table shows them. */
  async function assetIdsOf(page: Page, label: string): Promise<string[]> {
    await page.getByRole('tab', { name: 'Information requests' }).click();
    await page.getByLabel('Retention label').selectOption(label);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const results = page.getByRole('table', { name: 'Records found' });
    await results.waitFor();
    const assetIds = (
      await results.getByRole('row').evaluateAll((rows) => rows.slice(1).map((r) => r.children[3]?.textContent ?? ''))
    ).filter(Boolean);
    expect(assetIds.length).toBeGreaterThan(0);
    return assetIds;
  }

  async function previewEvent(page: Page, eventType: string, name: string, assetId: string): Promise<Locator> {
    await page.getByRole('tab', { name: 'Retention events' }).click();
    await page.getByLabel('Event type').selectOption(eventType);
    await page.getByLabel('Event name').fill(name);
    await page.getByLabel('Asset ids').fill(assetId);
    await page.getByRole('button', { name: 'Preview the event' }).click();
    const preview = page.getByTestId('event-preview');
    await preview.getByText(/This event starts the retention of \d+ items?\./).waitFor();
    return preview;
  }

  it('lists contracts under the Northwind legal hold as held, and offers nothing to fire for them', async () => {
    const { page, errors } = await openTabEightYearsOn();
    // The seeded eDiscovery case holds the Legal site, where the contracts live.
    const [assetId] = await assetIdsOf(page, 'Contracts - 10 Years After Expiry');
    const preview = await previewEvent(page, 'Contract Expiry', `Contract ${assetId} expired`, assetId);
    await preview.getByText('This event starts the retention of 0 items.').waitFor();
    const held = preview.getByRole('table', { name: 'On hold: not started by this event' });
    await held.getByRole('cell', { name: assetId }).first().waitFor();
    await held
      .getByRole('cell', { name: /Northwind litigation hold/ })
      .first()
      .waitFor();
    expect(await preview.getByRole('button', { name: /^Fire the event for/ }).isDisabled()).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fires a retention event, after a preview, that starts retention for the items with its asset id', async () => {
    const { page, errors } = await openTabEightYearsOn();
    // Personnel files (Human Resources) are under no hold: the event starts them.
    const assetIds = await assetIdsOf(page, 'Employee Records - 7 Years After Departure');
    const assetId = assetIds[0];
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    const eventName = `Employee ${assetId} left`;
    const preview = await previewEvent(page, 'Employee Departure', eventName, assetId);
    const count = Number(/of (\d+) item/.exec((await preview.getByText(/This event starts/).textContent()) ?? '')?.[1]);
    expect(count).toBe(assetIds.filter((a) => a === assetId).length);
    await preview.getByRole('table', { name: 'Items the event starts' }).getByRole('cell', { name: assetId }).first().waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await preview.getByRole('button', { name: /^Fire the event for/ }).click();
    const confirm = page.getByRole('alertdialog');
    const fire = confirm.getByRole('button', { name: 'Fire the event' });
    expect(await fire.isDisabled()).toBe(true);
    await confirm.getByLabel('I understand that this cannot be undone').check();
    await fire.click();
    const fired = page.getByTestId('event-fired');
    await fired.waitFor();
    expect(await fired.textContent()).toMatch(
      new RegExp(
        `Retention started for ${count} items?: .*asset id ${assetId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, retention ends \\w{3} \\d{1,2}, \\d{4}`
      )
    );
    const events = await listRetentionEvents(graph);
    expect(events.map((e) => e.displayName)).toContain(eventName);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows tampering with the register in the dev tenant as a broken chain', async () => {
    const { page, errors } = await openTabEightYearsOn();
    // A fresh tenant's register is empty: one stage approval writes the entry that is then altered.
    await settled(page);
    await page.getByLabel('Label', { exact: true }).selectOption('Invoices - 7 Years');
    await queue(page).first().click();
    await page.getByTestId('item-details').getByText('1 of 2: Finance review').waitFor();
    await decide(page, 'Approve this stage', 'Past its 7-year schedule; no open queries.', /moved to the next stage/);
    await page.getByRole('tab', { name: 'Proof' }).click();
    await page.getByTestId('chain-status').getByText('Chain verified').waitFor();
    const site = await getSiteByUrl(graph, 'https://custodiandev.sharepoint.com/sites/records');
    const list = await findListByName(graph, String(site.id), 'Custodian Disposition Register');
    const ref = { siteId: String(site.id), listId: String(list?.id) };
    const rows = await listAll<{ id: string }>(graph, listListItemsCall(ref));
    expect(rows.length).toBeGreaterThan(0);
    await updateListItemFields(graph, ref, rows[0].id, { justification: 'Nothing to see here' });

    await page.getByRole('button', { name: 'Verify again' }).click();
    const status = page.getByTestId('chain-status');
    await status.getByText('Chain broken: the register was tampered with').waitFor();
    expect(await status.textContent()).toMatch(/Entry 0 was altered/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each(['default', 'dark', 'contrast'])('has no serious accessibility violation in the Teams %s theme', async (theme) => {
    const { page, errors } = await openTabEightYearsOn(`/teams/index.html?theme=${theme}`);
    await queue(page).first().click();
    await page.getByTestId('item-details').getByRole('heading', { level: 2 }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Forecast' }).click();
    await page.getByRole('img', { name: /Retention ending in the next 12 months/ }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits a 320 px wide tab: no sideways scrolling, and the filters one under the other', async () => {
    const { page, errors } = await openTab();
    await page.setViewportSize({ width: 320, height: 800 });
    await page.getByLabel('Site').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    // The Label filter used to run under the Site filter.
    const label = await page.getByLabel('Label', { exact: true }).boundingBox();
    const site = await page.getByLabel('Site', { exact: true }).boundingBox();
    expect(label && site && (label.y + label.height <= site.y || site.x >= label.x + label.width)).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens an item from a deep link (?item=) and works with the keyboard alone', async () => {
    const first = await openTabEightYearsOn();
    await settled(first.page);
    await queue(first.page).first().click();
    const key = keyOf(first.page);
    const name = (await first.page.getByTestId('item-details').getByRole('heading', { level: 2 }).textContent()) ?? '';
    await first.page.close();

    const { page, errors } = await openTab(`/teams/index.html?item=${encodeURIComponent(key)}`);
    await page.getByTestId('item-details').getByRole('heading', { level: 2, name }).waitFor();

    // Keyboard only: Tab to the queue, move with the arrows, select with Space, open with Enter.
    const list = page.getByRole('listbox', { name: 'Items waiting for review' });
    for (let i = 0; i < 40 && !(await list.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await list.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await page
      .getByTestId('queue-summary')
      .getByText(/· 1 selected/)
      .waitFor();
    const activeId = await list.getAttribute('aria-activedescendant');
    const secondName = (await page.locator(`[id="${activeId}"]`).locator('span').nth(2).textContent()) ?? '';
    await page.keyboard.press('Enter');
    await page.getByTestId('item-details').getByRole('heading', { level: 2, name: secondName }).waitFor();
    // Shift+Tab reaches the toolbar; the selection's Relabel opens its dialog, Escape closes it.
    for (let i = 0; i < 20 && (await page.evaluate(() => document.activeElement?.textContent)) !== 'Relabel'; i++)
      await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByLabel('New retention label').waitFor();
    await closeDialogChecked(page, () => page.keyboard.press('Escape'));
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Relabel');

    for (const tab of ['Holds', 'Forecast'] as const) {
      await page.getByRole('tab', { name: tab }).click();
      await page.getByRole('tabpanel').getByRole('heading', { level: 2 }).first().waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
    }
    await page.getByRole('img', { name: /Retention ending in the next 12 months/ }).waitFor();
    await page.getByLabel('Show as a table').check();
    expect(await page.getByRole('table', { name: 'Retention ending per month' }).getByRole('row').count()).toBe(13);
    expect(errors).toEqual([]);
    await page.close();
  });
});
