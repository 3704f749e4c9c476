import { updateListItemFields } from '../../../../src/core/graph/listItems/updateListItemFields';
import { getListItem } from '../../../../src/core/graph/listItems/getListItem';
import { deleteListItem } from '../../../../src/core/graph/listItems/deleteListItem';
import type { GraphGateway } from '../../../../src/core/graph/GraphGateway';
import type { ListRef } from '../../../../src/core/graph/listItems/ListRef';
import { type CustodianError } from '../../../../src/core/http/CustodianError';
import { createDispositionReview, type DispositionReviewService } from '../../../../src/core/services/disposition/createDispositionReview';
import { readLegalHolds } from '../../../../src/core/services/holds/legalHolds';
import { registerList } from '../../../../src/core/services/disposition/dispositionLists';
import { readRegister } from '../../../../src/core/services/disposition/proofRegister';
import { createDispositionIndex, type DispositionIndex } from '../../../../src/core/services/index/createDispositionIndex';
import { createMemoryIndexStore } from '../../../../src/core/services/index/createMemoryIndexStore';
import { openRecordsSite, type RecordsSite } from '../../../../src/core/services/recordsSite/RecordsSite';
import { startTestTenant, type TestTenant } from '../../support/devTenant';
import { findLibrary, tenantNow } from '../index/testLibraries';
import { refusal } from '../support/refusal';

/** A date `years` after the dev tenant's `now` (its clock runs years ahead of the machine's), never a fixed year. */
const yearsAfter = (now: string, years: number): string => new Date(Date.parse(now) + years * 365 * 86_400_000).toISOString();

let tenant: TestTenant;
let manager: GraphGateway;
let owner: GraphGateway;
let invoices: ListRef;
let legalDocs: ListRef;
let index: DispositionIndex;
let managerSite: RecordsSite;
let priya: DispositionReviewService;
let priyaAsRecordsManager: DispositionReviewService;
let sam: DispositionReviewService;
let now: string;

const anchor = { labelName: 'Board Minutes - Permanent' };

beforeEach(async () => {
  tenant = await startTestTenant(400);
  manager = tenant.graph('records-manager');
  owner = tenant.graph('site-owner');
  invoices = await findLibrary(manager, '/sites/finance', 'Invoices');
  legalDocs = await findLibrary(manager, '/sites/legal', 'Documents');
  await tenant.control('POST', '/clock', { days: 8 * 365 });
  now = await tenantNow(tenant.control);
  index = createDispositionIndex({ graph: manager, store: createMemoryIndexStore(), libraries: [invoices, legalDocs] });
  await index.refresh({ now });
  managerSite = await openRecordsSite(manager, 'https://custodiandev.sharepoint.com/sites/records');
  const ownerSite = await openRecordsSite(owner, 'https://custodiandev.sharepoint.com/sites/records');
  priya = createDispositionReview({ graph: manager, site: managerSite, index, anchor });
  priyaAsRecordsManager = createDispositionReview({ graph: manager, site: managerSite, index, anchor, actorIsRecordsManager: true });
  // The site owner has no eDiscovery permission; the host hands in the holds a records manager's session read.
  sam = createDispositionReview({ graph: owner, site: ownerSite, index, anchor, legalHolds: () => readLegalHolds(manager) });
  priya.checkAnchorLabel();
}, 60_000);
afterEach(() => tenant.close());

const invoiceQueue = async (): Promise<string[]> =>
  (await priya.queue(now)).filter((e) => e.item.listId === invoices.listId && e.holds.length === 0).map((e) => e.key);

describe('reviewDisposition', () => {
  it('a two-stage approval disposes of the item (gone from the dev tenant) and adds a verified proof entry', async () => {
    const [key] = await invoiceQueue();
    const entry = index.entry(key)!;
    const first = await priya.decide(key, { kind: 'approve', justification: 'Past its 7-year schedule; no open queries.' }, now);
    expect(first).toMatchObject({ outcome: 'nextStage', review: { currentStage: 2 } });
    const notYours = await refusal(() => priya.decide(key, { kind: 'approve', justification: 'again' }, now));
    expect(notYours).toMatchObject({ code: 'notAReviewer' });
    expect(notYours.why).toContain('Legal sign-off');
    const second = await sam.decide(key, { kind: 'approve', justification: 'Legal has no hold on it.' }, now);
    expect(second.outcome).toBe('disposed');
    await expect(getListItem(manager, invoices, entry.item.id)).rejects.toMatchObject({ status: 404 });
    expect((await priya.queue(now)).some((e) => e.key === key)).toBe(false);
    const verified = await priya.verify();
    expect(verified).toMatchObject({ ok: true, anchoredHead: { sequence: second.entry.sequence, hash: second.entry.hash } });
    const forItem = verified.entries.filter((e) => e.payload.subject === key);
    expect(forItem.map((e) => [e.payload.action, e.payload.stage, e.payload.outcome, e.payload.by])).toEqual([
      ['approve', 1, 'nextStage', 'priya.raman@custodiandev.onmicrosoft.com'],
      ['approve', 2, 'disposed', 'sam.okafor@custodiandev.onmicrosoft.com']
    ]);
    expect(forItem[1].payload.detail).not.toHaveProperty('deletion');
    const missing = await refusal(() => priya.decide(key, { kind: 'approve', justification: 'x' }, now));
    expect(missing.code).toBe('notInQueue');
  });

  it('a final approval of an item deleted meanwhile completes the review, and the proof says it was found already deleted', async () => {
    const [key] = await invoiceQueue();
    const entry = index.entry(key)!;
    await priya.decide(key, { kind: 'approve', justification: 'Stage 1 done.' }, now);
    // An earlier attempt deleted it and stopped before writing the register, or someone deleted it outside Custodian.
    await deleteListItem(manager, invoices, entry.item.id, { itemName: entry.item.name });
    const second = await sam.decide(key, { kind: 'approve', justification: 'Legal has no hold on it.' }, now);
    expect(second.outcome).toBe('disposed');
    expect(second.entry.payload.detail).toMatchObject({ deletion: 'found already deleted' });
    expect((await priya.verify()).ok).toBe(true);
    expect((await priya.queue(now)).some((e) => e.key === key)).toBe(false);
  });

  it('two reviewers approving the same item at once give one disposal, one proof entry, and a conflict that says what happened', async () => {
    const [key] = await invoiceQueue();
    await priya.decide(key, { kind: 'approve', justification: 'Stage 1 done.' }, now);
    const before = (await readRegister(managerSite)).length;
    const results = await Promise.allSettled([
      sam.decide(key, { kind: 'approve', justification: 'Sam approves.' }, now),
      priyaAsRecordsManager.decide(key, { kind: 'approve', justification: 'Priya approves as records manager.' }, now)
    ]);
    const done = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(done).toHaveLength(1);
    expect(failed).toHaveLength(1);
    const error = failed[0].reason as CustodianError;
    expect(error).toMatchObject({ code: 'reviewConflict', status: 409, what: 'Your decision was not recorded.' });
    expect(error.why).toMatch(/approve, stage 2/);
    expect(error.why).toContain('disposed');
    const after = await readRegister(managerSite);
    expect(after.length).toBe(before + 1);
    expect(after.filter((e) => e.payload.subject === key && e.payload.outcome === 'disposed')).toHaveLength(1);
  });

  it('of two first-stage decisions made at once, the one refused says in words where the review now stands', async () => {
    const [key] = await invoiceQueue();
    const results = await Promise.allSettled([
      priya.decide(key, { kind: 'approve', justification: 'Stage 1 done.' }, now),
      priyaAsRecordsManager.decide(key, { kind: 'approve', justification: 'Stage 1 done, as records manager.' }, now)
    ]);
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(failed).toHaveLength(1);
    const error = failed[0].reason as CustodianError;
    expect(error).toMatchObject({ code: 'reviewConflict', status: 409 });
    expect(error.why).toMatch(
      /^priya\.raman@custodiandev\.onmicrosoft\.com made a decision \(approve, stage 1\) on '.+' at \d{4}-\d{2}-\d{2}T.+, just before yours\. The review is now waiting for review at stage 2\.$/
    );
  });

  it('a held item cannot be approved and says why; relabel and extend still work; a released hold lets approval through', async () => {
    const legal = (await priya.queue(now)).find((e) => e.item.listId === legalDocs.listId);
    expect(legal?.holds.map((h) => h.source)).toContain('ediscovery');
    const refused = await refusal(() => priyaAsRecordsManager.decide(legal!.key, { kind: 'approve', justification: 'x' }, now));
    expect(refused).toMatchObject({ code: 'onHold', status: 423 });
    expect(refused.why).toContain('Northwind litigation hold');
    expect(refused.whatToDo).toMatch(/release/);

    const [key] = await invoiceQueue();
    const { hold } = await priya.holds.create({
      name: "O'Brien audit #7",
      reason: 'External audit 2034',
      by: 'priya.raman@custodiandev.onmicrosoft.com',
      now
    });
    await priya.holds.add({
      holdId: hold.holdId,
      items: [key],
      by: 'priya.raman@custodiandev.onmicrosoft.com',
      justification: 'In audit scope',
      now
    });
    const held = await refusal(() => priya.decide(key, { kind: 'approve', justification: 'x' }, now));
    expect(held.why).toContain("O'Brien audit #7");
    const extended = await priya.decide(key, { kind: 'extend', justification: 'Wait for the audit.', until: yearsAfter(now, 6) }, now);
    expect(extended.outcome).toBe('extended');
    await priya.holds.release({ holdId: hold.holdId, by: 'priya.raman@custodiandev.onmicrosoft.com', justification: 'Audit closed', now });
    expect((await priya.holds.list()).find((h) => h.holdId === hold.holdId)).toMatchObject({
      state: 'released',
      targets: [{ target: key }]
    });

    const [other] = (await invoiceQueue()).filter((k) => k !== key);
    const relabelled = await priya.decide(
      other,
      { kind: 'relabel', justification: 'Keep as financial record.', labelName: 'Financial Records - 7 Years' },
      now
    );
    expect(relabelled.outcome).toBe('relabelled');
    const [siteId, listId, itemId] = other.split('|');
    const item = await getListItem(manager, { siteId, listId }, itemId);
    expect((item.fields as Record<string, unknown>)._ComplianceTag).toBe('Financial Records - 7 Years');
    const [freed] = await invoiceQueue();
    const second = await priya.holds.create({
      name: 'Short audit',
      reason: 'Sampling',
      by: 'priya.raman@custodiandev.onmicrosoft.com',
      now
    });
    await priya.holds.add({
      holdId: second.hold.holdId,
      items: [freed],
      by: 'priya.raman@custodiandev.onmicrosoft.com',
      justification: 'Sampled',
      now
    });
    await expect(priya.decide(freed, { kind: 'approve', justification: 'x' }, now)).rejects.toMatchObject({ code: 'onHold' });
    await priya.holds.release({
      holdId: second.hold.holdId,
      by: 'priya.raman@custodiandev.onmicrosoft.com',
      justification: 'Sample cleared',
      now
    });
    expect((await priya.decide(freed, { kind: 'approve', justification: 'Cleared.' }, now)).outcome).toBe('nextStage');
    const [next] = (await invoiceQueue()).filter((k) => k !== freed);
    const noWhy = await refusal(() => priya.decide(next, { kind: 'approve', justification: '  ' }, now));
    expect(noWhy.code).toBe('justificationRequired');
  });

  it('tampering with the register list in the dev tenant shows as a broken chain naming the entry', async () => {
    // A register of two entries: one item approved at both stages.
    const [key] = await invoiceQueue();
    await priya.decide(key, { kind: 'approve', justification: 'Past its 7-year schedule; no open queries.' }, now);
    await sam.decide(key, { kind: 'approve', justification: 'Legal has no hold on it.' }, now);
    expect((await priya.verify()).ok).toBe(true);
    const entries = await readRegister(managerSite);
    const target = entries[1];
    const ref = await managerSite.list(registerList).ensure();
    await updateListItemFields(manager, ref, target.listItemId, { justification: 'Nothing to see here.' });
    const result = await priya.verify();
    expect(result).toMatchObject({
      ok: false,
      problem: 'altered',
      position: 1,
      entry: { sequence: target.sequence, listItemId: target.listItemId }
    });
  });
});
