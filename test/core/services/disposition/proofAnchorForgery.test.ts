import type { GraphGateway } from '../../../../src/core/graph/GraphGateway';
import type { ListRef } from '../../../../src/core/graph/listItems/ListRef';
import { createDispositionReview, type DispositionReviewService } from '../../../../src/core/services/disposition/createDispositionReview';
import { createDispositionIndex } from '../../../../src/core/services/index/createDispositionIndex';
import { createMemoryIndexStore } from '../../../../src/core/services/index/createMemoryIndexStore';
import { openRecordsSite } from '../../../../src/core/services/recordsSite/RecordsSite';
import { startTestTenant, type TestTenant } from '../../support/devTenant';
import { findLibrary, tenantNow } from '../index/testLibraries';
import { sha256, sortedKeyJson } from '../../../support/documentedProofHash';
import { listRows, recordsSiteList } from './support/recordsSiteAsOfficeWorker';

// The attack of issue #12, "Proof of disposal", done as the office worker (Ana, Contracts Officer) could do it:
// over Graph, with her own token, and her own implementation of the register's documented hash (SHA-256 of the
// canonical JSON of { sequence, recordedAt, payload, previousHash }, keys sorted; docs/domain.md).

let tenant: TestTenant;
let manager: GraphGateway;
let office: GraphGateway;
let priya: DispositionReviewService;
let decided: { sequence: number; hash: string }[] = [];

/** The dev tenant seeds no "Custodian Proof Anchor" label; the demo anchors with this record label (src/teams/config.ts). */
const anchorLabel = 'Board Minutes - Permanent';
const ana = 'ana.ortiz@custodiandev.onmicrosoft.com';

beforeEach(async () => {
  tenant = await startTestTenant(300);
  manager = tenant.graph('records-manager');
  office = tenant.graph('office-worker');
  const invoices = await findLibrary(manager, '/sites/finance', 'Invoices');
  await tenant.control('POST', '/clock', { days: 8 * 365 });
  const now = await tenantNow(tenant.control);
  const index = createDispositionIndex({ graph: manager, store: createMemoryIndexStore(), libraries: [invoices] });
  await index.refresh({ now });
  const site = await openRecordsSite(manager, 'https://custodiandev.sharepoint.com/sites/records');
  priya = createDispositionReview({ graph: manager, site, index, anchor: { labelName: anchorLabel } });
  priya.checkAnchorLabel();
  const keys = (await priya.queue(now)).filter((e) => e.holds.length === 0).map((e) => e.key);
  decided = [];
  for (const key of keys.slice(0, 3)) {
    const { entry } = await priya.decide(key, { kind: 'approve', justification: `Stage 1 for ${key.slice(-4)}: past its schedule.` }, now);
    decided.push({ sequence: entry.sequence, hash: entry.hash });
  }
}, 90_000);
afterEach(() => tenant.close());

// ---- The attacker's tools: plain Graph requests and her own SHA-256 over sorted-key JSON. ----

type Fields = Record<string, unknown> & { sequence: number; hash: string; previousHash: string; recordedAt: string };

async function registerRows(list: ListRef): Promise<{ id: string; fields: Fields }[]> {
  return (await listRows<Fields>(office, list)).sort((a, b) => a.fields.sequence - b.fields.sequence);
}

/** Edits one entry's justification and recomputes every hash from there on, as a forger would. */
async function rewriteEntry(sequence: number, justification: string): Promise<{ sequence: number; hash: string }> {
  const ref = await findRegister();
  const rows = await registerRows(ref);
  let previousHash = sequence === 0 ? '0'.repeat(64) : rows[sequence - 1].fields.hash;
  for (const row of rows.slice(sequence)) {
    const f = row.fields;
    if (f.sequence === sequence) f.justification = justification;
    const payload = {
      kind: f.kind,
      subject: f.subject,
      subjectName: f.subjectName,
      action: f.action,
      stage: f.stage,
      by: f.by,
      justification: f.justification,
      outcome: f.outcome,
      detail: JSON.parse(String(f.detail)) as unknown
    };
    const hash = sha256(sortedKeyJson({ sequence: f.sequence, recordedAt: f.recordedAt, payload, previousHash }));
    await office.call({
      method: 'PATCH',
      url: `/sites/${encodeURIComponent(ref.siteId)}/lists/${ref.listId}/items/${row.id}/fields`,
      body: { justification: f.justification, previousHash, hash },
      action: 'rewrite a register entry'
    });
    f.hash = hash;
    previousHash = hash;
  }
  const last = rows[rows.length - 1].fields;
  return { sequence: last.sequence, hash: last.hash };
}

const findRegister = (): Promise<ListRef> => recordsSiteList(office, 'Custodian Disposition Register');

async function anchorsDrive(): Promise<string> {
  return (await findLibrary(office, '/sites/records', 'Custodian Proof Anchors')).driveId;
}

/** Uploads a newer `head-*.json` into the anchors library, as Custodian names them. */
async function uploadForgedAnchor(head: { sequence: number; hash: string }): Promise<{ id: string; name: string }> {
  const drive = await anchorsDrive();
  const name = `head-${String(head.sequence).padStart(10, '0')}-${head.hash.slice(0, 16)}.json`;
  const file = await office.call<{ id: string; name: string }>({
    method: 'PUT',
    url: `/drives/${encodeURIComponent(drive)}/root:/${name}:/content?@microsoft.graph.conflictBehavior=rename`,
    headers: { 'Content-Type': 'application/json' },
    body: new Blob([JSON.stringify({ ...head, anchoredAt: new Date().toISOString() })], { type: 'application/json' }),
    action: 'upload a forged anchor'
  });
  return { id: file.id, name: file.name };
}

describe('proof anchors against an office worker who rewrites the register (issue #12, proof of disposal)', () => {
  it('anchors are locked records with the register label, and the register verifies against the newest of them', async () => {
    const drive = await anchorsDrive();
    const files = await manager.call<{ value: { id: string; name: string }[] }>({
      method: 'GET',
      url: `/drives/${encodeURIComponent(drive)}/root/children`,
      action: 'list anchors'
    });
    expect(files.value).toHaveLength(decided.length);
    for (const file of files.value) {
      // https://learn.microsoft.com/graph/api/driveitem-getretentionlabel: retentionSettings.isRecordLocked
      const label = await office.call<{ name: string; retentionSettings: { isRecordLocked: boolean } }>({
        method: 'GET',
        url: `/drives/${encodeURIComponent(drive)}/items/${file.id}/retentionLabel`,
        action: 'read the label'
      });
      expect(label).toMatchObject({ name: anchorLabel, retentionSettings: { isRecordLocked: true } });
    }
    const verified = await priya.verify();
    const newest = decided[decided.length - 1];
    expect(verified).toMatchObject({ ok: true, anchoredHead: { sequence: newest.sequence, hash: newest.hash }, rejectedAnchors: [] });
    if (verified.ok) expect(files.value.map((f) => f.id)).toContain(verified.anchoredHead!.id);
  });

  it('catches an edited entry with the chain recomputed and a newer forged anchor, naming the entry and the anchor', async () => {
    const drive = await anchorsDrive();
    const files = await office.call<{ value: { id: string; name: string }[] }>({
      method: 'GET',
      url: `/drives/${encodeURIComponent(drive)}/root/children`,
      action: 'list anchors'
    });
    // The easy way is shut: the tenant refuses to change a locked anchor.
    await expect(
      office.call({
        method: 'PUT',
        url: `/drives/${encodeURIComponent(drive)}/items/${files.value[0].id}/content`,
        headers: { 'Content-Type': 'application/json' },
        body: new Blob(['{"sequence":0,"hash":"' + 'f'.repeat(64) + '"}'], { type: 'application/json' }),
        action: 'overwrite an anchor'
      })
    ).rejects.toMatchObject({ status: expect.any(Number) as number });

    const forgedHead = await rewriteEntry(1, 'Approved by the board (no objection).');
    const forged = await uploadForgedAnchor(forgedHead);
    const result = await priya.verify();
    expect(result).toMatchObject({ ok: false, problem: 'altered', entry: { sequence: 1 } });
    expect(result.ok ? '' : result.reason).toMatch(/Entry 1 was rewritten and the chain recomputed/);
    expect(result.rejectedAnchors).toEqual([
      expect.objectContaining({ id: forged.id, name: forged.name, reason: expect.stringMatching(/no retention label/) as string })
    ]);

    // Labelling the forgery with the register's own label makes it a locked record, but it is still Ana's.
    await office.call({
      method: 'PATCH',
      url: `/drives/${encodeURIComponent(drive)}/items/${forged.id}/retentionLabel`,
      body: { name: anchorLabel },
      action: 'label the forged anchor'
    });
    const again = await priya.verify();
    expect(again).toMatchObject({ ok: false, problem: 'altered', entry: { sequence: 1 } });
    expect(again.rejectedAnchors).toEqual([
      expect.objectContaining({ id: forged.id, createdBy: ana, reason: expect.stringMatching(/created by ana\.ortiz@.*neither/) as string })
    ]);
  });
});
