import { emptyFilePlanCsvValues, type FilePlanCsvValues } from '../../../../src/core/domain/filePlanCsvColumns';
import { writeFilePlanCsv } from '../../../../src/core/domain/writeFilePlanCsv';
import { listRetentionLabels } from '../../../../src/core/graph/retentionLabels/listRetentionLabels';
import { listRetentionEventTypes } from '../../../../src/core/graph/retentionEvents/listRetentionEventTypes';
import { createFilePlanService, type FilePlanService } from '../../../../src/core/services/filePlan';
import { createDevTenantTokenProvider } from '../../../../src/core/auth/createDevTenantTokenProvider';
import { createGraphGateway } from '../../../../src/core/graph/createGraphGateway';
import { startTestTenant, type TestTenant } from '../../support/devTenant';

jest.setTimeout(60_000);

let tenant: TestTenant;
let services: FilePlanService;

const csv = (rows: Partial<FilePlanCsvValues>[]): Uint8Array =>
  new TextEncoder().encode(writeFilePlanCsv(rows.map((r) => ({ ...emptyFilePlanCsvValues(), ...r }))));

beforeEach(async () => {
  tenant = await startTestTenant(60);
  services = createFilePlanService({ graph: tenant.graph('site-owner'), site: tenant.site('site-owner', '/sites/finance') });
});

afterEach(async () => {
  await tenant?.close();
});

describe('the file plan', () => {
  it('lists every label with its descriptors and whether it is published to the site', async () => {
    const snapshot = await services.loadFilePlan();
    expect(snapshot.labels.length).toBe((await listRetentionLabels(tenant.graph('admin'))).length);
    const invoices = snapshot.labels.find((l) => l.label.name === 'Invoices - 7 Years');
    expect(invoices?.availableToSite).toBe(true);
    expect(invoices?.label.descriptors.department).toBe('Finance');
    expect(snapshot.unreadable).toEqual([]);
  });

  // Purview's file plan shows an event-based label's event type beside "Event"; the seed's catalogue names it.
  it('names the event type of each event-based label, so the plan says what starts its period', async () => {
    const { labels } = await services.loadFilePlan();
    const eventBased = labels.filter((l) => l.label.retention?.trigger === 'dateOfEvent');
    expect(eventBased.length).toBeGreaterThan(0);
    expect(eventBased.filter((l) => !l.label.retention?.eventTypeName)).toEqual([]);
    expect(eventBased.map((l) => l.label.retention?.eventTypeName)).toContain('Contract Expiry');
  });

  it('exports the file plan as the import CSV, and the export checks as valid apart from names already taken', async () => {
    const exported = await services.exportFilePlan();
    expect(exported.text.startsWith('\uFEFFLabelName,Comment,Notes,')).toBe(true);
    const check = await services.checkImport({ fileName: 'export.csv', bytes: new TextEncoder().encode(exported.text) });
    expect(check.ok).toBe(false);
    expect(new Set(check.issues.map((i) => i.rule))).toEqual(new Set(['labelNameTaken']));
  });

  it('checks an import file with the row and column of every error, creating nothing', async () => {
    const before = (await listRetentionLabels(tenant.graph('admin'))).length;
    const check = await services.checkImport({
      fileName: 'bad.csv',
      bytes: csv([
        { LabelName: '', RetentionAction: 'Keep', RetentionDuration: '30', RetentionType: 'CreationAgeInDays' },
        { LabelName: 'Good Name', RetentionAction: 'Keep', RetentionDuration: 'forty', RetentionType: 'CreationAgeInDays' },
        { LabelName: 'Invoices - 7 Years' }
      ])
    });
    expect(check.ok).toBe(false);
    const where = check.issues.filter((i) => i.severity === 'error').map((i) => `${i.row}:${i.column}`);
    expect(where).toEqual(expect.arrayContaining(['2:LabelName', '3:RetentionDuration', '4:LabelName']));
    expect(check.labels).toEqual([]);
    expect((await listRetentionLabels(tenant.graph('admin'))).length).toBe(before);
  });

  it('says who can create labels when the site owner may not, before offering to, and creates nothing', async () => {
    const bytes = csv([{ LabelName: 'Board Papers', DepartmentName: 'Board Office' }]);
    const check = await services.checkImport({ fileName: 'good.csv', bytes });
    expect(check.ok).toBe(true);
    expect(check.templatesToCreate).toEqual([{ kind: 'department', name: 'Board Office' }]);
    // The site owner's sign-in has RecordsManagement.Read.All only: the check says so before anything is offered.
    expect(check.notAllowed?.whoCan).toMatch(/Retention Management role/);
    // Asked anyway, Graph refuses the first create and nothing is made.
    const outcome = await services.importLabels({ check, bytes });
    expect(outcome.status).toBe('notAllowed');
    if (outcome.status === 'notAllowed') expect(outcome.whoCan).toMatch(/Retention Management role/);
    expect((await listRetentionLabels(tenant.graph('admin'))).some((l) => l.displayName === 'Board Papers')).toBe(false);
  });

  it('creates the labels (and their descriptors) for a records manager', async () => {
    const manager = createFilePlanService({
      graph: tenant.graph('records-manager'),
      site: tenant.site('records-manager', '/sites/finance')
    });
    const bytes = csv([
      {
        LabelName: 'Board Papers',
        DepartmentName: 'Board Office',
        RetentionAction: 'Keep',
        RetentionDuration: '365',
        RetentionType: 'CreationAgeInDays'
      },
      { LabelName: 'Board Drafts', RetentionAction: 'Delete', RetentionDuration: '30', RetentionType: 'ModificationAgeInDays' }
    ]);
    const check = await manager.checkImport({ fileName: 'good.csv', bytes });
    expect(check.notAllowed).toBeUndefined();
    const created: string[] = [];
    const outcome = await manager.importLabels({ check, bytes }, { onCreated: (name) => created.push(name) });
    expect(outcome).toEqual({ status: 'created', created: ['Board Papers', 'Board Drafts'] });
    expect(created).toEqual(['Board Papers', 'Board Drafts']);
    const labels = await listRetentionLabels(tenant.graph('admin'));
    expect(labels.find((l) => l.displayName === 'Board Papers')?.descriptors?.department?.displayName).toBe('Board Office');
  });

  it('binds a built-in event type as it is, and creates the one the tenant lacks before the label that needs it', async () => {
    const manager = createFilePlanService({
      graph: tenant.graph('records-manager'),
      site: tenant.site('records-manager', '/sites/finance')
    });
    const eventTypes = async (): Promise<string[]> =>
      (await listRetentionEventTypes(tenant.graph('admin'))).map((t) => String(t.displayName)).sort();
    const before = await eventTypes();
    expect(before).toEqual(
      expect.arrayContaining(['Employee activity', 'Expiration or termination of contracts and agreements', 'Product lifetime'])
    );
    const bytes = csv([
      {
        LabelName: 'Product Specifications',
        RetentionAction: 'Keep',
        RetentionDuration: '3650',
        RetentionType: 'EventAgeInDays',
        EventType: 'product LIFETIME'
      },
      {
        LabelName: 'Grant Files',
        RetentionAction: 'KeepAndDelete',
        RetentionDuration: '2555',
        RetentionType: 'EventAgeInDays',
        EventType: 'Grant closure'
      }
    ]);
    const check = await manager.checkImport({ fileName: 'events.csv', bytes });
    expect(check).toMatchObject({ ok: true, issues: [], skipped: [], templatesToCreate: [{ kind: 'eventType', name: 'Grant closure' }] });
    expect(await eventTypes()).toEqual(before);

    expect(await manager.importLabels({ check, bytes })).toEqual({ status: 'created', created: ['Product Specifications', 'Grant Files'] });
    expect(await eventTypes()).toEqual([...before, 'Grant closure'].sort());
    const labels = await listRetentionLabels(tenant.graph('admin'), { withEventTypes: true });
    const typeOf = (name: string): string | undefined =>
      labels.find((l) => l.displayName === name)?.retentionEventType?.displayName ?? undefined;
    expect([typeOf('Product Specifications'), typeOf('Grant Files')]).toEqual(['Product lifetime', 'Grant closure']);
  });

  it('refuses the whole import for a site owner before creating the missing event type', async () => {
    const bytes = csv([
      {
        LabelName: 'Grant Files',
        RetentionAction: 'KeepAndDelete',
        RetentionDuration: '2555',
        RetentionType: 'EventAgeInDays',
        EventType: 'Grant closure'
      }
    ]);
    const check = await services.checkImport({ fileName: 'events.csv', bytes });
    expect(check.ok).toBe(true);
    expect(await services.importLabels({ check, bytes })).toMatchObject({ status: 'notAllowed' });
    expect((await listRetentionEventTypes(tenant.graph('admin'))).some((t) => t.displayName === 'Grant closure')).toBe(false);
  });

  it('offers to create when the sign-in does not say which permissions it has (SPFx), leaving the answer to Graph', async () => {
    const silent = createGraphGateway({
      baseUrl: tenant.url,
      tokens: {
        getAccessToken: (resource) => createDevTenantTokenProvider({ url: tenant.url, persona: 'site-owner' }).getAccessToken(resource)
      }
    });
    const spfxLike = createFilePlanService({ graph: silent, site: tenant.site('site-owner', '/sites/finance') });
    const check = await spfxLike.checkImport({ fileName: 'good.csv', bytes: csv([{ LabelName: 'Board Papers' }]) });
    expect(check.ok).toBe(true);
    expect(check.notAllowed).toBeUndefined();
  });
});
