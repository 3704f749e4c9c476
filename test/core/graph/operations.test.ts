import type { DriveItem } from '@microsoft/microsoft-graph-types';
import { CustodianError } from '../../../src/core/http/CustodianError';
import { encodeODataString } from '../../../src/core/http/quoteODataString';
import { assignSensitivityLabelAndWait } from '../../../src/core/graph/driveItems/assignSensitivityLabel';
import { extractSensitivityLabels } from '../../../src/core/graph/driveItems/extractSensitivityLabels';
import { getDriveItem } from '../../../src/core/graph/driveItems/getDriveItem';
import { getRetentionLabel } from '../../../src/core/graph/driveItems/getRetentionLabel';
import { removeRetentionLabel } from '../../../src/core/graph/driveItems/removeRetentionLabel';
import { setRecordLocked } from '../../../src/core/graph/driveItems/setRecordLocked';
import { setRetentionLabel, setRetentionLabelCall } from '../../../src/core/graph/driveItems/setRetentionLabel';
import { uploadLargeFile } from '../../../src/core/graph/driveItems/uploadLargeFile';
import { uploadSmallFile } from '../../../src/core/graph/driveItems/uploadSmallFile';
import type { GraphGateway } from '../../../src/core/graph/GraphGateway';
import { listAll } from '../../../src/core/graph/iteratePages';
import { listItemsDelta } from '../../../src/core/graph/listItems/listItemsDelta';
import { listListItems } from '../../../src/core/graph/listItems/listListItems';
import type { ListRef } from '../../../src/core/graph/listItems/ListRef';
import { updateListItemFields } from '../../../src/core/graph/listItems/updateListItemFields';
import { getMessageMime } from '../../../src/core/graph/messages/getMessageMime';
import { setMessageCategories } from '../../../src/core/graph/messages/setMessageCategories';
import { createRetentionEvent } from '../../../src/core/graph/retentionEvents/createRetentionEvent';
import { listRetentionEventTypes } from '../../../src/core/graph/retentionEvents/listRetentionEventTypes';
import { listRetentionLabels } from '../../../src/core/graph/retentionLabels/listRetentionLabels';
import { runBatch } from '../../../src/core/graph/runBatch';
import { listSensitivityLabels } from '../../../src/core/graph/sensitivityLabels/listSensitivityLabels';
import { getDriveItemBySharingUrl } from '../../../src/core/graph/shares/getDriveItemBySharingUrl';
import { startTestTenant, type TestTenant } from '../support/devTenant';

let tenant: TestTenant;
let worker: GraphGateway;
let manager: GraphGateway;
let records: { siteId: string; listId: string; driveId: string };

/** Hostile text for a single-line field (255 characters at most, no newlines): quotes, URL delimiters, markup, backslash, emoji, right-to-left. */
const hostileText = [`O'Brien "Q1" #2 50% & more + a=b / c \\ d`, 'less<than>greater', 'تقرير الميزانية 🚀 final ‏(RTL)‏', 'x'.repeat(255)];
/** Hostile file names: what SharePoint allows in a name (no `" * : < > ? / \\ |`). */
const hostileNames = [
  `O'Brien #2 50% & more + a=b; c.txt`,
  'تقرير الميزانية 🚀 final.txt',
  `${'é'.repeat(190)}.txt`,
  '‮rtl override‬ (1).txt'
];

beforeEach(async () => {
  tenant = await startTestTenant();
  worker = tenant.graph('office-worker');
  manager = tenant.graph('records-manager');
  const site = await worker.call<{ id: string }>({
    method: 'GET',
    url: `/sites/custodiandev.sharepoint.com:/sites/records`,
    action: 'open the site'
  });
  const lists = await listAll<{ id: string }>(worker, {
    method: 'GET',
    url: `/sites/${encodeURIComponent(site.id)}/lists?$filter=${encodeURIComponent('displayName eq ')}${encodeODataString('Records')}`,
    action: 'find the library'
  });
  const drive = await worker.call<{ id: string }>({
    method: 'GET',
    url: `/sites/${encodeURIComponent(site.id)}/lists/${lists[0].id}/drive`,
    action: 'open the library'
  });
  records = { siteId: site.id, listId: lists[0].id, driveId: drive.id };
});
afterEach(() => tenant.close());

async function newFile(name: string, text = 'hello'): Promise<DriveItem> {
  return uploadSmallFile(worker, records.driveId, '', name, new Blob([text], { type: 'text/plain' }), { conflictBehavior: 'rename' });
}

describe('driveItems', () => {
  it('uploads files with hostile names and finds each again by its URL (u! encoding), with list item fields', async () => {
    for (const name of hostileNames) {
      const item = await newFile(name);
      expect(item.name).toBe(name);
      const resolved = await getDriveItemBySharingUrl(worker, item.webUrl!);
      expect(resolved).toMatchObject({ id: item.id, name });
      expect(resolved.listItem?.fields).toBeDefined();
      const again = await getDriveItem(worker, { driveId: records.driveId, itemId: item.id! });
      expect(again.listItem?.fields).toMatchObject({ FileLeafRef: name });
    }
  });

  it('refuses a name SharePoint does not allow, with a message the user can act on', async () => {
    const e = await newFile('Bad "name" <1>.txt').catch((x: unknown) => x);
    expect(e).toMatchObject({ status: 400, source: 'graph', what: `Custodian couldn't upload 'Bad "name" <1>.txt'.` });
  });

  it('uploads a large file through an upload session, in ranges, with no token sent to the upload URL', async () => {
    const bytes = new Uint8Array(700_000).map((_, i) => i % 251);
    const progress: number[] = [];
    const item = await uploadLargeFile(worker, records.driveId, '', `Big 'mail' #1.eml`, new Blob([bytes]), {
      chunkBytes: 320 * 1024,
      onProgress: (p) => progress.push(p.uploadedBytes)
    });
    expect(item).toMatchObject({ name: "Big 'mail' #1.eml", size: 700_000 });
    expect(progress).toEqual([327_680, 655_360, 700_000]);
  });

  it('sets, reads, locks, unlocks and removes a retention label', async () => {
    const item = await newFile('Label me.txt');
    const ref = { driveId: records.driveId, itemId: item.id! };
    await setRetentionLabel(manager, ref, 'Health and Safety - 40 Years');
    expect(await getRetentionLabel(worker, ref)).toMatchObject({ name: 'Health and Safety - 40 Years' });
    await setRecordLocked(manager, ref, true);
    expect((await getRetentionLabel(worker, ref)).retentionSettings?.isRecordLocked).toBe(true);
    await setRecordLocked(manager, ref, false);
    expect((await getRetentionLabel(worker, ref)).retentionSettings?.isRecordLocked).toBe(false);
    // An unlocked record's label cannot be removed (Purview's record restrictions): refused and explained.
    const refused = await removeRetentionLabel(manager, ref, { itemName: 'Label me.txt' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 403, what: "You don't have permission to remove the retention label from 'Label me.txt'." });
    await setRecordLocked(manager, ref, true);
    await removeRetentionLabel(manager, ref);
    const after = await getRetentionLabel(worker, ref).catch((e: unknown) => e);
    expect(after instanceof CustodianError ? after.status : ((after as { name?: string }).name ?? '')).not.toBe(
      'Health and Safety - 40 Years'
    );
  });

  it('explains a label that does not exist, with the Graph code and request id', async () => {
    const item = await newFile('Wrong label.txt');
    const e = (await setRetentionLabel(manager, { driveId: records.driveId, itemId: item.id! }, "No 'such' label", {
      itemName: 'Wrong label.txt'
    }).catch((x: unknown) => x)) as CustodianError;
    expect(e).toBeInstanceOf(CustodianError);
    expect(e.source).toBe('graph');
    expect(e.status).toBeGreaterThanOrEqual(400);
    expect(e.requestId).toMatch(/\S/);
    expect(e.what).toContain("No 'such' label");
  });

  it('assigns a sensitivity label, polls the monitor, and extracts it', async () => {
    const labels = await listSensitivityLabels(worker);
    const appliable = labels
      .flatMap((l) => [l, ...((l as { sublabels?: typeof labels }).sublabels ?? [])])
      .find((l) => (l as { isAppliable?: boolean }).isAppliable);
    const item = await newFile('Secret plan.txt');
    const ref = { driveId: records.driveId, itemId: item.id! };
    const done = await assignSensitivityLabelAndWait(
      worker,
      ref,
      { sensitivityLabelId: appliable!.id!, assignmentMethod: 'privileged' },
      { intervalMs: 20 }
    );
    expect(done.status).toBe('completed');
    expect(await extractSensitivityLabels(worker, ref)).toEqual([expect.objectContaining({ sensitivityLabelId: appliable!.id })]);
  });

  it('labels 45 items through batches of at most 20 and maps every answer back', async () => {
    const items = await Promise.all(Array.from({ length: 45 }, (_, i) => newFile(`Batch ${i}.txt`)));
    const calls = items.map((it) => setRetentionLabelCall({ driveId: records.driveId, itemId: it.id! }, 'Regulatory Filings - 10 Years'));
    calls.push(setRetentionLabelCall({ driveId: records.driveId, itemId: 'no-such-item' }, 'Regulatory Filings - 10 Years'));
    const outcomes = await runBatch(manager, calls);
    expect(outcomes).toHaveLength(46);
    expect(outcomes.slice(0, 45).every((o) => o.ok)).toBe(true);
    expect(outcomes[45]).toMatchObject({ ok: false, status: 404 });
  });
});

describe('listItems', () => {
  let list: ListRef;
  beforeEach(() => {
    list = { siteId: records.siteId, listId: records.listId };
  });

  it('pages through items with fields, and follows delta to a deltaLink that returns only changes', async () => {
    // More items than one page of 25 holds, whatever the seed put in the library.
    await Promise.all(Array.from({ length: 26 }, (_, i) => newFile(`Page ${i}.txt`)));
    const pages: number[] = [];
    for await (const page of listListItems(worker, list, { top: 25 })) pages.push(page.items.length);
    expect(pages.length).toBeGreaterThan(1);
    const first = await listItemsDelta(worker, list);
    expect(first.deltaLink).toMatch(/delta/);
    const item = first.items.find((i) => i.fields)!;
    await updateListItemFields(worker, list, item.id!, { Title: `Changed ${hostileText[0]}` });
    const second = await listItemsDelta(worker, list, first.deltaLink);
    expect(second.items.map((i) => i.id)).toContain(item.id);
    expect(second.items.length).toBeLessThan(first.items.length);
  });

  it('saves fields with If-Match and refuses a stale eTag with 412', async () => {
    const all = await listItemsDelta(worker, list);
    const item = all.items.find((i) => i.eTag)!;
    for (const title of hostileText) {
      const fields = await updateListItemFields(worker, list, item.id!, { Title: title });
      expect((fields as { Title?: string }).Title).toBe(title);
    }
    const stale = await updateListItemFields(worker, list, item.id!, { Title: 'late' }, { eTag: item.eTag! }).catch((e: unknown) => e);
    expect(stale).toMatchObject({ status: 412, what: "Custodian couldn't save the metadata." });
  });
});

describe('file plan, events and mail', () => {
  it('lists retention labels with their descriptors', async () => {
    const labels = await listRetentionLabels(manager);
    expect(labels.length).toBeGreaterThan(5);
    expect(labels.some((l) => l.descriptors)).toBe(true);
  });

  it('lists event types and fires an event whose query holds hostile text', async () => {
    const types = await listRetentionEventTypes(manager);
    const event = await createRetentionEvent(manager, {
      displayName: `Departure of O'Brien "Jr" #7`,
      eventTypeId: types[0].id!,
      filesQuery: 'ComplianceAssetId:4815'
    });
    expect(event).toMatchObject({ displayName: `Departure of O'Brien "Jr" #7` });
  });

  it('reads a message as MIME and sets its categories', async () => {
    const messages = await listAll<{ id: string }>(worker, { method: 'GET', url: '/me/messages?$top=5', action: 'read mail' });
    const mime = await getMessageMime(worker, messages[0].id);
    expect(await mime.text()).toMatch(/^[\w-]+:/m);
    const updated = await setMessageCategories(worker, messages[0].id, ['Filed by Custodian', 'تم الحفظ 🚀']);
    expect(updated.categories).toEqual(['Filed by Custodian', 'تم الحفظ 🚀']);
  });
});
