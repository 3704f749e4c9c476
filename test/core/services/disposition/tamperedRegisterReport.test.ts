import { devTenantClock } from '../../../../src/core/graph/devtenant/devTenantClock';
import { createDispositionService, type DispositionService } from '../../../../src/core/services/disposition/createDispositionService';
import { recordsManagerWorkspace } from '../support/recordsManagerWorkspace';
import { startTestTenant, type TestTenant } from '../../support/devTenant';
import { listRows, recordsSiteList } from './support/recordsSiteAsOfficeWorker';

// The register as the Teams tab reports it, after the attack itself: someone with write access to the records site
// edits a recorded justification with plain Graph, or deletes the newest decision, which leaves no edited entry
// behind (the chain that remains is whole, so only the anchor written for the deleted decision can tell). The report
// must say the register is broken, at which entry (by sequence and by the item's name), and still list every entry,
// each with its anchor where one was made.

jest.setTimeout(60_000);

let tenant: TestTenant;
let disposition: DispositionService;

// Each attack on a register of its own: the first leaves the chain broken.
beforeEach(async () => {
  tenant = await startTestTenant(300);
  const graph = tenant.graph('records-manager');
  const clock = devTenantClock(graph);
  await clock.advance(8 * 365);
  disposition = createDispositionService(recordsManagerWorkspace(graph));
});
afterEach(() => tenant.close());

it('names the entry an edit broke, and still lists every entry with the anchors it has', async () => {
  const { items } = await disposition.loadQueue();
  const [first, second] = items.filter((i) => i.holds.length === 0 && i.stages.length > 1);
  await disposition.decide({ keys: [first.key], decision: { kind: 'approve', justification: 'Checked the invoice' } });
  await disposition.decide({ keys: [second.key], decision: { kind: 'approve', justification: 'Checked this one too' } });
  const before = await disposition.register();
  expect(before.verification).toMatchObject({ ok: true, count: before.entries.length });
  expect(before.entries.at(-1)?.anchor).toMatchObject({ id: expect.any(String), hash: before.entries.at(-1)?.hash });

  // The attack: an office worker rewrites the first decision's justification (without recomputing any hash).
  const office = tenant.graph('office-worker');
  const register = await recordsSiteList(office, 'Custodian Disposition Register');
  const row = (await listRows<{ subject: string; sequence: number }>(office, register)).find((r) => r.fields.subject === first.key)!;
  await office.call({
    method: 'PATCH',
    url: `/sites/${encodeURIComponent(register.siteId)}/lists/${register.listId}/items/${row.id}/fields`,
    body: { justification: 'Nothing to see here' },
    action: 'edit a recorded justification'
  });

  const after = await disposition.register();
  expect(after.verification).toMatchObject({ ok: false, entry: { sequence: row.fields.sequence, subjectName: first.name } });
  expect(after.verification.ok === false && after.verification.reason).toEqual(expect.any(String));
  expect(after.entries.map((e) => e.sequence)).toEqual(before.entries.map((e) => e.sequence));
  expect(after.entries.find((e) => e.subject === first.key)?.justification).toBe('Nothing to see here');
});

it('names the last entry left and the anchor that proves the newest decision is gone', async () => {
  const { items } = await disposition.loadQueue();
  const [first, second] = items.filter((i) => i.holds.length === 0 && i.stages.length > 1);
  await disposition.decide({ keys: [first.key], decision: { kind: 'approve', justification: 'Checked the invoice' } });
  await disposition.decide({ keys: [second.key], decision: { kind: 'approve', justification: 'Checked this one too' } });
  const before = await disposition.register();
  expect(before.verification).toMatchObject({ ok: true });
  const [kept, deleted] = before.entries.slice(-2);
  expect(deleted.subject).toBe(second.key);
  expect(deleted.anchor?.id).toEqual(expect.any(String));

  const office = tenant.graph('office-worker');
  const register = await recordsSiteList(office, 'Custodian Disposition Register');
  const row = (await listRows<{ sequence: number }>(office, register)).find((r) => r.fields.sequence === deleted.sequence)!;
  await office.call({
    method: 'DELETE',
    url: `/sites/${encodeURIComponent(register.siteId)}/lists/${register.listId}/items/${row.id}`,
    action: 'delete the newest decision'
  });

  const after = await disposition.register();
  expect(after.verification).toMatchObject({
    ok: false,
    problem: 'removed',
    entry: { sequence: kept.sequence, subjectName: first.name },
    anchor: { id: deleted.anchor?.id }
  });
  expect(after.entries.map((e) => e.sequence)).toEqual(before.entries.slice(0, -1).map((e) => e.sequence));
});
