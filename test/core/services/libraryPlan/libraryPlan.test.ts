import type { SensitivityLabel } from '@microsoft/microsoft-graph-types';
import type { FilePlanLabel } from '../../../../src/core/domain/filePlanLabel';
import { getListDefaultSensitivityLabel } from '../../../../src/core/sharepoint/listDefaultSensitivityLabel';
import { getListComplianceTag } from '../../../../src/core/sharepoint/policyStore/getListComplianceTag';
import { getLibraryPlan, setLibraryPlan, type LibraryPlanContext } from '../../../../src/core/services/libraryPlan';
import { recordsSiteById, type RecordsSite } from '../../../../src/core/services/recordsSite';
import { logRequests } from '../support/requestLog';
import { startServicesTenant, type Library, type ServicesTenant } from '../support/servicesTenant';

let tenant: ServicesTenant;
let audit: Library;
let records: RecordsSite;
let filePlan: FilePlanLabel[];
let sensitivity: SensitivityLabel[];
const now = Date.UTC(2026, 0, 15, 9, 0, 0);

beforeAll(async () => {
  tenant = await startServicesTenant(40);
  audit = await tenant.library('/sites/finance', 'Audit Reports');
  const recordsLibrary = await tenant.library('/sites/records', 'Records');
  records = recordsSiteById(tenant.graph('site-owner'), recordsLibrary.siteId);
  filePlan = await tenant.filePlan();
  sensitivity = await tenant.sensitivityLabels();
});
afterAll(() => tenant.close());

const context = (): LibraryPlanContext => ({
  graph: tenant.graph('site-owner'),
  site: tenant.site('site-owner', '/sites/finance'),
  recordsSite: records,
  filePlan,
  sensitivityLabels: sensitivity,
  now
});
const appliable = (): SensitivityLabel =>
  sensitivity
    .flatMap((l) => [l, ...(((l as { sublabels?: SensitivityLabel[] }).sublabels ?? []) as SensitivityLabel[])])
    .find((l) => (l as { isAppliable?: boolean }).isAppliable)!;

describe('setLibraryPlan', () => {
  it('sets the default label in SharePoint and keeps the plan on the records site', async () => {
    const library = { siteId: audit.siteId, listId: audit.listId };
    const saved = await setLibraryPlan(context(), library, {
      defaultRetentionLabel: 'Audit Working Papers - 7 Years',
      defaultSensitivityLabelId: appliable().id!,
      requiredColumns: ['Department', 'ReferenceNumber']
    });
    expect(saved.value).toMatchObject({
      libraryName: 'Audit Reports',
      defaultRetentionLabel: 'Audit Working Papers - 7 Years',
      defaultSensitivityLabelId: appliable().id,
      requiredColumns: ['Department', 'ReferenceNumber'],
      driveId: audit.driveId,
      updatedAt: '2026-01-15T09:00:00Z' // SharePoint keeps dateTime columns to the second
    });
    expect(await getListComplianceTag(tenant.site('site-owner', '/sites/finance'), audit.listUrl)).toMatchObject({
      TagName: 'Audit Working Papers - 7 Years'
    });
    expect((await getLibraryPlan(records, library))?.value).toEqual(saved.value);
    // The sensitivity default is set on the library itself, not only kept in the plan.
    expect(saved.applied).toEqual({ defaultRetentionLabel: 'Audit Working Papers - 7 Years', defaultSensitivityLabelId: appliable().id });
    expect(await getListDefaultSensitivityLabel(tenant.site('site-owner', '/sites/finance'), audit.listId)).toBe(appliable().id);

    // Two owners editing the plan from the same version: the second is told, not silently overwritten.
    const cleared = await setLibraryPlan(context(), library, {
      defaultRetentionLabel: null,
      defaultSensitivityLabelId: null,
      requiredColumns: [],
      basedOn: saved
    });
    expect(cleared.value.defaultRetentionLabel).toBeUndefined();
    expect(await getListComplianceTag(tenant.site('site-owner', '/sites/finance'), audit.listUrl)).toBeNull();
    expect(cleared.applied).toEqual({ defaultRetentionLabel: null, defaultSensitivityLabelId: null });
    expect(await getListDefaultSensitivityLabel(tenant.site('site-owner', '/sites/finance'), audit.listId)).toBeNull();
    const stale = await setLibraryPlan(context(), library, {
      defaultRetentionLabel: 'Financial Records - 7 Years',
      defaultSensitivityLabelId: null,
      requiredColumns: [],
      basedOn: saved
    }).catch((e: unknown) => e);
    expect(stale).toMatchObject({ code: 'entryChanged', status: 412 });
  });

  it('refuses an unknown label with no request, and an unknown column after reading the library only', async () => {
    const library = { siteId: audit.siteId, listId: audit.listId };
    const log = logRequests(tenant.url);
    try {
      await expect(
        setLibraryPlan(context(), library, {
          defaultRetentionLabel: `No 'such' #label`,
          defaultSensitivityLabelId: null,
          requiredColumns: []
        })
      ).rejects.toMatchObject({ code: 'unknownLabel', status: 0 });
      expect(log.count()).toBe(0);
      await expect(
        setLibraryPlan(context(), library, {
          defaultRetentionLabel: 'Tax Records - 6 Years',
          defaultSensitivityLabelId: null,
          requiredColumns: [`Bad "col" & <x>`]
        })
      ).rejects.toMatchObject({ code: 'unknownColumn' });
      expect(log.requests.map((r) => r.method)).toEqual(['GET']);
    } finally {
      log.stop();
    }
  });
});
