/**
 * The records manager's whole journey in the Teams tab (issue #13, "Done when"), end to end on a fresh dev tenant.
 *
 * Outside truth: a person using only the interface. Every state is set up, and every outcome checked, through what
 * the built page shows in Debian's Chromium (roles, labels, text; clicks, typing and keys) and what a person takes
 * away from it: the register exported with "Export to CSV", checked by the `custodian proof verify` command against
 * the head hash printed on the certificate, as the certificate tells its reader to. Nothing here reads or writes the
 * dev tenant behind the page's back; even its clock is moved with the demo banner's own control. Each dialog closed
 * is judged by the page's watcher (`watchDialogs`) before the journey goes on: focus back on the control that opened
 * it, nothing left aria-hidden.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type { Locator } from 'playwright-core';
import type { LocalServer } from '../../scripts/lib/server';
import {
  collectPageErrors,
  hiddenWithoutDialog,
  launchBrowser,
  seriousAccessibilityViolations,
  type Page,
  type TestBrowser
} from './support/browser';
import { serveBuiltPages } from './support/builtPages';

// Three approvals of up to a hundred and more items, one decision after another, on a machine that may be shared.
jest.setTimeout(420_000);

const run = promisify(execFile);
const repoRoot = path.join(__dirname, '../..');

let server: LocalServer;
let browser: TestBrowser;
let downloads: string;

beforeAll(async () => {
  // What `npm start -- --memory` serves: the seeded tenant, nothing decided, an empty proof register.
  server = await serveBuiltPages();
  browser = await launchBrowser();
  downloads = mkdtempSync(path.join(tmpdir(), 'custodian-journey-'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (downloads) rmSync(downloads, { recursive: true, force: true });
});

/** A window of the tab, with what went wrong in it (console errors, and each dialog closing badly). */
interface TabWindow {
  page: Page;
  errors: string[];
  /** Dialogs closed so far: the watcher counts each one it has judged (`data-dialogs-checked`). */
  dialogsClosed: number;
}

async function openTab(): Promise<TabWindow> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1400, height: 1000 });
  const errors = await collectPageErrors(page);
  await page.goto(`${server.url}/teams/index.html`);
  await page.locator('[data-testid="queue-summary"], [data-testid="error-card"]').first().waitFor();
  const failure = page.getByTestId('error-card');
  if (await failure.isVisible()) throw new Error(`The queue did not load: ${await failure.textContent()}`);
  // The queue this browser read last is shown first; a person reading counts waits for the current one.
  await page.locator('section[role="tabpanel"][aria-busy="true"]').waitFor({ state: 'detached' });
  return { page, errors, dialogsClosed: 0 };
}

/**
 * After a dialog closes: waits for the watcher's verdict on it, then expects none of its complaints (focus not back on
 * the opener, the page left aria-hidden) and nothing usable hidden, so that a failure names the dialog at fault.
 */
async function expectDialogClosedCleanly(tab: TabWindow): Promise<void> {
  await tab.page.locator('[role="dialog"], [role="alertdialog"]').waitFor({ state: 'detached' });
  tab.dialogsClosed += 1;
  await tab.page.waitForFunction((n) => Number(document.documentElement.dataset.dialogsChecked ?? '0') >= n, tab.dialogsClosed);
  expect(tab.errors).toEqual([]);
  expect(await hiddenWithoutDialog(tab.page)).toEqual([]);
}

/** "Showing 3 items of 12 waiting for review · 1 selected" -> { shown: 3, total: 12, selected: 1 }. */
async function summary(page: Page): Promise<{ shown: number; total: number; selected: number }> {
  const text = (await page.getByTestId('queue-summary').textContent()) ?? '';
  const match = /Showing ([\d,]+) items? of ([\d,]+) waiting for review · ([\d,]+) selected/.exec(text);
  if (!match) throw new Error(`Unexpected summary: ${text}`);
  const n = (s: string): number => Number(s.replace(/,/g, ''));
  return { shown: n(match[1]), total: n(match[2]), selected: n(match[3]) };
}

/** Waits until the queue on screen is the one read after the last change (no "Refreshing" status). */
async function settled(page: Page): Promise<void> {
  await page.getByTestId('queue-summary').waitFor();
  await page.getByText('Refreshing the queue').waitFor({ state: 'detached' });
}

/** The queue's filters, each a labelled <select> whose empty choice means "any". */
async function filterQueue(page: Page, filter: { label?: string; stage?: string; hold?: 'held' | 'notHeld' | '' }): Promise<void> {
  if (filter.label !== undefined) await page.getByLabel('Label', { exact: true }).selectOption(filter.label);
  if (filter.stage !== undefined) await page.getByLabel('Stage', { exact: true }).selectOption(filter.stage);
  if (filter.hold !== undefined) await page.getByLabel('Holds', { exact: true }).selectOption(filter.hold);
}

/** The queue's rows (the filters' <select>s have options too). */
const queueRows = (page: Page): Locator => page.getByRole('listbox', { name: 'Items waiting for review' }).getByRole('option');

/** The name a row shows, in bold, before its label and place. */
const rowName = async (row: Locator): Promise<string> => ((await row.locator('span').nth(2).textContent()) ?? '').trim();

/** The buttons over the queue, which act on the selection. */
const toolbar = (page: Page): Locator => page.getByRole('group', { name: 'Decide on the selected items' });

/** What the approval dialog says approving will do, one line each. */
const impactLines = (dialog: Locator): Promise<string[]> =>
  dialog.getByRole('list', { name: 'What approving does' }).getByRole('listitem').allTextContents();

/** "12 items will be destroyed: …" -> 12; no such line -> 0. */
const promisedDestroyed = (lines: string[]): number =>
  Number(/^([\d,]+) items? will be destroyed/.exec(lines.find((l) => / will be destroyed/.test(l)) ?? '')?.[1]?.replace(/,/g, '') ?? 0);

/** The result lines of a decision, one per item, once every item has its answer and the dialog offers Close. */
async function decisionResults(dialog: Locator): Promise<{ recorded: number; of: number; lines: string[] }> {
  await dialog.getByRole('button', { name: 'Close' }).waitFor({ timeout: 300_000 });
  const tally = (await dialog.getByText(/^\d+ of \d+ recorded$/).textContent()) ?? '';
  const [recorded, of] = (/^(\d+) of (\d+)/.exec(tally) ?? []).slice(1).map(Number);
  return { recorded, of, lines: await dialog.getByTestId('decision-results').getByRole('listitem').allTextContents() };
}

/** "Invoice INV-1.pdf: disposed of (proof entry 12)." -> "Invoice INV-1.pdf". */
const nameBefore = (line: string, words: string): string => line.slice(0, line.lastIndexOf(`: ${words}`));

const disposedIn = (lines: string[]): string[] =>
  lines.filter((line) => /: disposed of \(proof entry \d+\)\.$/.test(line)).map((line) => nameBefore(line, 'disposed of'));

const sorted = (names: Iterable<string>): string[] => [...names].sort((x, y) => x.localeCompare(y));

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe("The records manager's journey in the Teams tab, through the interface only", () => {
  it('moves the clock on, holds, approves in bulk with the counts it was promised, sees both kinds of holds, fires an event, and proves the disposals', async () => {
    const a = await openTab();
    const { page } = a;
    const holdName = 'Supplier audit 2034';
    const holdReason = 'The external auditor asked for these invoices.';
    const justifyStage = 'Finance review done: past the 7-year schedule, no open queries.';
    const justifyDisposal = 'Legal sign-off: no claim open on these invoices.';

    // 1. The demo banner moves the tenant's clock eight years on; items whose retention ended meanwhile join the queue.
    await page.waitForFunction(() => /^\d{4}-\d{2}-\d{2}$/.test(document.querySelector('[data-testid="tenant-date"]')?.textContent ?? ''));
    const startYear = Number(((await page.getByTestId('tenant-date').textContent()) ?? '').slice(0, 4));
    const queuedAtStart = (await summary(page)).total;
    await page.getByLabel('Move the clock forward by').selectOption({ label: '8 years' });
    await page.getByRole('button', { name: 'Move the clock' }).click();
    await page.waitForFunction(
      (year) => (document.querySelector('[data-testid="tenant-date"]')?.textContent ?? '').startsWith(`${year}-`),
      startYear + 8
    );
    const tenantDay = (await page.getByTestId('tenant-date').textContent()) ?? '';
    await page.waitForFunction(
      (n) =>
        Number(/of ([\d,]+)/.exec(document.querySelector('[data-testid="queue-summary"]')?.textContent ?? '')?.[1]?.replace(/,/g, '')) > n,
      queuedAtStart
    );
    await settled(page);
    const queuedAfterClock = (await summary(page)).total;

    // 2. Two invoices go on a new Custodian hold from the queue: the first ticked with the mouse, the next reached with
    //    the arrow key and ticked with Space.
    await filterQueue(page, { label: 'Invoices - 7 Years' });
    const invoices = (await summary(page)).shown;
    expect(invoices).toBeGreaterThan(3);
    await queueRows(page).first().getByText('Stage 1 of 2: Finance review').waitFor();
    const heldInvoices = [await rowName(queueRows(page).first())];
    await queueRows(page).first().locator('[data-toggle]').click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    heldInvoices.push(await rowName(queueRows(page).nth(1)));
    await page
      .getByTestId('queue-summary')
      .getByText(/· 2 selected$/)
      .waitFor();
    await toolbar(page).getByRole('button', { name: 'Place on hold' }).click();
    const holdDialog = page.getByRole('dialog', { name: 'Place 2 items on hold' });
    await holdDialog.getByLabel('Hold name').fill(holdName);
    await holdDialog.getByLabel('Reason for the hold').fill(holdReason);
    await holdDialog.getByLabel('Justification').fill('Named in the auditor’s request of 2034.');
    await holdDialog.getByRole('button', { name: 'Place on hold' }).click();
    await expectDialogClosedCleanly(a);
    await settled(page);
    await filterQueue(page, { hold: 'held' });
    await page
      .getByTestId('queue-summary')
      .getByText(/^Showing 2 items of/)
      .waitFor();
    expect(sorted(await Promise.all((await queueRows(page).all()).map(rowName)))).toEqual(sorted(heldInvoices));
    await toolbar(page).getByRole('button', { name: 'Clear selection' }).click();

    // 3. Mass approval at the first stage. What the queue shows, filter by filter, is what the confirmation must say.
    await filterQueue(page, { hold: 'notHeld' });
    const freeInvoices = (await summary(page)).shown;
    expect(freeInvoices).toBe(invoices - 2);
    await filterQueue(page, { hold: '', stage: '2' });
    expect((await summary(page)).shown).toBe(0);
    await filterQueue(page, { stage: '' });
    await toolbar(page).getByRole('button', { name: 'Select all shown' }).click();
    expect(await summary(page)).toMatchObject({ shown: invoices, selected: invoices });
    await toolbar(page).getByRole('button', { name: 'Approve', exact: true }).click();
    let approve = page.getByRole('dialog', { name: `Approve disposal: ${invoices} items` });
    expect(await impactLines(approve)).toEqual([
      `${freeInvoices} items move on to their next review stage.`,
      '2 items on hold will be refused; nothing is recorded for them.'
    ]);
    // The held ones are listed on demand: closed at first, opened by their summary.
    let heldList = approve.getByRole('list', { name: 'Items on hold' });
    expect(await heldList.isVisible()).toBe(false);
    await approve.getByText('Show the items on hold').click();
    await heldList.waitFor();
    expect(sorted(await heldList.getByRole('listitem').allTextContents())).toEqual(sorted(heldInvoices.map((n) => `${n} (${holdName})`)));
    await approve.getByLabel('Justification').fill(justifyStage);
    await approve.getByRole('button', { name: 'Approve', exact: true }).click();
    let results = await decisionResults(approve);
    expect(results).toMatchObject({ recorded: freeInvoices, of: invoices });
    expect(results.lines.filter((line) => /: moved to the next stage \(proof entry \d+\)\.$/.test(line))).toHaveLength(freeInvoices);
    const refusedAsHeld = results.lines.filter((line) => line.includes(`: not recorded. This item is on hold (${holdName}`));
    expect(sorted(refusedAsHeld.map((line) => nameBefore(line, 'not recorded')))).toEqual(sorted(heldInvoices));
    // A hundred and more results scroll inside the dialog: a keyboard must be able to scroll them too.
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await approve.getByRole('button', { name: 'Close' }).click();
    await expectDialogClosedCleanly(a);
    await settled(page);
    await filterQueue(page, { stage: '2' });
    expect((await summary(page)).shown).toBe(freeInvoices);
    await filterQueue(page, { stage: '' });

    // 4. Meanwhile someone disposes of one of those invoices in another window of the tab. This window's queue was read
    //    before, so it still lists the invoice: the bulk approval below must refuse it as already disposed of.
    const b = await openTab();
    await filterQueue(b.page, { label: 'Invoices - 7 Years', stage: '2' });
    const goneElsewhere = await rowName(queueRows(b.page).first());
    await queueRows(b.page).first().click();
    const detailsB = b.page.getByTestId('item-details');
    await detailsB.getByRole('heading', { level: 2, name: goneElsewhere }).waitFor();
    await detailsB.getByText('2 of 2: Legal sign-off').waitFor();
    await detailsB.getByRole('button', { name: 'Approve disposal' }).click();
    const single = b.page.getByRole('dialog', { name: `Approve disposal: ${goneElsewhere}` });
    expect(await impactLines(single)).toEqual([
      '1 item will be destroyed: deleted from SharePoint, with a proof entry each. This cannot be undone.'
    ]);
    await single.getByLabel('Justification').fill(justifyDisposal);
    await single.getByRole('button', { name: 'Approve', exact: true }).click();
    expect(await decisionResults(single)).toEqual({
      recorded: 1,
      of: 1,
      lines: [expect.stringMatching(new RegExp(`^${escapeRegExp(goneElsewhere)}: disposed of \\(proof entry \\d+\\)\\.$`))]
    });
    await single.getByRole('button', { name: 'Close' }).click();
    // The button that opened the dialog left with the item; the watcher then asks only that nothing stays hidden.
    await expectDialogClosedCleanly(b);
    await detailsB.getByText('Item not found').waitFor();
    await b.page.close();

    // 5. Mass approval at the last stage, from the keyboard; the confirmation counts from the queue on screen.
    await filterQueue(page, { stage: '2' });
    const atLastStage = (await summary(page)).shown;
    expect(atLastStage).toBe(freeInvoices);
    await filterQueue(page, { stage: '' });
    await toolbar(page).getByRole('button', { name: 'Select all shown' }).click();
    expect(await summary(page)).toMatchObject({ shown: invoices, selected: invoices });
    // Shift+Tab walks back along the toolbar to Approve; Enter opens the dialog, Escape cancels it, Enter again.
    const focusedText = (): Promise<string | undefined> => page.evaluate(() => document.activeElement?.textContent ?? undefined);
    for (let i = 0; i < 8 && (await focusedText()) !== 'Approve'; i++) await page.keyboard.press('Shift+Tab');
    expect(await focusedText()).toBe('Approve');
    await page.keyboard.press('Enter');
    approve = page.getByRole('dialog', { name: `Approve disposal: ${invoices} items` });
    await approve.waitFor();
    await page.keyboard.press('Escape');
    await expectDialogClosedCleanly(a);
    await page.keyboard.press('Enter');
    await approve.waitFor();
    // The person is told what cannot be undone before confirming: every invoice at its last stage and not held is
    // destroyed, the held ones are refused. The invoice disposed of in the other window is still on this queue, so it
    // is counted with the rest here; the tab learns that it is gone when it asks, below.
    expect(await impactLines(approve)).toEqual([
      `${atLastStage} items will be destroyed: deleted from SharePoint, with a proof entry each. This cannot be undone.`,
      '2 items on hold will be refused; nothing is recorded for them.'
    ]);
    // The dialog opens on the held items' summary: Enter shows them.
    expect(await focusedText()).toBe('Show the items on hold');
    await page.keyboard.press('Enter');
    heldList = approve.getByRole('list', { name: 'Items on hold' });
    await heldList.waitFor();
    expect(sorted(await heldList.getByRole('listitem').allTextContents())).toEqual(sorted(heldInvoices.map((n) => `${n} (${holdName})`)));
    await approve.getByLabel('Justification').fill(justifyDisposal);
    await approve.getByRole('button', { name: 'Approve', exact: true }).click();
    results = await decisionResults(approve);
    expect(results).toMatchObject({ recorded: atLastStage - 1, of: invoices });
    const disposedHere = disposedIn(results.lines);
    expect(disposedHere).toHaveLength(atLastStage - 1);
    expect(disposedHere).not.toContain(goneElsewhere);
    expect(results.lines.filter((line) => line.includes(`: not recorded. This item is on hold (${holdName}`))).toHaveLength(2);
    expect(results.lines.filter((line) => line.startsWith(`${goneElsewhere}: not recorded.`))).toEqual([
      expect.stringContaining('The item has been disposed of.')
    ]);
    await approve.getByRole('button', { name: 'Close' }).click();
    await expectDialogClosedCleanly(a);
    await settled(page);
    const disposed = [...disposedHere, goneElsewhere];

    // The disposed invoices left the queue; the held ones wait on.
    expect(await summary(page)).toMatchObject({ shown: 2, total: queuedAfterClock - disposed.length });
    await filterQueue(page, { label: '' });
    await page.getByLabel('Search', { exact: true }).fill(disposed[0]);
    await page.getByText('No item matches the filters').waitFor();
    await page.getByLabel('Search', { exact: true }).fill('');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // 6. The Holds tab: Custodian's register and the eDiscovery legal holds read from Purview, which between them
    //    account for every "On hold" mark in the queue.
    await filterQueue(page, { hold: 'held' });
    const heldInQueue = (await summary(page)).shown;
    await filterQueue(page, { hold: '', label: 'Litigation Records' });
    const litigation = (await summary(page)).shown;
    const firstLitigation = await rowName(queueRows(page).first());
    // Every litigation record is on the Legal site, which the Northwind case holds.
    await filterQueue(page, { hold: 'notHeld' });
    expect((await summary(page)).shown).toBe(0);
    await filterQueue(page, { hold: '', label: '' });
    await page.getByRole('tab', { name: 'Holds' }).click();
    const ours = page.getByRole('table', { name: 'Holds' }).getByRole('row').filter({ hasText: holdName });
    await ours.waitFor();
    expect(await ours.getByRole('cell').allTextContents()).toEqual([
      holdName,
      holdReason,
      'Active',
      // The count, then (in the closed list below it) the names.
      expect.stringMatching(/^2 items/),
      expect.stringMatching(/^.+ by .+$/),
      expect.stringMatching(/Add a site\s*Release/)
    ]);
    // Which items it holds, by name, in a list that opens on demand (as the eDiscovery holds' do).
    const heldByOurs = ours.getByRole('list', { name: `Items held by ${holdName}` });
    expect(await heldByOurs.isVisible()).toBe(false);
    await ours.getByText('2 items', { exact: true }).click();
    expect(sorted(await heldByOurs.getByRole('listitem').allTextContents())).toEqual(sorted(heldInvoices));
    const northwind = page
      .getByRole('table', { name: 'eDiscovery legal holds' })
      .getByRole('row')
      .filter({ hasText: 'Northwind litigation hold' });
    await northwind.waitFor();
    await northwind.getByRole('cell', { name: 'Northwind Traders v. Custodian Dev' }).waitFor();
    await northwind.getByRole('cell', { name: /\/sites\/legal$/ }).waitFor();
    const heldByNorthwind = northwind.getByRole('list', { name: 'Items held by Northwind litigation hold' });
    expect(await heldByNorthwind.isVisible()).toBe(false);
    await northwind.getByText(`${litigation} items`, { exact: true }).click();
    await heldByNorthwind.waitFor();
    const northwindItems = await heldByNorthwind.getByRole('listitem').allTextContents();
    expect(northwindItems).toHaveLength(litigation);
    expect(northwindItems).toContain(firstLitigation);
    expect(2 + litigation).toBe(heldInQueue);
    // The list of held items scrolls: a keyboard must be able to scroll it too.
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // 7. A retention event, previewed and then fired, starts the retention of a departed employee's records; a second
    //    preview of the same event finds them already started by it.
    await page.getByRole('tab', { name: 'Information requests' }).click();
    await page.getByLabel('Retention label').selectOption('Employee Records - 7 Years After Departure');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const found = page.getByRole('table', { name: 'Records found' });
    await found.waitFor();
    const assetId = ((await found.getByRole('row').nth(1).getByRole('cell').nth(3).textContent()) ?? '').trim();
    expect(assetId).not.toBe('');
    const withAssetId = await found
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: assetId, exact: true }) })
      .count();
    const eventName = `Employee ${assetId} left`;
    // The label keeps personnel files 7 years (2,555 days) after the departure, which is the tenant's today.
    const departureEnds = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
      Date.parse(`${tenantDay}T00:00:00Z`) + 2555 * 86_400_000
    );
    await page.getByRole('tab', { name: 'Retention events' }).click();
    await page.getByLabel('Event type').selectOption('Employee Departure');
    await page.getByLabel('Event name').fill(eventName);
    await page.getByLabel('Asset ids').fill(assetId);
    await page.getByRole('button', { name: 'Preview the event' }).click();
    const preview = page.getByTestId('event-preview');
    await preview.getByText(`This event starts the retention of ${withAssetId === 1 ? '1 item' : `${withAssetId} items`}.`).waitFor();
    expect(await preview.getByRole('table', { name: 'Items the event starts' }).getByRole('row').count()).toBe(withAssetId + 1);
    await preview.getByRole('button', { name: /^Fire the event for/ }).click();
    const confirmFire = page.getByRole('alertdialog', { name: `Fire “${eventName}”?` });
    const fire = confirmFire.getByRole('button', { name: 'Fire the event' });
    expect(await fire.isDisabled()).toBe(true);
    await confirmFire.getByLabel('I understand that this cannot be undone').check();
    await fire.click();
    // The preview, and with it the button that opened the dialog, gives way to the result.
    await expectDialogClosedCleanly(a);
    const fired = page.getByTestId('event-fired');
    await fired.getByText(`“${eventName}” was fired.`).waitFor();
    expect(await fired.textContent()).toMatch(
      new RegExp(
        `Retention started for ${withAssetId} items?: .*asset id ${escapeRegExp(assetId)}, retention ends ${escapeRegExp(departureEnds)}`
      )
    );
    await page.getByRole('button', { name: 'Preview the event' }).click();
    await preview.getByText('This event starts the retention of 0 items.').waitFor();
    const already = preview.getByRole('table', { name: 'Already started by an earlier event (no change)' });
    expect(await already.getByRole('row').count()).toBe(withAssetId + 1);
    expect(await already.getByRole('cell', { name: eventName, exact: true }).count()).toBe(withAssetId);
    expect(await preview.getByRole('button', { name: /^Fire the event for/ }).isDisabled()).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // 8. The proof: the register verified in the tab holds exactly what the journey decided, and one certificate of
    //    disposal covers the day's batch, listing exactly the invoices disposed of (in either window).
    await page.getByRole('tab', { name: 'Proof' }).click();
    const chain = page.getByTestId('chain-status');
    await chain.getByText('Chain verified').waitFor();
    const chainText = (await chain.textContent()) ?? '';
    const headHash = /Head hash ([0-9a-f]{64})\./.exec(chainText)?.[1] ?? '';
    expect(headHash).toMatch(/^[0-9a-f]{64}$/);
    const entryCount = Number(/([\d,]+) entries, each chained/.exec(chainText)?.[1]?.replace(/,/g, ''));
    // The hold's creation, the items added to it, each stage approval and each disposal; a refusal records nothing.
    expect(entryCount).toBe(2 + freeInvoices + disposed.length);
    const proofRows = page.getByRole('table', { name: 'Proof register' }).getByRole('row');
    expect(await proofRows.count()).toBe(entryCount + 1);
    expect(await proofRows.filter({ hasText: 'Approved (stage 1): moved to the next stage' }).count()).toBe(freeInvoices);
    const disposalRows = proofRows.filter({ hasText: 'Approved (stage 2): disposed of' });
    expect(await disposalRows.count()).toBe(disposed.length);
    expect(await disposalRows.filter({ hasText: justifyDisposal }).count()).toBe(disposed.length);
    expect(await proofRows.filter({ hasText: holdName }).filter({ hasText: 'Created the hold: in force' }).count()).toBe(1);
    expect(await proofRows.filter({ hasText: holdName }).filter({ hasText: 'Added to the hold' }).count()).toBe(1);
    for (const name of heldInvoices) expect(await proofRows.filter({ hasText: name }).count()).toBe(0);
    await page.getByRole('button', { name: 'Verify again' }).click();
    await chain.getByText('Chain verified').waitFor();
    expect(await chain.textContent()).toContain(`Head hash ${headHash}.`);

    const batches = page.getByRole('list', { name: 'Disposal batches' }).getByRole('listitem');
    expect(await batches.count()).toBe(1);
    expect(await batches.first().textContent()).toMatch(
      new RegExp(`^${escapeRegExp(tenantDay)}: ${disposed.length} items approved for disposal by `)
    );
    await batches
      .first()
      .getByRole('button', { name: /^Certificate of disposal for/ })
      .click();
    const certificate = page.getByTestId('certificate');
    await certificate.getByRole('heading', { name: 'Certificate of disposal' }).waitFor();
    await certificate.getByText(`The ${disposed.length} records below were disposed of on`, { exact: false }).waitFor();
    const records = certificate.getByRole('table', { name: 'Records disposed of' }).getByRole('row');
    expect(await records.count()).toBe(disposed.length + 1);
    const certified = await records.evaluateAll((rows) => rows.slice(1).map((row) => row.children[0]?.textContent ?? ''));
    expect(sorted(certified)).toEqual(sorted(disposed));
    await certificate.getByText(`${entryCount} entries, head hash ${headHash}`, { exact: false }).waitFor();
    expect(await certificate.getByTestId('certificate-check').textContent()).toBe(
      `To check this certificate later: custodian proof verify custodian-proof-register.csv --head ${headHash}`
    );
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Print starts the browser's printing; on paper the tab's navigation and the buttons are left out.
    const printing = page.evaluate(() => new Promise<void>((resolve) => addEventListener('beforeprint', () => resolve(), { once: true })));
    await certificate.getByRole('button', { name: 'Print' }).click();
    await printing;
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('tablist', { includeHidden: true }).isVisible()).toBe(false);
    expect(await certificate.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await certificate.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // The auditor's check the certificate prints: the register exported from the tab, verified offline by the command
    // line through the head hash on the certificate.
    await certificate.getByRole('button', { name: 'Back to the register' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export to CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('custodian-proof-register.csv');
    const csv = path.join(downloads, download.suggestedFilename());
    await download.saveAs(csv);
    const verified = await run(process.execPath, [path.join(repoRoot, 'bin/custodian.js'), 'proof', 'verify', csv, '--head', headHash], {
      cwd: downloads
    });
    expect(verified.stdout).toContain(`verified. ${entryCount} entries, head hash ${headHash}.`);

    // 9. At the end of the day the rest of the queue is selected and approved. Whatever the confirmation promised to
    //    destroy must be what is destroyed: no more, no fewer (regulatory records, which only Purview disposes of, are
    //    promised as refused, not as destroyed).
    await page.getByRole('tab', { name: 'Queue' }).click();
    await settled(page);
    const rest = await summary(page);
    expect(rest.total).toBe(queuedAfterClock - disposed.length);
    await toolbar(page).getByRole('button', { name: 'Select all shown' }).click();
    await toolbar(page).getByRole('button', { name: 'Approve', exact: true }).click();
    approve = page.getByRole('dialog', { name: `Approve disposal: ${rest.total} items` });
    const promised = await impactLines(approve);
    expect(promised).toContain(`${heldInQueue} items on hold will be refused; nothing is recorded for them.`);
    await approve.getByLabel('Justification').fill('Past retention; reviewed the remaining queue.');
    await approve.getByRole('button', { name: 'Approve', exact: true }).click();
    results = await decisionResults(approve);
    expect(disposedIn(results.lines)).toHaveLength(promisedDestroyed(promised));
    await approve.getByRole('button', { name: 'Close' }).click();
    await expectDialogClosedCleanly(a);

    expect(a.errors).toEqual([]);
    await page.close();
  });
});
