import type { ListItem } from '@microsoft/microsoft-graph-types';
import { emptyFilePlanCsvValues, type FilePlanCsvValues } from '../../../src/core/domain/filePlanCsvColumns';
import { writeFilePlanCsv } from '../../../src/core/domain/writeFilePlanCsv';
import { uploadSmallFile } from '../../../src/core/graph/driveItems/uploadSmallFile';
import { listAll } from '../../../src/core/graph/iteratePages';
import { listListItemsCall } from '../../../src/core/graph/listItems/listListItems';
import { createList } from '../../../src/core/graph/lists/createList';
import { getListDrive } from '../../../src/core/graph/lists/getListDrive';
import { listRetentionLabels } from '../../../src/core/graph/retentionLabels/listRetentionLabels';
import { getSiteByUrl } from '../../../src/core/graph/sites/getSiteByUrl';
import { getListDefaultSensitivityLabel, setListDefaultSensitivityLabel } from '../../../src/core/sharepoint/listDefaultSensitivityLabel';
import { getListComplianceTag } from '../../../src/core/sharepoint/policyStore/getListComplianceTag';
import { setComplianceTagOnBulkItems } from '../../../src/core/sharepoint/policyStore/setComplianceTagOnBulkItems';
import type { BulkProgress, FilePlanServices } from '../../../src/ui/filePlan/FilePlanServices';
import {
  applyDefaultJobId,
  createFilePlanServices,
  doneItems,
  parseApplyDefaultJobId,
  requirableColumns,
  sensitivityOptions
} from '../../../src/ui/filePlan/services/createFilePlanServices';
import { startTestTenant, type TestTenant } from '../../core/support/devTenant';

jest.setTimeout(60_000);

const label = 'Financial Records - 7 Years';
let tenant: TestTenant;
let services: FilePlanServices;
let libraryId: string;
let listUrl: string;

const csv = (rows: Partial<FilePlanCsvValues>[]): Uint8Array =>
  new TextEncoder().encode(writeFilePlanCsv(rows.map((r) => ({ ...emptyFilePlanCsvValues(), ...r }))));

async function labelsOf(id = libraryId): Promise<string[]> {
  const graph = tenant.graph('admin');
  const site = await getSiteByUrl(graph, `${tenant.url}/sites/finance`);
  const items = await listAll<ListItem>(
    graph,
    listListItemsCall({ siteId: String(site.id), listId: id }, { fields: ['ContentType', '_ComplianceTag'], top: 999 })
  );
  return items
    .filter((i) => (i.fields as Record<string, unknown>).ContentType !== 'Folder')
    .map((i) => String((i.fields as Record<string, unknown>)._ComplianceTag));
}

/** A new library on the Finance site with `count` unlabelled files. */
async function libraryWithFiles(name: string, count: number): Promise<{ id: string; listUrl: string }> {
  const graph = tenant.graph('site-owner');
  const site = await getSiteByUrl(graph, `${tenant.url}/sites/finance`);
  const list = await createList(graph, String(site.id), { displayName: name, template: 'documentLibrary' });
  const drive = await getListDrive(graph, { siteId: String(site.id), listId: String(list.id) });
  for (let start = 0; start < count; start += 25) {
    await Promise.all(
      Array.from({ length: Math.min(25, count - start) }, (_, i) =>
        uploadSmallFile(
          graph,
          String(drive.id),
          '',
          `file-${String(start + i).padStart(3, '0')}.txt`,
          new Blob(['x'], { type: 'text/plain' })
        )
      )
    );
  }
  return { id: String(list.id), listUrl: decodeURI(String(list.webUrl)) };
}

beforeAll(async () => {
  tenant = await startTestTenant(60);
  services = createFilePlanServices({
    graph: tenant.graph('site-owner'),
    site: tenant.site('site-owner', '/sites/finance'),
    recordsSiteUrl: `${tenant.url}/sites/records`
  });
  // A library of its own: 250 files, none labelled (three chunks of 100).
  ({ id: libraryId, listUrl } = await libraryWithFiles('Bulk Test', 250));
});

afterAll(async () => {
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

  it('exports the file plan as the import CSV, and the export checks as valid apart from names already taken', async () => {
    const exported = await services.exportFilePlan();
    expect(exported.text.startsWith('\uFEFFLabelName,Comment,Notes,')).toBe(true);
    const check = await services.checkImport('export.csv', new TextEncoder().encode(exported.text));
    expect(check.ok).toBe(false);
    expect(new Set(check.issues.map((i) => i.rule))).toEqual(new Set(['labelNameTaken']));
  });

  it('checks an import file with the row and column of every error, creating nothing', async () => {
    const before = (await listRetentionLabels(tenant.graph('admin'))).length;
    const check = await services.checkImport(
      'bad.csv',
      csv([
        { LabelName: '', RetentionAction: 'Keep', RetentionDuration: '30', RetentionType: 'CreationAgeInDays' },
        { LabelName: 'Good Name', RetentionAction: 'Keep', RetentionDuration: 'forty', RetentionType: 'CreationAgeInDays' },
        { LabelName: 'Invoices - 7 Years' }
      ])
    );
    expect(check.ok).toBe(false);
    const where = check.issues.filter((i) => i.severity === 'error').map((i) => `${i.row}:${i.column}`);
    expect(where).toEqual(expect.arrayContaining(['2:LabelName', '3:RetentionDuration', '4:LabelName']));
    expect(check.labels).toEqual([]);
    expect((await listRetentionLabels(tenant.graph('admin'))).length).toBe(before);
  });

  it('says who can create labels when the site owner may not, and creates nothing', async () => {
    const bytes = csv([{ LabelName: 'Board Papers', DepartmentName: 'Board Office' }]);
    const check = await services.checkImport('good.csv', bytes);
    expect(check.ok).toBe(true);
    expect(check.templatesToCreate).toEqual([{ kind: 'department', name: 'Board Office' }]);
    const outcome = await services.importLabels(check, bytes);
    expect(outcome.status).toBe('notAllowed');
    if (outcome.status === 'notAllowed') expect(outcome.whoCan).toMatch(/Retention Management role/);
    expect((await listRetentionLabels(tenant.graph('admin'))).some((l) => l.displayName === 'Board Papers')).toBe(false);
  });

  it('creates the labels (and their descriptors) for a records manager', async () => {
    const manager = createFilePlanServices({
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
    const check = await manager.checkImport('good.csv', bytes);
    const created: string[] = [];
    const outcome = await manager.importLabels(check, bytes, (name) => created.push(name));
    expect(outcome).toEqual({ status: 'created', created: ['Board Papers', 'Board Drafts'] });
    expect(created).toEqual(['Board Papers', 'Board Drafts']);
    const labels = await listRetentionLabels(tenant.graph('admin'));
    expect(labels.find((l) => l.displayName === 'Board Papers')?.descriptors?.department?.displayName).toBe('Board Office');
  });
});

describe('libraries', () => {
  it('lists the libraries with their defaults, and saves a plan that sets the default label', async () => {
    const snapshot = await services.loadLibraries();
    expect(snapshot.libraries.map((l) => l.name)).toEqual(['Audit Reports', 'Bulk Test', 'Documents', 'Invoices']);
    expect(snapshot.libraries.find((l) => l.name === 'Invoices')?.defaultRetentionLabel).toBe('Invoices - 7 Years');
    expect(snapshot.libraries.find((l) => l.name === 'Invoices')?.columns.map((c) => c.name)).toEqual([
      'Title',
      'Department',
      'DocumentType',
      'ReferenceNumber'
    ]);
    const general = snapshot.sensitivityLabels.find((s) => s.name === 'General');
    const saved = await services.applyLibraryPlan({
      libraryId,
      retentionLabel: label,
      sensitivityLabelId: general?.id ?? null,
      requiredColumns: ['Title']
    });
    expect(saved).toMatchObject({ defaultRetentionLabel: label, defaultSensitivityLabel: { name: 'General' }, requiredColumns: ['Title'] });
    expect((await getListComplianceTag(tenant.site('admin', '/sites/finance'), listUrl))?.TagName).toBe(label);
    // The sensitivity default reaches the library in SharePoint.
    expect(await getListDefaultSensitivityLabel(tenant.site('admin', '/sites/finance'), libraryId)).toBe(general?.id);
    const again = await services.loadLibraries();
    expect(again.libraries.find((l) => l.id === libraryId)).toMatchObject({
      defaultRetentionLabel: label,
      defaultSensitivityLabel: { name: 'General' },
      requiredColumns: ['Title']
    });
    // The tab shows the library's actual default, also when it was changed in SharePoint rather than by a plan.
    await setListDefaultSensitivityLabel(tenant.site('admin', '/sites/finance'), libraryId, null);
    const changed = await services.loadLibraries();
    expect(changed.libraries.find((l) => l.id === libraryId)?.defaultSensitivityLabel).toBeNull();
  });

  it('labels the existing items, resuming a cancelled run where it stopped', async () => {
    const controller = new AbortController();
    const seen: BulkProgress[] = [];
    const first = await services.applyDefaultToExistingItems(
      libraryId,
      (p) => {
        seen.push(p);
        if (p.done >= 100) controller.abort();
      },
      { signal: controller.signal }
    );
    expect(first.status).toBe('cancelled');
    expect(first.notDone).toBeGreaterThan(0);
    const stopped = (await services.loadLibraries()).libraries.find((l) => l.id === libraryId)?.unfinishedJob;
    expect(stopped).toMatchObject({ label, total: 250, status: 'cancelled' });
    expect(stopped?.done).toBe(first.labelled + first.failed.length);

    const resumedFrom: number[] = [];
    const second = await services.applyDefaultToExistingItems(libraryId, (p) => resumedFrom.push(p.done));
    expect(second).toMatchObject({ status: 'completed', total: 250, labelled: 250, failed: [], notDone: 0, resumed: true });
    expect(resumedFrom[0]).toBe(stopped?.done);
    expect(resumedFrom[resumedFrom.length - 1]).toBe(250);
    expect((await labelsOf()).every((l) => l === label)).toBe(true);
    expect((await services.loadLibraries()).libraries.find((l) => l.id === libraryId)?.unfinishedJob).toBeUndefined();
  });

  it('starts a new run when files of a stopped run were labelled otherwise meanwhile, leaving those labels', async () => {
    const other = await libraryWithFiles('Bulk Test Two', 150);
    await services.applyLibraryPlan({ libraryId: other.id, retentionLabel: label, sensitivityLabelId: null, requiredColumns: [] });
    const controller = new AbortController();
    const first = await services.applyDefaultToExistingItems(other.id, (p) => p.done >= 100 && controller.abort(), {
      signal: controller.signal
    });
    expect(first.status).toBe('cancelled');
    // Someone labels a file the run had still to do.
    const failed = await setComplianceTagOnBulkItems(tenant.site('admin', '/sites/finance'), other.listUrl, 'Tax Records - 6 Years', [150]);
    expect(failed).toEqual([]);
    const second = await services.applyDefaultToExistingItems(other.id, () => undefined);
    expect(second).toMatchObject({ status: 'completed', total: 149, labelled: 149, resumed: false });
    const labels = await labelsOf(other.id);
    expect(labels.filter((l) => l === label)).toHaveLength(149);
    expect(labels.filter((l) => l === 'Tax Records - 6 Years')).toHaveLength(1);
    expect((await services.loadLibraries()).libraries.find((l) => l.id === other.id)?.unfinishedJob).toBeUndefined();
  });

  it("lists the libraries with SharePoint's defaults when the records site cannot be read, with why", async () => {
    const elsewhere = createFilePlanServices({
      graph: tenant.graph('site-owner'),
      site: tenant.site('site-owner', '/sites/finance'),
      recordsSiteUrl: `${tenant.url}/sites/nowhere`
    });
    const snapshot = await elsewhere.loadLibraries();
    expect(snapshot.recordsSiteError).toMatchObject({ status: 404 });
    expect(snapshot.libraries.find((l) => l.name === 'Invoices')?.defaultRetentionLabel).toBe('Invoices - 7 Years');
  });

  it('counts coverage per library, drift included', async () => {
    const coverage = await services.loadCoverage();
    const bulk = coverage.find((c) => c.libraryId === libraryId);
    expect(bulk).toMatchObject({ items: 250, labelled: 250, unlabelled: 0, records: 0, lockedRecords: 0, drift: 0 });
    for (const c of coverage) {
      expect(c.labelled + c.unlabelled).toBe(c.items);
      expect(c.lockedRecords).toBeLessThanOrEqual(c.records);
    }
  });
});

describe('helpers', () => {
  it('names sublabels under their parent and leaves out parents', () => {
    expect(
      sensitivityOptions([
        { id: 'p', name: 'Public' },
        { id: 'c', name: 'Confidential', sublabels: [{ id: 'c1', name: 'Finance' }] } as never
      ])
    ).toEqual([
      { id: 'p', name: 'Public' },
      { id: 'c1', name: 'Confidential / Finance' }
    ]);
  });

  it('offers only writable, visible columns of the library', () => {
    expect(
      requirableColumns([
        { name: 'Title', displayName: 'Title' },
        { name: 'ComplianceAssetId', displayName: 'Compliance Asset Id' },
        { name: 'Hidden', hidden: true },
        { name: 'Calc', readOnly: true },
        { name: '_Private' }
      ])
    ).toEqual([{ name: 'Title', displayName: 'Title' }]);
  });

  it('names a run by what finds its items again, and reads it back, label spaces and all', () => {
    const job = { listId: 'b45e3d74-bbde-42bc-8597-468e191906be', startedAt: 1767225600000, maxItemId: 520, label: "O'Brien - 7 Years" };
    expect(applyDefaultJobId(job)).toBe("applyDefault b45e3d74-bbde-42bc-8597-468e191906be 1767225600000 520 O'Brien - 7 Years");
    expect(parseApplyDefaultJobId(applyDefaultJobId(job))).toEqual(job);
    expect(parseApplyDefaultJobId('nightly index')).toBeUndefined();
  });

  it('counts the items a checkpoint has settled, the last chunk short', () => {
    expect(doneItems({ total: 250, chunkSize: 100, doneThrough: 1, doneAhead: [2] })).toBe(150);
    expect(doneItems({ total: 250, chunkSize: 100, doneThrough: 3, doneAhead: [] })).toBe(250);
  });
});
