import type { ListItem } from '@microsoft/microsoft-graph-types';
import { demoDocuments } from '../../src/addin/hosts/demo';
import { createDevTenantTokenProvider } from '../../src/core/auth/createDevTenantTokenProvider';
import { createGraphGateway } from '../../src/core/graph/createGraphGateway';
import { getRetentionLabel } from '../../src/core/graph/driveItems/getRetentionLabel';
import type { GraphGateway } from '../../src/core/graph/GraphGateway';
import { listAll } from '../../src/core/graph/iteratePages';
import { listListItemsCall } from '../../src/core/graph/listItems/listListItems';
import { findListByName } from '../../src/core/graph/lists/findListByName';
import { getList } from '../../src/core/graph/lists/getList';
import { getSiteByUrl } from '../../src/core/graph/sites/getSiteByUrl';
import { emailColumns } from '../../src/core/services/fileMessage';
import { libraryKeyOf, libraryPlansList, type LibraryPlan } from '../../src/core/services/libraryPlan';
import { openRecordsSite } from '../../src/core/services/recordsSite';
import { resolveDocument } from '../../src/core/services/resolveDocument';
import type { LocalServer } from '../../scripts/lib/server';
import { collectPageErrors, launchBrowser, seriousAccessibilityViolations, type Page, type TestBrowser } from './support/browser';
import { serveBuiltPages } from './support/builtPages';

jest.setTimeout(120_000);

const host = 'https://custodiandev.sharepoint.com';
const contract = demoDocuments.find((d) => d.id === 'contract')!.url;
const referenceNumber = "REF-E2E-42 'O'Brien'";

let server: LocalServer;
let browser: TestBrowser;
let graph: GraphGateway;
let emailLibrary: { siteId: string; listId: string; driveId: string };

/**
 * What a site owner does in the File plan web part before anyone declares: a plan on Contracts that requires the
 * Reference Number and Document Type columns, written through Graph with the admin persona. Email needs no set-up:
 * the seeded Email Archive on the records site takes email from a fresh start.
 */
async function mapLibraries(): Promise<void> {
  const records = await openRecordsSite(graph, `${host}/sites/records`);
  const archive = await findListByName(graph, records.siteId, 'Email Archive');
  const archiveRef = { siteId: records.siteId, listId: String(archive?.id) };
  emailLibrary = { ...archiveRef, driveId: String((await getList(graph, archiveRef)).drive?.id) };
  const legal = await getSiteByUrl(graph, `${host}/sites/legal`);
  const contracts = await findListByName(graph, String(legal.id), 'Contracts');
  const contractsRef = { siteId: String(legal.id), listId: String(contracts?.id) };
  const contractsPlan: LibraryPlan = {
    libraryKey: libraryKeyOf(contractsRef),
    ...contractsRef,
    driveId: String((await getList(graph, contractsRef)).drive?.id),
    libraryName: 'Contracts',
    requiredColumns: ['ReferenceNumber', 'DocumentType'],
    updatedAt: '2026-01-01T00:00:00Z'
  };
  await records.list(libraryPlansList).create(contractsPlan);
}

beforeAll(async () => {
  server = await serveBuiltPages();
  browser = await launchBrowser();
  graph = createGraphGateway({ baseUrl: server.url, tokens: createDevTenantTokenProvider({ url: server.url, persona: 'admin' }) });
  await mapLibraries();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The task pane at Office's narrowest width, with the requests it sends to Graph counted. */
async function openPane(): Promise<{ page: Page; errors: string[]; graphRequests: string[] }> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 320, height: 900 });
  const errors = await collectPageErrors(page);
  const graphRequests: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/v1.0')) graphRequests.push(`${request.method()} ${request.url()}`);
  });
  await page.goto(`${server.url}/addin/taskpane.html`);
  await page.getByRole('heading', { level: 1, name: 'Custodian' }).waitFor();
  return { page, errors, graphRequests };
}

/** No horizontal scroll at 320 px. */
const scrollWidth = (page: Page): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth);

/** Presses Tab (only) until `target` has the focus. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>, max = 120): Promise<void> {
  const handle = await target.elementHandle();
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((el) => el === document.activeElement, handle)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

/** The messages filed into the Email Archive by the test (not its folders, nor the seeded messages: ids `<seed.…>`). */
async function filedEmails(): Promise<ListItem[]> {
  const all = await listAll<ListItem>(graph, { ...listListItemsCall(emailLibrary), action: 'read the filed email' });
  return all.filter((item) => {
    const id = String((item.fields as Record<string, unknown>)[emailColumns.internetMessageId] ?? '');
    return id !== '' && !id.startsWith('<seed.');
  });
}

it('declares a record on a demo document with the keyboard alone: the label, the fields and the lock are in the dev tenant', async () => {
  const { page, errors } = await openPane();
  await tabTo(page, page.getByRole('button', { name: /^Open O'Brien/ }));
  await page.keyboard.press('Enter');
  await page.getByTestId('status-card').waitFor();
  expect(await scrollWidth(page)).toBeLessThanOrEqual(320);
  // The form's button is in sight without scrolling (it was 3,018 px down with every label listed, then 1,640 px with
  // the file plan behind its button), and stays in sight at the foot of the pane while the person scrolls.
  const inSight = async (): Promise<boolean> => {
    const box = (await page.getByTestId('declare-action').boundingBox())!;
    return box.y >= 0 && box.y + box.height <= 900;
  };
  expect(await inSight()).toBe(true);
  await page.mouse.wheel(0, 600);
  expect(await inSight()).toBe(true);

  await tabTo(page, page.getByRole('searchbox', { name: 'Search the file plan' }));
  await page.keyboard.type('Contracts - 10');
  const radio = page.getByRole('radio', { name: 'Contracts - 10 Years After Expiry' });
  await tabTo(page, radio);
  await page.keyboard.press('Space');
  expect(await radio.isChecked()).toBe(true);
  const lock = page.getByRole('checkbox', { name: /Lock the record now/ });
  if (!(await lock.isChecked())) {
    await tabTo(page, lock);
    await page.keyboard.press('Space');
  }
  const reference = page.getByRole('textbox', { name: /Reference Number/ });
  await tabTo(page, reference);
  // A field reached with Tab is not hidden under the button bar (WCAG 2.4.11, focus not obscured).
  expect((await reference.boundingBox())!.y + (await reference.boundingBox())!.height).toBeLessThanOrEqual(
    (await page.getByTestId('declare-action').boundingBox())!.y
  );
  await page.keyboard.press('Control+A');
  await page.keyboard.type(referenceNumber);
  const documentType = page.getByRole('combobox', { name: /Document Type/ });
  if (!(await documentType.inputValue())) {
    await tabTo(page, documentType);
    await page.keyboard.press('ArrowDown');
  }
  const chosenType = await documentType.inputValue();
  expect(chosenType).not.toBe('');
  await tabTo(page, page.getByRole('button', { name: 'Declare as record' }));
  await page.keyboard.press('Enter');
  await page.getByTestId('declare-result').waitFor();
  expect(await page.getByTestId('declare-result').textContent()).toContain('is now a locked record');
  // The status card shows the new state right away, beside the result and its steps (no reopening).
  const card = await page.getByTestId('status-card').textContent();
  expect(card).toContain('Contracts - 10 Years After Expiry');
  expect(card).toContain('Locked');
  expect(card).not.toContain('Not a record');
  expect(await page.getByRole('list', { name: 'Progress' }).textContent()).toContain('Apply the retention label: Done');

  const resolved = await resolveDocument(graph, contract);
  if (!resolved.found) throw new Error(resolved.why);
  const label = await getRetentionLabel(graph, resolved.document.ref);
  expect(label.name).toBe('Contracts - 10 Years After Expiry');
  expect(label.retentionSettings?.isRecordLocked).toBe(true);
  expect(resolved.document.record).toMatchObject({ behavior: 'retainAsRecord', isLocked: true });
  expect(resolved.document.listItem?.fields).toMatchObject({ ReferenceNumber: referenceNumber, DocumentType: chosenType });
  // Graph says who applied the label, and opening the document again shows it on the status card.
  expect(label.labelAppliedBy?.user?.displayName).toBe('Ana Ortiz');
  expect(resolved.document.retentionLabel?.appliedBy).toBe('Ana Ortiz');
  await page.goto(`${server.url}/addin/taskpane.html?demo=contract`);
  await page
    .getByText(/by Ana Ortiz/)
    .first()
    .waitFor();
  expect(errors).toEqual([]);
  await page.close();
});

it('files a demo email as an .eml with its fields in the mapped library, and filing it again makes no second copy', async () => {
  const { page, errors } = await openPane();
  await page.getByRole('button', { name: 'Open a demo email' }).click();
  const subject = ((await page.getByRole('heading', { name: /^This email: / }).textContent()) ?? '').replace(/^This email: /, '');
  // The only library that takes email (the seeded Email Archive) is chosen without asking; it has no plan, so its
  // own default label (set on the library in SharePoint) is preselected. That label is not a record label: "File".
  await page.getByTestId('email-library').waitFor();
  expect(await page.getByTestId('email-library').inputValue()).toBe(libraryKeyOf(emailLibrary));
  expect(await page.getByRole('radio', { name: /^Email - 3 Years/ }).isChecked()).toBe(true);
  expect(await scrollWidth(page)).toBeLessThanOrEqual(320);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByTestId('declare-result').waitFor();
  expect(await page.getByTestId('declare-result').textContent()).toContain('The email is filed as');

  const [filed] = await filedEmails();
  const fields = filed.fields as Record<string, unknown>;
  expect(String(fields.FileLeafRef)).toMatch(/\.eml$/);
  expect(fields[emailColumns.subject]).toBe(subject);
  expect(fields[emailColumns.from]).toMatch(/@custodiandev\.onmicrosoft\.com$/);
  expect(String(fields[emailColumns.internetMessageId])).toMatch(/^<.+>$/);
  expect(await filedEmails()).toHaveLength(1);

  // Open it again: the pane says it is filed, and filing again returns the first copy.
  await page.reload();
  await page.getByRole('button', { name: 'Open a demo email' }).click();
  await page.getByTestId('existing-copy').waitFor();
  expect(await page.getByTestId('existing-copy').textContent()).toContain(String(fields.FileLeafRef));
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByTestId('declare-result').waitFor();
  expect(await page.getByTestId('declare-result').textContent()).toContain('no second copy was made');
  expect(await filedEmails()).toHaveLength(1);
  expect(errors).toEqual([]);
  await page.close();
});

it('explains why a regulatory record cannot be relabelled before any request is sent', async () => {
  const { page, errors, graphRequests } = await openPane();
  await page.getByRole('button', { name: /^Open Regulatory Return/ }).click();
  await page.getByTestId('status-card').waitFor();
  // Its own label is chosen: the button only saves changes, and the record actions say it stays locked.
  await page.getByRole('button', { name: 'Save changes' }).waitFor();
  expect(await page.getByTestId('record-actions').textContent()).toContain('nobody can unlock it');
  const before = graphRequests.length;
  // Its own label is suggested; the rest of the file plan waits behind its button.
  await page.getByRole('button', { name: /^Other labels \(\d+\)$/ }).click();
  await page.getByRole('radio', { name: 'Board Minutes - Permanent' }).click();
  const refusal = page.getByTestId('relabel-refusal');
  await refusal.waitFor();
  expect(await refusal.textContent()).toMatch(/regulatory record.*Nothing was sent/is);
  await page.getByRole('button', { name: 'Relabel' }).press('Enter');
  expect(await page.getByTestId('declare-result').count()).toBe(0);
  expect(graphRequests.slice(before)).toEqual([]);
  expect(await scrollWidth(page)).toBeLessThanOrEqual(320);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});

it('has no serious accessibility violation and no horizontal scroll at 320 px with a document open', async () => {
  const { page, errors } = await openPane();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await page.getByRole('button', { name: /^Open تقرير/ }).click();
  await page.getByTestId('status-card').waitFor();
  expect(await scrollWidth(page)).toBeLessThanOrEqual(320);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});
