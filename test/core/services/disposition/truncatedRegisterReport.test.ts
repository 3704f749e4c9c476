import { devTenantClock } from '../../../../src/core/graph/devtenant/devTenantClock';
import { createDispositionService, type DispositionService } from '../../../../src/core/services/disposition/createDispositionService';
import { recordsManagerWorkspace } from '../support/recordsManagerWorkspace';
import { startTestTenant, type TestTenant } from '../../support/devTenant';
import { listRows, recordsSiteList } from './support/recordsSiteAsOfficeWorker';

// The attack that leaves no edited entry behind: someone with write access to the records site deletes the newest
// decision from the register with plain Graph. The chain that remains is whole, so only the anchor written for the
// deleted decision can tell; the report must say entries are missing after the last one left, and which anchor
// shows it.

jest.setTimeout(60_000);

let tenant: TestTenant;
let disposition: DispositionService;

beforeAll(async () => {
  tenant = await startTestTenant(300);
  const graph = tenant.graph('records-manager');
  await devTenantClock(graph).advance(8 * 365);
  disposition = createDispositionService(recordsManagerWorkspace(graph));
});
afterAll(() => tenant.close());

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
