import type { GraphGateway } from '../../../../src/core/graph/GraphGateway';
import type { ListRef } from '../../../../src/core/graph/listItems/ListRef';
import { createDispositionReview, type DispositionReviewService } from '../../../../src/core/services/disposition/createDispositionReview';
import { readLegalHolds } from '../../../../src/core/services/holds/legalHolds';
import { createDispositionIndex, type DispositionIndex } from '../../../../src/core/services/index/createDispositionIndex';
import { createMemoryIndexStore } from '../../../../src/core/services/index/createMemoryIndexStore';
import { openRecordsSite } from '../../../../src/core/services/recordsSite/RecordsSite';
import { startTestTenant, type TestTenant } from '../../support/devTenant';
import { findLibrary, tenantNow } from '../index/testLibraries';
import { sha256, sortedKeyJson } from '../../../support/documentedProofHash';
import { listRows, recordsSiteList } from './support/recordsSiteAsOfficeWorker';

// Issue #12, proof of disposal: a reviewer added during a review (a stage's reviewers are the label's
// reviewersEmailAddresses, https://learn.microsoft.com/graph/api/resources/security-dispositionreviewstage, and
// Purview lets a reviewer add more: https://learn.microsoft.com/purview/disposition) writes anchors under their own
// name. Their anchors must count; an office worker who writes herself into the register as "added" must not.

let tenant: TestTenant;
let office: GraphGateway;
let index: DispositionIndex;
let invoices: ListRef;
let priya: DispositionReviewService;
let sam: DispositionReviewService;
let dev: DispositionReviewService;
let now: string;

const anchor = { labelName: 'Board Minutes - Permanent' };
const ana = 'ana.ortiz@custodiandev.onmicrosoft.com';
const devAdmin = 'devadmin@custodiandev.onmicrosoft.com';

beforeEach(async () => {
  tenant = await startTestTenant(300);
  const manager = tenant.graph('records-manager');
  const owner = tenant.graph('site-owner');
  const admin = tenant.graph('admin');
  office = tenant.graph('office-worker');
  invoices = await findLibrary(manager, '/sites/finance', 'Invoices');
  await tenant.control('POST', '/clock', { days: 8 * 365 });
  now = await tenantNow(tenant.control);
  index = createDispositionIndex({ graph: manager, store: createMemoryIndexStore(), libraries: [invoices] });
  await index.refresh({ now });
  const records = 'https://custodiandev.sharepoint.com/sites/records';
  priya = createDispositionReview({ graph: manager, site: await openRecordsSite(manager, records), index, anchor });
  sam = createDispositionReview({
    graph: owner,
    site: await openRecordsSite(owner, records),
    index,
    anchor,
    legalHolds: () => readLegalHolds(manager)
  });
  dev = createDispositionReview({ graph: admin, site: await openRecordsSite(admin, records), index, anchor });
  priya.checkAnchorLabel();
}, 90_000);
afterEach(() => tenant.close());

const invoiceQueue = async (): Promise<string[]> =>
  (await priya.queue(now)).filter((e) => e.item.listId === invoices.listId && e.holds.length === 0).map((e) => e.key);

// ---- The office worker's tools: plain Graph requests and her own SHA-256 of the documented hash (docs/domain.md). ----

type Row = { id: string; fields: Record<string, unknown> & { sequence: number; hash: string } };
const recordsList = (title: string): Promise<ListRef> => recordsSiteList(office, title);
const rowsOf = (list: ListRef): Promise<Row[]> => listRows<Row['fields']>(office, list);

/** Appends a correctly chained "Priya added Ana as a reviewer" entry and moves the head row, as Custodian would. */
async function appendForgedReviewerEntry(): Promise<{ sequence: number; hash: string }> {
  const register = await recordsList('Custodian Disposition Register');
  const last = (await rowsOf(register)).sort((a, b) => a.fields.sequence - b.fields.sequence).pop()!.fields;
  const payload = {
    kind: 'decision',
    subject: String(last.subject),
    subjectName: String(last.subjectName),
    action: 'addReviewer',
    stage: 1,
    by: 'priya.raman@custodiandev.onmicrosoft.com',
    justification: 'Ana knows these invoices.',
    outcome: 'reviewerAdded',
    detail: { label: 'Financial Records - 7 Years', reviewer: ana }
  };
  const sequence = last.sequence + 1;
  const recordedAt = new Date(Date.parse(String(last.recordedAt)) + 1000).toISOString();
  const hash = sha256(sortedKeyJson({ sequence, recordedAt, payload, previousHash: last.hash }));
  await office.call({
    method: 'POST',
    url: `/sites/${encodeURIComponent(register.siteId)}/lists/${register.listId}/items`,
    body: { fields: { ...payload, detail: JSON.stringify(payload.detail), sequence, recordedAt, previousHash: last.hash, hash } },
    action: 'append a forged entry'
  });
  const heads = await recordsList('Custodian Register Head');
  const [head] = await rowsOf(heads);
  await office.call({
    method: 'PATCH',
    url: `/sites/${encodeURIComponent(heads.siteId)}/lists/${heads.listId}/items/${head.id}/fields`,
    body: { sequence, hash },
    action: 'move the head'
  });
  return { sequence, hash };
}

/** Uploads an anchor of `head` as Custodian names them, and labels it with the register's label (a locked record). */
async function anchorAsAna(head: Record<string, unknown> & { sequence: number; hash: string }): Promise<{ id: string; name: string }> {
  const drive = (await findLibrary(office, '/sites/records', 'Custodian Proof Anchors')).driveId;
  const name = `head-${String(head.sequence).padStart(10, '0')}-${head.hash.slice(0, 16)}.json`;
  const file = await office.call<{ id: string; name: string }>({
    method: 'PUT',
    url: `/drives/${encodeURIComponent(drive)}/root:/${name}:/content?@microsoft.graph.conflictBehavior=rename`,
    headers: { 'Content-Type': 'application/json' },
    body: new Blob([JSON.stringify({ ...head, anchoredAt: now })], { type: 'application/json' }),
    action: 'upload an anchor'
  });
  await office.call({
    method: 'PATCH',
    url: `/drives/${encodeURIComponent(drive)}/items/${file.id}/retentionLabel`,
    body: { name: anchor.labelName },
    action: 'label the anchor'
  });
  return file;
}

describe('anchors written by a reviewer added during the review (issue #12, proof of disposal)', () => {
  it('a reviewer added at stage 1 approves, the stage 2 reviewer disposes, and the register verifies', async () => {
    const [key] = await invoiceQueue();
    const added = await priya.decide(
      key,
      { kind: 'addReviewer', justification: 'The dev admin owns this supplier.', reviewer: devAdmin },
      now
    );
    expect(added.outcome).toBe('reviewerAdded');
    const first = await dev.decide(key, { kind: 'approve', justification: 'Supplier closed; nothing open.' }, now);
    expect(first.outcome).toBe('nextStage');
    expect(first.entry.payload.by).toBe(devAdmin);
    const second = await sam.decide(key, { kind: 'approve', justification: 'Legal has no hold on it.' }, now);
    expect(second.outcome).toBe('disposed');

    const verified = await priya.verify();
    expect(verified).toMatchObject({ ok: true, rejectedAnchors: [], anchoredHead: { sequence: second.entry.sequence } });
    expect(verified.trustedAnchors).toHaveLength(3);
  });

  it('an office worker who appends "reviewer added: me" and anchors it herself is refused, even once a real decision follows', async () => {
    // A register with a real, anchored decision to chain onto.
    const [earlier] = await invoiceQueue();
    await priya.decide(earlier, { kind: 'approve', justification: 'Supplier closed; nothing open.' }, now);
    expect((await priya.verify()).ok).toBe(true);
    const forged = await appendForgedReviewerEntry();
    const own = await anchorAsAna({ ...forged, addedReviewer: ana });
    const refused = await priya.verify();
    expect(refused).toMatchObject({ ok: false, problem: 'anchorRejected', anchor: { id: own.id } });
    expect(refused.rejectedAnchors).toEqual([expect.objectContaining({ id: own.id, createdBy: ana })]);

    // A real decision chains onto her entry and Priya anchors it: her entry is now covered by a trusted anchor,
    // yet it still does not make her a writer, since no trusted anchor records a reviewer being added there.
    const [key] = (await invoiceQueue()).filter((k) => k !== earlier);
    const real = await priya.decide(key, { kind: 'approve', justification: 'Past its schedule.' }, now);
    expect(real.entry.sequence).toBe(forged.sequence + 1);
    const later = await anchorAsAna({ sequence: real.entry.sequence, hash: real.entry.hash });
    const again = await priya.verify();
    expect(again.ok).toBe(false);
    expect(again.rejectedAnchors.map((r) => [r.id, r.createdBy])).toEqual(
      expect.arrayContaining([
        [own.id, ana],
        [later.id, ana]
      ])
    );
    expect(again.rejectedAnchors.find((r) => r.id === later.id)?.reason).toMatch(/created by ana\.ortiz@/);
  });
});
