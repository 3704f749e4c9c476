// The declare service over HTTP against the dev tenant: what the task pane reads and declares, end to end (through the
// pane's adapter, so the steps and the summary it shows are checked too).
import { demoDocuments } from '../../../../src/addin/hosts/demo';
import { createPaneServices } from '../../../../src/addin/services/createPaneServices';
import type { PaneServices } from '../../../../src/addin/services/PaneServices';
import { createDevTenantTokenProvider, type DevTenantPersona } from '../../../../src/core/auth/createDevTenantTokenProvider';
import { createGraphGateway } from '../../../../src/core/graph/createGraphGateway';
import { getRetentionLabel } from '../../../../src/core/graph/driveItems/getRetentionLabel';
import { createDeclareService } from '../../../../src/core/services/declare/createDeclareService';
import type { DocumentContext } from '../../../../src/core/services/declare/DocumentContext';
import { graphFieldValue } from '../../../../src/core/services/declare/graphFieldValue';
import { sensitivityOptionsFromGraph } from '../../../../src/core/services/filePlan/sensitivityOptions';
import { startDevTenant, type RunningDevTenant } from '../../../../src/devtenant/index';
import type { StepProgress } from '../../../../src/ui/declare/model';

jest.setTimeout(30_000);

let tenant: RunningDevTenant;
beforeAll(async () => {
  tenant = await startDevTenant({ memory: true, port: 0, items: 60 });
});
afterAll(async () => {
  await tenant?.close();
});

function servicesAs(persona: DevTenantPersona, isContainerAdmin = false): PaneServices {
  const graph = createGraphGateway({
    baseUrl: tenant.url,
    tokens: createDevTenantTokenProvider({ url: tenant.url, persona }),
    governor: { initialRate: 500 }
  });
  return createPaneServices({ declare: createDeclareService({ graph, actor: { isContainerAdmin } }) });
}

const url = (id: string): string | undefined => demoDocuments.find((d) => d.id === id)?.url;

async function open(id: string, persona: DevTenantPersona = 'office-worker'): Promise<DocumentContext> {
  const result = await servicesAs(persona).openDocument(url(id));
  if (!result.ok) throw new Error(`${id} did not open: ${result.notOpened.what} ${result.notOpened.why}`);
  return result.context;
}

describe('openDocument on the dev tenant', () => {
  it('opens a demo document with its status, the file plan grouped by descriptors, and the library', async () => {
    const context = await open('contract');
    expect(context.status.itemName).toBe("O'Brien & Sons — NDA #42 (50% off).docx");
    expect(context.status.location).toBe('Contracts');
    expect(context.labels.length).toBeGreaterThan(5);
    expect(context.labels.every((l) => typeof l.name === 'string')).toBe(true);
    expect(context.labels.some((l) => l.descriptors.department !== undefined && l.descriptors.category !== undefined)).toBe(true);
    expect(context.columnsSource).toBe('the Contracts library');
  });

  it('reads a regulatory record as one, with when it was labelled and when retention ends', async () => {
    const context = await open('regulatory');
    expect(context.status.state).toEqual({ behavior: 'retainAsRegulatoryRecord', isLocked: true });
    expect(context.status.retentionLabel).toMatchObject({ name: 'Regulatory Filings - 10 Years' });
    expect(context.status.retentionLabel?.appliedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(context.status.retentionEnd).toMatchObject({ ok: true });
  });

  it('says a document that is not saved is not in SharePoint or OneDrive, without a request', async () => {
    const result = await servicesAs('office-worker').openDocument(undefined);
    expect(result).toMatchObject({ ok: false, notOpened: { reason: 'notSaved' } });
  });

  it('says a document that does not exist was not found', async () => {
    const result = await servicesAs('office-worker').openDocument('https://custodiandev.sharepoint.com/sites/legal/Contracts/Nope.docx');
    expect(result).toMatchObject({ ok: false, notOpened: { reason: 'notFound' } });
  });
});

describe('declare on the dev tenant', () => {
  it('declares the demo contract a locked record and reports each step and the retention end', async () => {
    const services = servicesAs('office-worker');
    const context = await open('contract');
    const record = context.labels.find(
      (l) => l.retention?.behavior === 'retainAsRecord' && l.retention.defaultRecordBehavior !== 'startUnlocked'
    );
    expect(record).toBeDefined();
    const progress: StepProgress[][] = [];
    const result = await services.declare(context, { retentionLabel: record!.name, fields: {}, lock: true }, (steps) =>
      progress.push(steps)
    );
    expect(progress[0].every((s) => s.state === 'running')).toBe(true);
    expect(result.steps.find((s) => s.id === 'retentionLabel')).toMatchObject({ state: 'done' });
    expect(result.steps.some((s) => s.state === 'failed')).toBe(false);
    expect(result.summary).toContain('is now a locked record');
    // What the status card shows right after, from the result (not read again).
    expect(result.status).toMatchObject({
      itemName: context.document.name,
      retentionLabel: { name: record!.name, isExplicit: true },
      state: { behavior: 'retainAsRecord', isLocked: true }
    });
    expect(result.status?.retentionEnd).toEqual(result.retentionEnd);
    const graph = createGraphGateway({
      baseUrl: tenant.url,
      tokens: createDevTenantTokenProvider({ url: tenant.url, persona: 'office-worker' })
    });
    const label = await getRetentionLabel(graph, context.document.ref);
    expect(label).toMatchObject({ name: record!.name, retentionSettings: { isRecordLocked: true } });
  });

  it('refuses to relabel the regulatory record before any request, with the reason and what to do', async () => {
    const context = await open('regulatory');
    const other = context.labels.find((l) => l.name !== 'Regulatory Filings - 10 Years')!;
    await expect(
      servicesAs('office-worker').declare(context, { retentionLabel: other.name, fields: {}, lock: false }, () => undefined)
    ).rejects.toMatchObject({
      status: 0,
      code: 'regulatoryRecord'
    });
  });
});

describe('mapping helpers', () => {
  it('maps form values to Graph field values', () => {
    expect(graphFieldValue({ name: 'D', displayName: 'D', kind: 'date', required: true }, '2026-03-31')).toBe('2026-03-31T00:00:00Z');
    expect(graphFieldValue(undefined, 42)).toBe(42);
    expect(graphFieldValue(undefined, 'Contract')).toBe('Contract');
    expect(graphFieldValue(undefined, { kind: 'person', email: 'ana@contoso.com', displayName: 'Ana' })).toEqual({
      kind: 'person',
      email: 'ana@contoso.com'
    });
    expect(graphFieldValue(undefined, { kind: 'term', termId: 't1', label: 'EMEA' })).toEqual({
      kind: 'term',
      label: 'EMEA',
      termId: 't1'
    });
  });

  it('ranks sensitivity labels as the declare service does, and offers only labels that can be applied', () => {
    const options = sensitivityOptionsFromGraph([
      { id: 'p', name: 'Public', sensitivity: 0, priority: 0 } as never,
      {
        id: 'c',
        name: 'Confidential',
        sensitivity: 2,
        priority: 1,
        isAppliable: false,
        sublabels: [{ id: 'c1', name: 'All staff', sensitivity: 2, priority: 2 }]
      } as never
    ]);
    expect(options).toEqual([
      { id: 'p', name: 'Public', rank: 0 },
      { id: 'c1', name: 'Confidential / All staff', rank: 2 }
    ]);
  });
});
