import { createDispositionService, type DispositionService } from '../../../../src/core/services/disposition/createDispositionService';
import { createHoldsService, type HoldsService } from '../../../../src/core/services/holds/createHoldsService';
import { recordsManagerWorkspace } from '../support/recordsManagerWorkspace';
import { startTestTenant, type TestTenant } from '../../support/devTenant';

// The Holds tab's service on the dev tenant, signed in as the records manager: a hold as the tab lists it (what it
// covers split into items and sites, who created and released it), each change anchored in the proof register, and
// the eDiscovery legal holds of the seeded case by their sites' addresses.

jest.setTimeout(60_000);

let tenant: TestTenant;
let holds: HoldsService;
let disposition: DispositionService;
const user = 'priya.raman@custodiandev.onmicrosoft.com';

beforeAll(async () => {
  tenant = await startTestTenant(100);
  const graph = tenant.graph('records-manager');
  const workspace = recordsManagerWorkspace(graph);
  holds = createHoldsService(workspace);
  disposition = createDispositionService(workspace);
});
afterAll(() => tenant.close());

it('lists a hold with its items and sites apart, who made and released it, and anchors every change', async () => {
  const created = await holds.create({ name: 'Tender dispute', reason: 'Claim 7' });
  expect(created).toMatchObject({ name: 'Tender dispute', reason: 'Claim 7', state: 'active', createdBy: user, items: [], sites: [] });
  expect(created).not.toHaveProperty('releasedBy');
  await holds.add({ holdId: created.holdId, items: ['site-a|list-1|7', 'site-a|list-1|8'], sites: ['site-b'], justification: 'In scope' });
  const listed = (await holds.list()).find((h) => h.holdId === created.holdId)!;
  expect(listed).toMatchObject({ state: 'active', items: ['site-a|list-1|7', 'site-a|list-1|8'], sites: ['site-b'] });
  expect(listed).not.toHaveProperty('releasedAt');

  await holds.release({ holdId: created.holdId, justification: 'Settled' });
  const released = (await holds.list()).find((h) => h.holdId === created.holdId)!;
  expect(released).toMatchObject({ state: 'released', releasedBy: user, releasedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });

  const register = await disposition.register();
  expect(register.verification).toMatchObject({ ok: true });
  const entries = register.entries.filter((e) => e.subject === created.holdId);
  expect(entries.map((e) => e.action)).toEqual(['createHold', 'addToHold', 'releaseHold']);
  // Each change is anchored: the last entry's head is the anchor the register verifies against.
  expect(register.verification.ok && register.verification.anchoredSequence).toBe(register.entries.at(-1)?.sequence);
});

it('lists the seeded eDiscovery legal hold by its case, its query and its sites’ addresses', async () => {
  const legal = await holds.legal();
  const northwind = legal.find((h) => h.name.startsWith('Northwind litigation hold'))!;
  expect(northwind.caseName).toMatch(/Northwind/);
  expect(typeof northwind.contentQuery).toBe('string');
  expect(northwind.sites).toEqual([expect.stringMatching(/^https?:\/\/.+\/sites\/legal$/)]);
});
