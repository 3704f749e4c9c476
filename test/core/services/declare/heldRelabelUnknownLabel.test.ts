// Relabelling a held document whose current label Custodian does not find in the file plan: the label was deleted
// in Purview, or Graph describes it in a form Custodian cannot read (Microsoft's evolvable enums add values such as
// `unknownFutureValue`). Custodian cannot tell whether the change shortens retention, so it checks the holds as if it
// did: refused before any change is sent. The change here lengthens retention (two years to seven), which is
// allowed on a held document when the current label is known: the last test shows that.
import type { DevTenantPersona } from '../../../../src/core/auth/createDevTenantTokenProvider';
import { getRetentionLabel } from '../../../../src/core/graph/driveItems/getRetentionLabel';
import { createDeclareService, type DeclareService } from '../../../../src/core/services/declare/createDeclareService';
import { startDevTenantWithFaults, type DevTenantWithFaults, type Fault } from '../holds/support/devTenantWithFaults';
import { logRequests } from '../support/requestLog';
import { openDemoContract } from './support/openDemoContract';

jest.setTimeout(30_000);

const current = 'General Correspondence - 2 Years';
const longer = 'Financial Records - 7 Years';
let tenant: DevTenantWithFaults;

// The dev tenant's seeded eDiscovery case holds the Legal site, where the demo contract is.
beforeEach(async () => {
  tenant = await startDevTenantWithFaults(60);
  // First labelling: a label that retains protects an unlabelled document, so it is allowed, hold or not.
  const pane = declareAs('office-worker');
  await pane.declare(await openDemoContract(pane), { retentionLabel: current, fields: {}, lock: false });
});
afterEach(async () => {
  await tenant?.close();
});

const declareAs = (persona: DevTenantPersona): DeclareService =>
  // A site collection administrator, so the record rules allow the relabel and only the hold stands in the way.
  createDeclareService({
    graph: tenant.graph(persona),
    actor: { isContainerAdmin: true },
    recordsSiteUrl: async () => `${tenant.url}/sites/records`
  });

type Label = { displayName?: string } & Record<string, unknown>;

/** The file plan as the dev tenant answers it, changed by `change` (every other request answered unchanged). */
function filePlanChanged(change: (labels: Label[]) => Label[]): void {
  const fault: Fault = { rewrite: (body) => ({ ...(body as object), value: change((body as { value: Label[] }).value) }) };
  tenant.fault = ({ method, path }) => (method === 'GET' && path.endsWith('/security/labels/retentionLabels') ? fault : undefined);
}

describe('relabelling a held document whose current label is not in the file plan', () => {
  it.each([
    ['deleted from the file plan', (labels: Label[]) => labels.filter((l) => l.displayName !== current)],
    [
      'described with a retention trigger Custodian does not know',
      (labels: Label[]) => labels.map((l) => (l.displayName === current ? { ...l, retentionTrigger: 'unknownFutureValue' } : l))
    ]
  ])('%s: refused with the hold and what to do, and nothing changed is sent', async (_how, change) => {
    filePlanChanged(change);
    const service = declareAs('records-manager');
    const context = await openDemoContract(service);
    expect(context.document.retentionLabel?.name).toBe(current);
    expect(context.labels.map((l) => l.name)).not.toContain(current);
    const log = logRequests(tenant.url);
    try {
      await expect(service.declare(context, { retentionLabel: longer, fields: {}, lock: false })).rejects.toMatchObject({
        code: 'onHold',
        status: 423,
        what: expect.stringContaining(`to "${longer}"`),
        why: expect.stringMatching(/Northwind litigation hold/),
        whatToDo: expect.stringMatching(/release the hold/)
      });
      expect(log.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    } finally {
      log.stop();
    }
    tenant.fault = () => undefined;
    await expect(getRetentionLabel(tenant.graph('records-manager'), context.document.ref)).resolves.toMatchObject({ name: current });
  });

  it('with the current label in the file plan, the same relabel (it keeps the document longer) is made', async () => {
    const service = declareAs('records-manager');
    const context = await openDemoContract(service);
    expect(context.labels.map((l) => l.name)).toContain(current);
    await service.declare(context, { retentionLabel: longer, fields: {}, lock: false });
    await expect(getRetentionLabel(tenant.graph('records-manager'), context.document.ref)).resolves.toMatchObject({ name: longer });
  });
});
