import { createDispositionWorkspace } from '../../../../src/core/services/disposition/dispositionWorkspace';
import { createMemoryIndexStore } from '../../../../src/core/services/index/createMemoryIndexStore';
import { CustodianError } from '../../../../src/core/http/CustodianError';
import { readProofWriters } from '../../../../src/teams/config';
import { startTestTenant, type TestTenant } from '../../support/devTenant';
import { findLibrary, tenantNow } from '../index/testLibraries';

// Issue #12, proof of disposal: the host names who may write anchors (the Teams tab reads them from its
// configuration); when it does, the first anchor's creator is no longer trusted by default, and the named are.

let tenant: TestTenant;
afterAll(() => tenant?.close());

const ana = 'ana.ortiz@custodiandev.onmicrosoft.com';

describe('configured proof writers', () => {
  it('the Teams tab reads them from its content URL, and refuses a list that is not email addresses', () => {
    expect(readProofWriters(new URLSearchParams('proofWriters=svc-custodian%40contoso.com%2C%20records%40contoso.com'))).toEqual([
      'svc-custodian@contoso.com',
      'records@contoso.com'
    ]);
    expect(readProofWriters(new URLSearchParams('item=x'))).toBeUndefined();
    let error: unknown;
    try {
      readProofWriters(new URLSearchParams('proofWriters=Records Team'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CustodianError);
    expect(error).toMatchObject({
      why: expect.stringContaining('Records Team') as string,
      whatToDo: expect.stringMatching(/email addresses/) as string
    });
  });

  it('a writer the workspace is given writes anchors that verification relies on', async () => {
    tenant = await startTestTenant(200);
    const manager = tenant.graph('records-manager');
    const office = tenant.graph('office-worker');
    await tenant.control('POST', '/clock', { days: 8 * 365 });
    const now = await tenantNow(tenant.control);
    const invoices = await findLibrary(manager, '/sites/finance', 'Invoices');
    const workspace = createDispositionWorkspace({
      graph: manager,
      store: createMemoryIndexStore(),
      libraries: () => Promise.resolve([{ ...invoices, siteName: 'Finance & Accounting', libraryName: 'Invoices' }]),
      now: () => Promise.resolve(now),
      recordsSiteUrl: 'https://custodiandev.sharepoint.com/sites/records',
      anchorLabelName: 'Board Minutes - Permanent',
      proofWriters: [ana],
      actorIsRecordsManager: true
    });
    const { index, review } = await workspace.ready();
    await index.refresh({ now });
    const [key] = (await review.queue(now)).filter((e) => e.holds.length === 0).map((e) => e.key);
    const { entry } = await review.decide(key, { kind: 'approve', justification: 'Past its schedule.' }, now);

    // Ana, named a writer, anchors the head herself as a locked record with the register's label.
    const drive = (await findLibrary(office, '/sites/records', 'Custodian Proof Anchors')).driveId;
    const file = await office.call<{ id: string }>({
      method: 'PUT',
      url: `/drives/${encodeURIComponent(drive)}/root:/head-ana.json:/content`,
      headers: { 'Content-Type': 'application/json' },
      body: new Blob([JSON.stringify({ sequence: entry.sequence, hash: entry.hash })], { type: 'application/json' }),
      action: 'upload an anchor'
    });
    await office.call({
      method: 'PATCH',
      url: `/drives/${encodeURIComponent(drive)}/items/${file.id}/retentionLabel`,
      body: { name: 'Board Minutes - Permanent' },
      action: 'label the anchor'
    });
    const verified = await review.verify();
    expect(verified).toMatchObject({ ok: true, rejectedAnchors: [] });
    expect(verified.trustedAnchors.map((a) => a.id)).toContain(file.id);
  }, 60_000);
});
