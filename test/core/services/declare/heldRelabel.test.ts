// Relabelling a held document in the task pane to a label that keeps it for less: refused before any change is sent,
// naming the hold and what to do. The dev tenant's seeded eDiscovery case holds the Legal site (the demo contract's).
import { createDevTenantTokenProvider, type DevTenantPersona } from '../../../../src/core/auth/createDevTenantTokenProvider';
import { createGraphGateway } from '../../../../src/core/graph/createGraphGateway';
import { getRetentionLabel } from '../../../../src/core/graph/driveItems/getRetentionLabel';
import type { GraphGateway } from '../../../../src/core/graph/GraphGateway';
import { createDeclareService, type DeclareService } from '../../../../src/core/services/declare/createDeclareService';
import { startDevTenant, type RunningDevTenant } from '../../../../src/devtenant/index';
import { logRequests } from '../support/requestLog';
import { openDemoContract } from './support/openDemoContract';

jest.setTimeout(30_000);

let tenant: RunningDevTenant;
beforeAll(async () => {
  tenant = await startDevTenant({ memory: true, port: 0, items: 60 });
  // First labelling keeps the contract longer than nothing did: allowed, hold or not.
  const pane = declareAs('office-worker');
  await pane.declare(await openDemoContract(pane), { retentionLabel: 'Contracts - 10 Years After Expiry', fields: {}, lock: true });
});
afterAll(async () => {
  await tenant?.close();
});

const graphAs = (persona: DevTenantPersona): GraphGateway =>
  createGraphGateway({
    baseUrl: tenant.url,
    tokens: createDevTenantTokenProvider({ url: tenant.url, persona }),
    governor: { initialRate: 500 }
  });

const declareAs = (persona: DevTenantPersona): DeclareService =>
  // A site collection administrator, so the record rules allow the relabel and only the hold stands in the way.
  createDeclareService({
    graph: graphAs(persona),
    actor: { isContainerAdmin: true },
    recordsSiteUrl: async () => `${tenant.url}/sites/records`
  });

describe('the task pane refuses to shorten the retention of a held document', () => {
  it.each([
    ['the records manager, who can read the eDiscovery hold', 'records-manager' as const, /Northwind litigation hold/],
    ['an office worker, who cannot read eDiscovery (unknown is not "no hold")', 'office-worker' as const, /cannot read/]
  ])('%s: refused with the hold and what to do, and nothing changed is sent', async (_who, persona, why) => {
    const service = declareAs(persona);
    const context = await openDemoContract(service);
    const current = context.document.retentionLabel?.name;
    expect(current).toBe('Contracts - 10 Years After Expiry');
    const shorter = context.labels.find((l) => l.name === 'General Correspondence - 2 Years')!;
    expect(shorter.retention?.action).toBe('delete');
    const log = logRequests(tenant.url);
    try {
      await expect(service.declare(context, { retentionLabel: shorter.name, fields: {}, lock: false })).rejects.toMatchObject({
        code: 'onHold',
        status: 423,
        why: expect.stringMatching(why),
        whatToDo: expect.stringMatching(/release/)
      });
      expect(log.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    } finally {
      log.stop();
    }
    await expect(getRetentionLabel(graphAs('records-manager'), context.document.ref)).resolves.toMatchObject({ name: current });
  });
});
