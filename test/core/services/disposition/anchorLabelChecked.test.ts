import { devTenantClock } from '../../../../src/core/graph/devtenant/devTenantClock';
import { createDispositionService } from '../../../../src/core/services/disposition/createDispositionService';
import { createMemoryIndexStore } from '../../../../src/core/services/index/createMemoryIndexStore';
import { recordsManagerWorkspace } from '../support/recordsManagerWorkspace';
import { startTestTenant, type TestTenant } from '../../support/devTenant';
import { refusal } from '../support/refusal';

// The proof register is anchored in files that the anchor label makes records, so that nobody can edit or delete
// them. A tab configured with a label that does not make records would write anchors anyone could rewrite: the
// records manager is told when the queue opens, before any decision is taken on the strength of that proof.

jest.setTimeout(60_000);

let tenant: TestTenant;
beforeAll(async () => {
  tenant = await startTestTenant(100);
  await devTenantClock(tenant.graph('records-manager')).advance(8 * 365);
});
afterAll(() => tenant.close());

const serviceAnchoredBy = (anchorLabelName: string) =>
  createDispositionService(recordsManagerWorkspace(tenant.graph('records-manager'), createMemoryIndexStore(), anchorLabelName));

it('refuses to open the queue when the anchor label keeps items without making them records, each time it is asked', async () => {
  // Invoices - 7 Years retains and deletes; it does not mark items as records.
  const service = serviceAnchoredBy('Invoices - 7 Years');
  for (let attempt = 0; attempt < 2; attempt++) {
    const refused = await refusal(() => service.loadQueue());
    expect(refused).toMatchObject({ code: 'anchorLabelNotRecord', what: 'Custodian cannot anchor the proof register.' });
    expect(refused.why).toContain('"Invoices - 7 Years" does not mark items as records');
  }
});

it('refuses a label the file plan does not have, naming it', async () => {
  const refused = await refusal(() => serviceAnchoredBy('Board Minutes - Forever').loadQueue());
  expect(refused).toMatchObject({ code: 'anchorLabelNotRecord' });
  expect(refused.why).toContain('"Board Minutes - Forever" is not in the file plan');
});

it('opens the queue when the anchor label makes records', async () => {
  const snapshot = await serviceAnchoredBy('Board Minutes - Permanent').loadQueue();
  expect(snapshot.items.length).toBeGreaterThan(0);
});
