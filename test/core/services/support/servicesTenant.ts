import type { DriveItem, SensitivityLabel } from '@microsoft/microsoft-graph-types';
import type { FilePlanLabel } from '../../../../src/core/domain/filePlanLabel';
import { retentionLabelFromGraph } from '../../../../src/core/domain/retentionLabelFromGraph';
import { uploadSmallFile } from '../../../../src/core/graph/driveItems/uploadSmallFile';
import type { GraphGateway } from '../../../../src/core/graph/GraphGateway';
import { findListByName } from '../../../../src/core/graph/lists/findListByName';
import { listRetentionLabels } from '../../../../src/core/graph/retentionLabels/listRetentionLabels';
import { listSensitivityLabels } from '../../../../src/core/graph/sensitivityLabels/listSensitivityLabels';
import { getSiteByUrl } from '../../../../src/core/graph/sites/getSiteByUrl';
import { startTestTenant, type TestTenant } from '../../support/devTenant';

export interface Library {
  siteId: string;
  listId: string;
  driveId: string;
  siteUrl: string;
  /** Absolute URL of the library's root folder, as SPPolicyStoreProxy takes it. */
  listUrl: string;
}

export interface ServicesTenant extends TestTenant {
  library(sitePath: string, title: string): Promise<Library>;
  filePlan(): Promise<FilePlanLabel[]>;
  sensitivityLabels(): Promise<SensitivityLabel[]>;
  upload(library: Library, name: string, text?: string, graph?: GraphGateway): Promise<DriveItem>;
}

/** The dev tenant for the service tests, with the look-ups every suite needs. */
export async function startServicesTenant(items = 60): Promise<ServicesTenant> {
  const tenant = await startTestTenant(items);
  let plan: FilePlanLabel[] | undefined;
  return {
    ...tenant,
    async library(sitePath, title) {
      const graph = tenant.graph('site-owner');
      const siteUrl = `${tenant.url}${sitePath}`;
      const site = await getSiteByUrl(graph, siteUrl);
      const list = await findListByName(graph, String(site.id), title);
      if (!list) throw new Error(`No library '${title}' on ${sitePath}`);
      const drive = await graph.call<{ id: string }>({
        method: 'GET',
        url: `/sites/${encodeURIComponent(String(site.id))}/lists/${String(list.id)}/drive`,
        action: 'open the library'
      });
      return { siteId: String(site.id), listId: String(list.id), driveId: drive.id, siteUrl, listUrl: decodeURI(String(list.webUrl)) };
    },
    async filePlan() {
      if (!plan) {
        const labels = await listRetentionLabels(tenant.graph('records-manager'));
        plan = labels.map((l) => {
          const r = retentionLabelFromGraph(l);
          if (!r.ok) throw new Error(r.reasons.join('; '));
          return r.label;
        });
      }
      return plan;
    },
    sensitivityLabels: () => listSensitivityLabels(tenant.graph('office-worker')),
    upload: (library, name, text = 'hello', graph = tenant.graph('office-worker')) =>
      uploadSmallFile(graph, library.driveId, '', name, new Blob([text], { type: 'text/plain' }), { conflictBehavior: 'rename' })
  };
}
