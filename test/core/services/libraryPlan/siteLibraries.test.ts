import type { ListItem } from '@microsoft/microsoft-graph-types';
import { uploadSmallFile } from '../../../../src/core/graph/driveItems/uploadSmallFile';
import { listAll } from '../../../../src/core/graph/iteratePages';
import { listListItemsCall } from '../../../../src/core/graph/listItems/listListItems';
import { createList } from '../../../../src/core/graph/lists/createList';
import { getListDrive } from '../../../../src/core/graph/lists/getListDrive';
import { getSiteByUrl } from '../../../../src/core/graph/sites/getSiteByUrl';
import { createBulkLabelService, type BulkLabelService, type BulkProgress } from '../../../../src/core/services/bulkLabel';
import { createCoverageService, type CoverageService, type LibraryCoverageSoFar } from '../../../../src/core/services/coverage';
import { createLibraryPlanService, createSiteScope, type LibraryPlanService } from '../../../../src/core/services/libraryPlan';
import {
  getListDefaultSensitivityLabel,
  setListDefaultSensitivityLabel
} from '../../../../src/core/sharepoint/listDefaultSensitivityLabel';
import { getListComplianceTag } from '../../../../src/core/sharepoint/policyStore/getListComplianceTag';
import { setComplianceTagOnBulkItems } from '../../../../src/core/sharepoint/policyStore/setComplianceTagOnBulkItems';
import { startTestTenant, type TestTenant } from '../../support/devTenant';

// A site owner's work on one site's libraries: plans, bulk labelling of what is already there (with resume), and the
// coverage that results. Each test has its own tenant and makes the plan (and labels) it starts from.
jest.setTimeout(60_000);

const label = 'Financial Records - 7 Years';
let tenant: TestTenant;
let libraries: LibraryPlanService;
let bulkLabelling: BulkLabelService;
let coverageService: CoverageService;
let libraryId: string;
let listUrl: string;

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

beforeEach(async () => {
  tenant = await startTestTenant(60);
  const scope = createSiteScope({
    graph: tenant.graph('site-owner'),
    site: tenant.site('site-owner', '/sites/finance'),
    recordsSiteUrl: `${tenant.url}/sites/records`
  });
  libraries = createLibraryPlanService(scope);
  bulkLabelling = createBulkLabelService(scope);
  coverageService = createCoverageService(scope);
  // A library of its own: 250 files, none labelled (three chunks of 100).
  ({ id: libraryId, listUrl } = await libraryWithFiles('Bulk Test', 250));
});

afterEach(async () => {
  await tenant?.close();
});

describe('libraries', () => {
  it('lists the libraries with their defaults, and saves a plan that sets the default label', async () => {
    const snapshot = await libraries.loadLibraries();
    expect(snapshot.libraries.map((l) => l.name)).toEqual(['Audit Reports', 'Bulk Test', 'Documents', 'Invoices']);
    expect(snapshot.libraries.find((l) => l.name === 'Invoices')?.defaultRetentionLabel).toBe('Invoices - 7 Years');
    expect(snapshot.libraries.find((l) => l.name === 'Invoices')?.columns.map((c) => c.name)).toEqual([
      'Title',
      'Department',
      'DocumentType',
      'ReferenceNumber'
    ]);
    const general = snapshot.sensitivityLabels.find((s) => s.name === 'General');
    const saved = await libraries.applyLibraryPlan({
      libraryId,
      retentionLabel: label,
      sensitivityLabelId: general?.id ?? null,
      requiredColumns: ['Title']
    });
    expect(saved).toMatchObject({ defaultRetentionLabel: label, defaultSensitivityLabel: { name: 'General' }, requiredColumns: ['Title'] });
    expect((await getListComplianceTag(tenant.site('admin', '/sites/finance'), listUrl))?.TagName).toBe(label);
    // The sensitivity default reaches the library in SharePoint.
    expect(await getListDefaultSensitivityLabel(tenant.site('admin', '/sites/finance'), libraryId)).toBe(general?.id);
    const again = await libraries.loadLibraries();
    expect(again.libraries.find((l) => l.id === libraryId)).toMatchObject({
      defaultRetentionLabel: label,
      defaultSensitivityLabel: { name: 'General' },
      requiredColumns: ['Title']
    });
    // The tab shows the library's actual default, also when it was changed in SharePoint rather than by a plan.
    await setListDefaultSensitivityLabel(tenant.site('admin', '/sites/finance'), libraryId, null);
    const changed = await libraries.loadLibraries();
    expect(changed.libraries.find((l) => l.id === libraryId)?.defaultSensitivityLabel).toBeNull();
  });

  it('labels the existing items, resuming a cancelled run where it stopped', async () => {
    await libraries.applyLibraryPlan({ libraryId, retentionLabel: label, sensitivityLabelId: null, requiredColumns: [] });
    const controller = new AbortController();
    const seen: BulkProgress[] = [];
    const first = await bulkLabelling.applyDefaultToExistingItems(
      { libraryId },
      {
        signal: controller.signal,
        onProgress: (p) => {
          seen.push(p);
          if (p.done >= 100) controller.abort();
        }
      }
    );
    expect(first.status).toBe('cancelled');
    expect(first.notDone).toBeGreaterThan(0);
    const stopped = (await libraries.loadLibraries()).libraries.find((l) => l.id === libraryId)?.unfinishedJob;
    expect(stopped).toMatchObject({ label, total: 250, status: 'cancelled' });
    expect(stopped?.done).toBe(first.labelled + first.failed.length);

    const resumedFrom: number[] = [];
    // What the first run labelled carries the label when the second starts: the second counts it apart.
    const carrying = (await labelsOf()).filter((l) => l === label).length;
    expect(carrying).toBeGreaterThanOrEqual(first.labelled);
    const second = await bulkLabelling.applyDefaultToExistingItems({ libraryId }, { onProgress: (p) => resumedFrom.push(p.done) });
    expect(second).toMatchObject({
      status: 'completed',
      total: 250,
      labelled: 250 - carrying,
      alreadyCarried: carrying,
      failed: [],
      notDone: 0,
      resumed: true
    });
    expect(resumedFrom[0]).toBe(stopped?.done);
    expect(resumedFrom[resumedFrom.length - 1]).toBe(250);
    expect((await labelsOf()).every((l) => l === label)).toBe(true);
    expect((await libraries.loadLibraries()).libraries.find((l) => l.id === libraryId)?.unfinishedJob).toBeUndefined();
  });

  it('starts a new run when files of a stopped run were labelled otherwise meanwhile, leaving those labels', async () => {
    const other = await libraryWithFiles('Bulk Test Two', 150);
    await libraries.applyLibraryPlan({ libraryId: other.id, retentionLabel: label, sensitivityLabelId: null, requiredColumns: [] });
    const controller = new AbortController();
    const first = await bulkLabelling.applyDefaultToExistingItems(
      { libraryId: other.id },
      { signal: controller.signal, onProgress: (p) => p.done >= 100 && controller.abort() }
    );
    expect(first.status).toBe('cancelled');
    // Someone labels a file the run had still to do.
    const failed = await setComplianceTagOnBulkItems(tenant.site('admin', '/sites/finance'), other.listUrl, 'Tax Records - 6 Years', [150]);
    expect(failed).toEqual([]);
    const carrying = (await labelsOf(other.id)).filter((l) => l === label).length;
    const second = await bulkLabelling.applyDefaultToExistingItems({ libraryId: other.id }, { onProgress: () => undefined });
    expect(second).toMatchObject({ status: 'completed', total: 149, labelled: 149 - carrying, alreadyCarried: carrying, resumed: false });
    const labels = await labelsOf(other.id);
    expect(labels.filter((l) => l === label)).toHaveLength(149);
    expect(labels.filter((l) => l === 'Tax Records - 6 Years')).toHaveLength(1);
    expect((await libraries.loadLibraries()).libraries.find((l) => l.id === other.id)?.unfinishedJob).toBeUndefined();
  });

  it("lists the libraries with SharePoint's defaults when the records site cannot be read, with why", async () => {
    const elsewhere = createLibraryPlanService(
      createSiteScope({
        graph: tenant.graph('site-owner'),
        site: tenant.site('site-owner', '/sites/finance'),
        recordsSiteUrl: `${tenant.url}/sites/nowhere`
      })
    );
    const snapshot = await elsewhere.loadLibraries();
    expect(snapshot.recordsSiteError).toMatchObject({ status: 404 });
    expect(snapshot.libraries.find((l) => l.name === 'Invoices')?.defaultRetentionLabel).toBe('Invoices - 7 Years');
  });

  it('counts coverage per library, drift included', async () => {
    await libraries.applyLibraryPlan({ libraryId, retentionLabel: label, sensitivityLabelId: null, requiredColumns: [] });
    const labelled = await bulkLabelling.applyDefaultToExistingItems({ libraryId }, { onProgress: () => undefined });
    expect(labelled.status).toBe('completed');
    expect(labelled.labelled + labelled.alreadyCarried).toBe(250);
    const early: LibraryCoverageSoFar[][] = [];
    const coverage = await coverageService.loadCoverage({ onFilesCounted: (soFar) => early.push(soFar) });
    const bulk = coverage.find((c) => c.libraryId === libraryId);
    expect(bulk).toMatchObject({ items: 250, labelled: 250, unlabelled: 0, records: 0, lockedRecords: 0, drift: 0 });
    for (const c of coverage) {
      expect(c.labelled + c.unlabelled).toBe(c.items);
      expect(c.lockedRecords).toBeLessThanOrEqual(c.records);
    }
    // The files' figures came first, once, the same as the final ones but for the locked records not yet counted.
    expect(early).toEqual([coverage.map((c) => ({ ...c, lockedRecords: undefined }))]);
    // The seeded Audit Reports hold locked records: the count is the dev tenant's, read through each file's label.
    expect(coverage.find((c) => c.name === 'Audit Reports')?.lockedRecords).toBeGreaterThan(0);
  });
});
