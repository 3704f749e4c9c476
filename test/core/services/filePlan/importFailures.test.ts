import { emptyFilePlanCsvValues, type FilePlanCsvValues } from '../../../../src/core/domain/filePlanCsvColumns';
import { writeFilePlanCsv } from '../../../../src/core/domain/writeFilePlanCsv';
import { listRetentionLabels } from '../../../../src/core/graph/retentionLabels/listRetentionLabels';
import { createFilePlanService, type FilePlanService } from '../../../../src/core/services/filePlan';
import { startTestTenant, type TestTenant } from '../../support/devTenant';

jest.setTimeout(60_000);

let tenant: TestTenant;
let manager: FilePlanService;
let owner: FilePlanService;

const csv = (rows: Partial<FilePlanCsvValues>[]): Uint8Array =>
  new TextEncoder().encode(writeFilePlanCsv(rows.map((r) => ({ ...emptyFilePlanCsvValues(), ...r }))));
const keep = (LabelName: string): Partial<FilePlanCsvValues> => ({
  LabelName,
  RetentionAction: 'Keep',
  RetentionDuration: '365',
  RetentionType: 'CreationAgeInDays'
});
const labelNames = async (): Promise<string[]> => (await listRetentionLabels(tenant.graph('admin'))).map((l) => String(l.displayName));

beforeAll(async () => {
  tenant = await startTestTenant(20);
  manager = createFilePlanService({ graph: tenant.graph('records-manager'), site: tenant.site('records-manager', '/sites/finance') });
  owner = createFilePlanService({ graph: tenant.graph('site-owner'), site: tenant.site('site-owner', '/sites/finance') });
});
afterAll(() => tenant?.close());

describe('importing a file plan: failures said exactly', () => {
  it('a file with errors is refused, creating nothing', async () => {
    const bytes = csv([{ LabelName: '' }]);
    const check = await manager.checkImport({ fileName: 'bad.csv', bytes });
    const before = await labelNames();
    await expect(manager.importLabels({ check, bytes })).rejects.toMatchObject({ code: 'importHasErrors' });
    expect(await labelNames()).toEqual(before);
  });

  it('a label someone created in Purview since the check stops the import before anything is created', async () => {
    const bytes = csv([keep('Vendor Files'), keep('Vendor Letters')]);
    const check = await manager.checkImport({ fileName: 'vendors.csv', bytes });
    expect(check.ok).toBe(true);
    await tenant.graph('admin').call({
      method: 'POST',
      url: '/security/labels/retentionLabels',
      body: {
        displayName: 'Vendor Letters',
        behaviorDuringRetentionPeriod: 'retain',
        actionAfterRetentionPeriod: 'none',
        retentionTrigger: 'dateCreated',
        retentionDuration: { '@odata.type': '#microsoft.graph.security.retentionDurationInDays', days: 365 },
        defaultRecordBehavior: 'startUnlocked'
      },
      action: 'create a label in Purview'
    });
    const e = (await manager.importLabels({ check, bytes }).catch((x: unknown) => x)) as { code: string; whatToDo: string };
    expect(e.code).toBe('importChanged');
    expect(e.whatToDo).toMatch(/Choose the file again/);
    expect(await labelNames()).not.toContain('Vendor Files');
  });

  it('a label that fails after others were created is named, with the ones already created', async () => {
    const bytes = csv([keep('Tender Papers'), keep('Tender Scores'), keep('Tender Awards')]);
    const check = await manager.checkImport({ fileName: 'tenders.csv', bytes });
    const stop = new AbortController();
    // The person cancels once the first label is created.
    const outcome = await manager.importLabels({ check, bytes }, { signal: stop.signal, onCreated: () => stop.abort() });
    expect(outcome).toMatchObject({ status: 'partial', created: ['Tender Papers'], failedLabel: 'Tender Scores' });
    const names = await labelNames();
    expect(names).toContain('Tender Papers');
    expect(names).not.toContain('Tender Scores');
    expect(names).not.toContain('Tender Awards');
  });

  it('a site owner importing labels with no new descriptors is told who can, and nothing is created', async () => {
    const bytes = csv([keep('Owner Attempt')]);
    const check = await owner.checkImport({ fileName: 'owner.csv', bytes });
    expect(check.ok).toBe(true);
    const outcome = await owner.importLabels({ check, bytes });
    expect(outcome.status).toBe('notAllowed');
    expect(await labelNames()).not.toContain('Owner Attempt');
  });
});
