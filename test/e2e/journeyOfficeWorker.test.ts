/**
 * The office worker's whole journey (issue #13), as a person meets it on a fresh dev tenant (`npm start -- --memory`):
 * nothing is set up or checked behind the interface. The outside truth is what a person using only the pages can do
 * and see: clicks, typing and the keyboard in the Word task pane at Office's narrowest width (320 px), the same pane
 * in its Outlook (demo email) mode, and the File plan web part on the local workbench, where a site owner sets what
 * a library requires and anyone can count a library's items. Every outcome is read back from a page opened again,
 * every dialog closed is checked by the page's dialog watcher (`collectPageErrors`), and axe-core checks the pages.
 */
import { collectPageErrors, hiddenWithoutDialog, seriousAccessibilityViolations, type Page } from './support/browser';
import { servedPagesInBrowser } from './support/servedPagesInBrowser';

jest.setTimeout(180_000);

const contractTitle = "O'Brien & Sons — NDA #42 (50% off).docx";
const contractsLabel = 'Contracts - 10 Years After Expiry';
const otherLabel = 'Board Minutes - Permanent';
const referenceNumber = "REF-JOURNEY-13 'O'Brien'";
// What the pane says about relabelling in each record state (Microsoft's record restrictions table, in words a person reads).
const lockedRefusal = "Only an administrator of the site, library or mailbox can change a record's label.";
const unlockedRefusal = 'The label of an unlocked record cannot be changed, not even by an administrator. Lock the record first.';

const served = servedPagesInBrowser();

/** A page whose console errors, uncaught exceptions and dialog closings are collected from the start. */
async function newPage(width: number, height: number): Promise<{ page: Page; errors: string[] }> {
  const page = await served.browser.context.newPage();
  await page.setViewportSize({ width, height });
  const errors = await collectPageErrors(page);
  return { page, errors };
}

/** The task pane in demo mode at Office's narrowest width, signed in as the office worker (its default persona). */
async function openPane(): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await newPage(320, 900);
  await page.goto(`${served.server.url}/addin/taskpane.html`);
  await page.getByRole('heading', { level: 1, name: 'Custodian' }).waitFor();
  expect(await page.getByLabel('Signed in as').inputValue()).toBe('office-worker');
  return { page, errors };
}

/** Opens the demo contract in the pane (Word's place in demo mode) and waits until its status is read. */
async function openContract(page: Page): Promise<void> {
  await page.getByRole('button', { name: `Open ${contractTitle}` }).click();
  await statusCard(page).waitFor();
}

const statusCard = (page: Page) => page.getByRole('region', { name: /^This document: / });
const recordActions = (page: Page) => page.getByRole('region', { name: 'This record' });
const progress = (page: Page) => page.getByRole('list', { name: 'Progress' });
/** The form's own result (the label picker's count is a status too). */
const result = (page: Page) => page.getByRole('status').filter({ hasText: /is now|filed as|Only part of/ });

/** What the status card says for a term ("Retention label", "Record", "Labelled"). */
async function statusValue(page: Page, term: string): Promise<string> {
  const card = statusCard(page);
  const terms = await card.locator('dt').allTextContents();
  const index = terms.indexOf(term);
  if (index === -1) throw new Error(`The status card has no "${term}": ${terms.join(', ')}`);
  return ((await card.locator('dd').nth(index).textContent()) ?? '').trim();
}

/** Text to match literally inside a RegExp. */
const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Finds a label with the file plan's search box and chooses it with the keyboard, as the pane's radio set allows. */
async function chooseLabel(page: Page, name: string): Promise<void> {
  const search = page.getByRole('searchbox', { name: 'Search the file plan' });
  await search.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(name);
  const radio = page.getByRole('radio', { name: new RegExp(`^${escaped(name)}( \\(current\\))?$`) });
  await radio.focus();
  await page.keyboard.press('Space');
  expect(await radio.isChecked()).toBe(true);
}

/** The progress list's lines, once no step is still waiting or running. */
async function finishedSteps(page: Page): Promise<string[]> {
  await page.waitForFunction(() => {
    const list = document.querySelector('[aria-label="Progress"]');
    return list !== null && !/: (Waiting|In progress)/.test([...list.querySelectorAll('li')].map((li) => li.textContent).join('\n'));
  });
  return (await progress(page).getByRole('listitem').allTextContents()).map((line) => line.trim());
}

/** No sideways scrolling at 320 px. */
const scrollWidth = (page: Page): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth);

/** The local workbench (the File plan web part on the dev tenant) for a site chosen from its site picker. */
async function openWorkbench(sitePath: string): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await newPage(1280, 900);
  await page.goto(`${served.server.url}/workbench/index.html`);
  await page.getByRole('heading', { level: 2, name: 'Custodian file plan' }).waitFor();
  await page.getByLabel('Site').selectOption(sitePath);
  await page.getByTestId('site-url').getByText(`${served.server.url}${sitePath}`).waitFor();
  return { page, errors };
}

/**
 * What a site owner does in the File plan web part before anyone declares: requires `columns` of `library` in the
 * library's plan, through the Edit plan dialog, and reads the plan back from the web part opened again.
 */
async function requireInPlan(sitePath: string, library: string, columns: readonly string[]): Promise<void> {
  const { page, errors } = await openWorkbench(sitePath);
  await page.getByRole('tab', { name: 'Libraries' }).click();
  await page.getByRole('button', { name: `Edit plan: ${library}` }).click();
  const dialog = page.getByRole('dialog', { name: `Plan for ${library}` });
  for (const column of columns) await dialog.getByRole('checkbox', { name: column }).check();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Save plan' }).press('Enter');
  await dialog.waitFor({ state: 'detached' });
  // The page is given back and focus returns to the button that opened the dialog (the watcher reports otherwise).
  await page.waitForFunction((name) => document.activeElement?.getAttribute('aria-label') === name, `Edit plan: ${library}`);
  expect(await hiddenWithoutDialog(page)).toEqual([]);
  await page.reload();
  await page.getByRole('tab', { name: 'Libraries' }).click();
  const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: library, exact: true }) });
  const required = row.getByRole('cell', { name: new RegExp(escaped(columns[0])) });
  await required.waitFor();
  expect(((await required.textContent()) ?? '').split(', ').sort()).toEqual([...columns].sort());
  expect(errors).toEqual([]);
  await page.close();
}

/** A library's number of items in the workbench's Coverage section, counted afresh (the page opened again). */
async function itemsInLibrary(page: Page, library: string): Promise<number> {
  await page.reload();
  await page.getByRole('tab', { name: 'Coverage' }).click();
  // The table is shown once the files are counted and marked busy until the locked records are counted too.
  await page.locator('[aria-label="Coverage per library"][aria-busy="false"]').waitFor();
  const table = page.getByRole('table', { name: 'Coverage per library' });
  // Library, Default label, Items, ...
  const cells = await table.getByRole('row').filter({ hasText: library }).first().getByRole('cell').allTextContents();
  return Number(cells[2].replace(/[^\d]/g, ''));
}

describe("the office worker's journey", () => {
  it('Word: declares the contract a locked record with the metadata its library requires, unlocks and locks it again, and is refused a relabel for the state it is in each time', async () => {
    // Before the site owner's plan, the Contracts library asks for nothing.
    const { page, errors } = await openPane();
    await openContract(page);
    expect(await statusValue(page, 'Record')).toBe('Not a record');
    await page.getByText('This library asks for no metadata.').waitFor();

    // The site owner, in the File plan web part, makes Reference Number and Document Type required on Contracts.
    await requireInPlan('/sites/legal', 'Contracts', ['Reference Number', 'Document Type']);

    // The office worker opens the contract again: the form now asks for both columns of the plan.
    await page.reload();
    await openContract(page);
    const reference = page.getByRole('textbox', { name: /Reference Number/ });
    const documentType = page.getByRole('combobox', { name: /Document Type/ });
    await reference.waitFor();
    await documentType.waitFor();
    expect(await page.getByText('This library asks for no metadata.').count()).toBe(0);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(320);

    // Declare: the label, the lock (the label's default, which the person keeps), the metadata, all by keyboard.
    await chooseLabel(page, contractsLabel);
    const lockNow = page.getByRole('checkbox', { name: /Lock the record now/ });
    if (!(await lockNow.isChecked())) {
      await lockNow.focus();
      await page.keyboard.press('Space');
    }
    expect(await lockNow.isChecked()).toBe(true);
    await reference.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(referenceNumber);
    await documentType.selectOption({ label: 'Contract' });
    await page.getByRole('button', { name: 'Declare as record' }).focus();
    await page.keyboard.press('Enter');
    await result(page).getByText(`"${contractTitle}" is now a locked record with the label "${contractsLabel}".`).waitFor();
    const declared = await finishedSteps(page);
    expect(declared).toEqual(expect.arrayContaining(['Save the metadata: Done', 'Apply the retention label: Done']));
    expect(declared.filter((line) => line.startsWith('Unlock the record'))).toEqual([]);
    expect(await statusValue(page, 'Retention label')).toBe(contractsLabel);
    expect(await statusValue(page, 'Record')).toMatch(/Locked$/);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(320);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Reopened, the pane reads the contract afresh: locked, with the Contracts label applied by Ana Ortiz and the
    // metadata typed in.
    await page.reload();
    await openContract(page);
    expect(await statusValue(page, 'Retention label')).toBe(contractsLabel);
    expect(await statusValue(page, 'Record')).toMatch(/Locked$/);
    expect(await statusValue(page, 'Labelled')).toMatch(/^by Ana Ortiz/);
    expect(await reference.inputValue()).toBe(referenceNumber);
    expect(await documentType.inputValue()).toBe('Contract');

    // Another label on a locked record: refused to an office worker, before anything is sent.
    await chooseLabel(page, otherLabel);
    const refusal = page.getByRole('alert').filter({ hasText: 'This label cannot be applied.' });
    await refusal.getByText(lockedRefusal, { exact: false }).waitFor();
    const relabel = page.getByRole('button', { name: 'Relabel' });
    expect(await relabel.getAttribute('aria-disabled')).toBe('true');
    await relabel.press('Enter');
    expect(await progress(page).count()).toBe(0);

    // Unlock, from the record's own actions: the step list says Unlock, and no line of it says "Lock the record".
    await recordActions(page).getByRole('button', { name: 'Unlock', exact: true }).press('Enter');
    await recordActions(page).getByRole('button', { name: 'Lock', exact: true }).waitFor();
    const unlocked = await finishedSteps(page);
    expect(unlocked).toContain('Unlock the record: Done');
    expect(unlocked.filter((line) => line.startsWith('Lock the record'))).toEqual([]);
    expect(await statusValue(page, 'Record')).toMatch(/Unlocked$/);
    // The refusal follows the state the record is in now, with the other label still chosen.
    await refusal.getByText(unlockedRefusal, { exact: false }).waitFor();
    expect(await refusal.textContent()).not.toContain(lockedRefusal);
    // The same pane opened elsewhere (Word on another computer) reads the record unlocked.
    const reader = await openPane();
    await openContract(reader.page);
    expect(await statusValue(reader.page, 'Record')).toMatch(/Unlocked$/);
    expect(reader.errors).toEqual([]);
    await reader.page.close();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(320);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Lock again in the same pane: planned from the record as it is now (unlocked), so the lock is sent, and the
    // refusal for another label is the locked one again. A pane opened afresh agrees.
    await recordActions(page).getByRole('button', { name: 'Lock', exact: true }).press('Enter');
    await recordActions(page).getByRole('button', { name: 'Unlock', exact: true }).waitFor();
    const relocked = await finishedSteps(page);
    expect(relocked).toContain('Lock the record: Done');
    expect(relocked.filter((line) => line.startsWith('Unlock the record'))).toEqual([]);
    expect(await statusValue(page, 'Record')).toMatch(/Locked$/);
    await refusal.getByText(lockedRefusal, { exact: false }).waitFor();
    const second = await openPane();
    await openContract(second.page);
    expect(await statusValue(second.page, 'Record')).toMatch(/Locked$/);
    expect(second.errors).toEqual([]);
    await second.page.close();
    expect(errors).toEqual([]);
    await page.close();
  });

  // A column the library plan requires is required in the pane, though the library itself leaves it optional. The
  // Arabic report's library, Brand Assets, is used so that nothing here touches the contract of the journey above,
  // whatever order the tests run in.
  it('Word: a column the library plan requires must be filled in before the pane declares anything', async () => {
    await requireInPlan('/sites/marketing', 'Brand Assets', ['Reference Number']);
    const { page, errors } = await openPane();
    await page.getByRole('button', { name: /^Open تقرير/ }).click();
    await statusCard(page).waitFor();
    const before = await statusValue(page, 'Retention label');
    const reference = page.getByRole('textbox', { name: /Reference Number/ });
    await reference.waitFor();
    // Fluent's Field makes the control of a required field `required`, and marks its label with *.
    expect(await reference.evaluate((el) => (el as HTMLInputElement).required)).toBe(true);
    await chooseLabel(page, 'Marketing Materials - 3 Years');
    await reference.fill('');
    await page.getByRole('button', { name: /^(Label|Declare as record|Relabel|Save changes)$/ }).click();
    await page.getByText('Fill in the field marked above first: Reference Number.').waitFor();
    await page.reload();
    await page.getByRole('button', { name: /^Open تقرير/ }).click();
    await statusCard(page).waitFor();
    expect(await statusValue(page, 'Retention label')).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Outlook: files the demo email into the Email Archive, filing it again makes no second copy, and its attachments are added later', async () => {
    // How many items the Email Archive holds before, as anyone can count them in the web part.
    const workbench = await openWorkbench('/sites/records');
    const before = await itemsInLibrary(workbench.page, 'Email Archive');

    const { page, errors } = await openPane();
    await page.getByRole('button', { name: 'Open a demo email' }).click();
    const heading = page.getByRole('heading', { name: /^This email: / });
    await heading.waitFor();
    // The only library that takes email on a fresh tenant, the seeded Email Archive, is chosen without asking, with its
    // own default label (not a record label, so the button says "File").
    const library = page.getByLabel('Records library for email');
    await library.waitFor();
    expect(await library.locator('option:checked').textContent()).toBe('Email Archive');
    expect(await page.getByRole('radio', { name: /^Email - 3 Years/ }).isChecked()).toBe(true);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(320);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'File', exact: true }).press('Enter');
    const filed = result(page).getByText(/^The email is filed as "(.+\.eml)" in Email Archive with the label "Email - 3 Years"\.$/);
    await filed.waitFor();
    const fileName = /"(.+\.eml)"/.exec((await filed.textContent()) ?? '')![1];
    expect(await finishedSteps(page)).toEqual(
      expect.arrayContaining([
        'Save the email as an .eml file in the records library: Done',
        'Apply the retention label "Email - 3 Years": Done'
      ])
    );

    // The web part counts one more item in the Email Archive: the email's copy.
    expect(await itemsInLibrary(workbench.page, 'Email Archive')).toBe(before + 1);

    // Opened again, the pane says where the email is already filed; filing again keeps that first copy.
    await page.reload();
    await page.getByRole('button', { name: 'Open a demo email' }).click();
    const already = page.getByText('This email is already filed.');
    await already.waitFor();
    expect(await page.getByRole('link', { name: fileName }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'File', exact: true }).click();
    await result(page)
      .getByText(`This email was already filed as "${fileName}" in Email Archive. That first copy is kept: no second copy was made.`, {
        exact: false
      })
      .waitFor();
    // The upload is not done again: its step says the first copy is kept.
    const upload = (await finishedSteps(page)).find((line) => line.startsWith('Save the email as an .eml file'));
    expect(upload).toMatch(/: Skipped.*Already filed: the first copy is kept\.$/);

    // And no more after the second filing: one copy for two filings.
    expect(await itemsInLibrary(workbench.page, 'Email Archive')).toBe(before + 1);

    // The email came with two attachments, filed with neither filing above. Added now, from the same pane: they are
    // filed beside the email already there, and the Email Archive counts them, not a second copy of the email.
    await page.reload();
    await page.getByRole('button', { name: 'Open a demo email' }).click();
    await page.getByText('This email is already filed.').waitFor();
    const attachmentsChoice = page.getByRole('checkbox', { name: /^Also file the 2 attachments as records, beside the email$/ });
    await attachmentsChoice.check();
    await page.getByRole('button', { name: 'File', exact: true }).press('Enter');
    await result(page).getByText('2 attachments were filed beside it now.', { exact: false }).waitFor();
    expect(await itemsInLibrary(workbench.page, 'Email Archive')).toBe(before + 3);
    expect(workbench.errors).toEqual([]);
    await workbench.page.close();
    expect(errors).toEqual([]);
    await page.close();
  });
});
