// A document in the office worker's OneDrive for work or school, resolved and declared from the task pane's core against
// a real dev tenant. Outside truth:
// - "View OneDrive URLs for users in your organization" (https://learn.microsoft.com/sharepoint/list-onedrive-urls): a
//   OneDrive is at https://<tenant name>-my.sharepoint.com/personal/<user principal name, '.' and '@' as '_'>, and Word's
//   document URL is that, then the Documents library and the file;
// - drive-get (https://learn.microsoft.com/graph/api/drive-get): `GET /me/drive` is the user's OneDrive, a `business` drive
//   (drive resource: driveType personal, business or documentLibrary);
// - shares-get (https://learn.microsoft.com/graph/api/shares-get): the URL, encoded, names the driveItem.
import type { Drive } from '@microsoft/microsoft-graph-types';
import { demoDocuments } from '../../../../src/addin/hosts/demo';
import { getRetentionLabel } from '../../../../src/core/graph/driveItems/getRetentionLabel';
import { getSignedInUser } from '../../../../src/core/graph/users/getSignedInUser';
import { encodePathSegment } from '../../../../src/core/http/encodePathSegment';
import { createDeclareService } from '../../../../src/core/services/declare/createDeclareService';
import { libraryKeyOf, libraryPlansList } from '../../../../src/core/services/libraryPlan';
import { openRecordsSite } from '../../../../src/core/services/recordsSite';
import { isOneDriveUrl, resolveDocument } from '../../../../src/core/services/resolveDocument';
import { startServicesTenant, type Library, type ServicesTenant } from '../support/servicesTenant';

jest.setTimeout(30_000);

let tenant: ServicesTenant;
let records: Library;
let contracts: Library;
/** A file's URL in the office worker's OneDrive, from its path in the Documents library. */
let oneDriveUrl: (filePath: string) => string;
let oneDrive: Drive;

beforeAll(async () => {
  tenant = await startServicesTenant(40);
  records = await tenant.library('/sites/records', 'Records');
  contracts = await tenant.library('/sites/legal', 'Contracts');
  const graph = tenant.graph('office-worker');
  const me = await getSignedInUser(graph);
  const personal = `/personal/${String(me.userPrincipalName)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '_')}`;
  // As Word gives it: on the tenant's -my host (the dev tenant matches shared URLs by path, whatever their host).
  oneDriveUrl = (filePath) =>
    `https://custodiandev-my.sharepoint.com${personal}/Documents/${filePath.split('/').map(encodePathSegment).join('/')}`;
  oneDrive = await graph.call<Drive>({ method: 'GET', url: '/me/drive', action: 'open my OneDrive' });
});
afterAll(() => tenant.close());

describe('a OneDrive document', () => {
  it('is recognised as OneDrive by its URL', () => {
    expect(isOneDriveUrl(oneDriveUrl('Contract draft.docx'))).toBe(true);
    expect(isOneDriveUrl(`${tenant.url}/personal/ana_ortiz_custodiandev_onmicrosoft_com/Documents/x.docx`)).toBe(true);
    expect(isOneDriveUrl('https://contoso.sharepoint.com/sites/legal/Contracts/x.docx')).toBe(false);
    expect(isOneDriveUrl('not a url')).toBe(false);
  });

  it('resolves, as the office worker, to the item in their OneDrive with its list item, label and record state', async () => {
    expect(oneDrive.driveType).toBe('business');
    const result = await resolveDocument(tenant.graph('office-worker'), oneDriveUrl('Contract draft.docx'));
    if (!result.found) throw new Error(`${result.what} ${result.why}`);
    const doc = result.document;
    expect(doc).toMatchObject({ name: 'Contract draft.docx', ref: { driveId: oneDrive.id }, retentionLabel: null });
    expect(new URL(doc.webUrl).pathname).toBe(new URL(oneDriveUrl('Contract draft.docx')).pathname);
    // The personal site is a site collection on the -my host; its library is where the columns are written.
    expect(doc.listItem?.list.siteId).toMatch(/^custodiandev-my\.sharepoint\.com,/);
    expect(doc.listItem?.fields.FileLeafRef).toBe('Contract draft.docx');
    expect(doc.record).toEqual({ behavior: null, isLocked: false });
    expect(doc.restrictions.relabel.allowed).toBe(true);

    // The task pane's demo document is this one, as the demo host gives it.
    const demo = await resolveDocument(tenant.graph('office-worker'), demoDocuments.find((d) => d.id === 'onedrive')?.url);
    expect(demo.found && demo.document.ref).toEqual(doc.ref);

    const labelled = await resolveDocument(tenant.graph('office-worker'), oneDriveUrl('Meeting notes - Fabrikam.docx'));
    if (!labelled.found) throw new Error(labelled.why);
    expect(labelled.document.retentionLabel).toMatchObject({ name: 'General Correspondence - 2 Years', isAppliedExplicitly: true });
    expect(labelled.document.record).toEqual({ behavior: 'retain', isLocked: false });
  });

  it("opens with the file plan's labels and no library-required metadata (a OneDrive has no library plan), then declares a locked record", async () => {
    // A plan exists for a SharePoint library, so the plan list is read and has none for the OneDrive.
    const ref = { siteId: contracts.siteId, listId: contracts.listId };
    await (await openRecordsSite(tenant.graph('admin'), records.siteUrl)).list(libraryPlansList).create({
      libraryKey: libraryKeyOf(ref),
      ...ref,
      driveId: contracts.driveId,
      libraryName: 'Contracts',
      requiredColumns: ['ReferenceNumber'],
      updatedAt: '2026-01-15T09:00:00Z'
    });
    // Its own document (not the one the resolve test reads unlabelled), so the tests hold in any order.
    const nda = "Drafts/Supplier NDA - O'Brien (v2).docx";
    const declare = createDeclareService({
      graph: tenant.graph('office-worker'),
      recordsSiteUrl: () => Promise.resolve(records.siteUrl),
      actor: { isContainerAdmin: false }
    });
    const opened = await declare.open(oneDriveUrl(nda));
    if (!opened.ok) throw new Error(`${opened.notOpened.what} ${opened.notOpened.why}`);
    const context = opened.context;
    expect(context.labels.length).toBeGreaterThan(5);
    expect(context.specs).toEqual([]);
    expect(context.columnsSource).toBe('the Documents library');
    expect(context.status).toMatchObject({
      itemName: "Supplier NDA - O'Brien (v2).docx",
      location: 'Documents',
      state: { behavior: null }
    });

    const record = context.labels.find(
      (l) => l.retention?.behavior === 'retainAsRecord' && l.retention.defaultRecordBehavior !== 'startUnlocked'
    );
    expect(record).toBeDefined();
    const result = await declare.declare(context, { retentionLabel: record!.name, fields: {}, lock: true });
    expect(result.sent.status).toBe('declared');
    expect(result.asked).toEqual(['retentionLabel', 'lock']);
    expect(result.status).toMatchObject({ retentionLabel: { name: record!.name }, state: { behavior: 'retainAsRecord', isLocked: true } });
    // What Graph holds now, read back as the pane would on its next open.
    expect(await getRetentionLabel(tenant.graph('office-worker'), context.document.ref)).toMatchObject({
      name: record!.name,
      retentionSettings: { isRecordLocked: true }
    });
    const again = await resolveDocument(tenant.graph('office-worker'), oneDriveUrl(nda));
    expect(again.found && again.document.record).toEqual({ behavior: 'retainAsRecord', isLocked: true });
  });

  it("says someone else's OneDrive document isn't shared with them, rather than failing", async () => {
    // The office worker reaches it; the site owner, whose OneDrive it is not, is refused (it isn't shared).
    const url = oneDriveUrl("Drafts/Supplier NDA - O'Brien (v2).docx");
    expect((await resolveDocument(tenant.graph('office-worker'), url)).found).toBe(true);
    const result = await resolveDocument(tenant.graph('site-owner'), url);
    expect(result).toMatchObject({ found: false, reason: 'noAccess' });
    if (result.found) return;
    expect(result.what).toContain('OneDrive');
    expect(result.why).toMatch(/isn't shared with you/);
    expect(result.whatToDo).toMatch(/share it with you/);
  });
});
