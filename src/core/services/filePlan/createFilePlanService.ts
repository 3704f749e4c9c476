import type { CallOptions } from '../../graph/GraphCall';
import { checkFilePlanImport, type CheckImportRequest, type ImportCheck } from './checkFilePlanImport';
import { exportFilePlanCsv, type FilePlanCsvExport } from './exportFilePlanCsv';
import { importFilePlanLabels, type ImportLabelsOptions, type ImportLabelsRequest, type ImportOutcome } from './importFilePlanLabels';
import { readSiteFilePlan, type SiteFilePlan, type SiteFilePlanDeps } from './siteFilePlan';

/** The file plan as a site owner works with it: read it, export it, import Purview's CSV with the tenant's facts. */
export interface FilePlanService {
  /** The retention labels available to the site, with descriptors, settings and user descriptions. */
  loadFilePlan(options?: CallOptions): Promise<SiteFilePlan>;
  /** Every label of the file plan written as Purview's import CSV (what the template cannot hold is in `warnings`). */
  exportFilePlan(options?: CallOptions): Promise<FilePlanCsvExport>;
  /** Checks an import file (bytes as read from disk) against every rule and the tenant's labels and event types. */
  checkImport(request: CheckImportRequest, options?: CallOptions): Promise<ImportCheck>;
  /** Creates the labels of a checked file through Graph, in order; `notAllowed` when the account may not. */
  importLabels(request: ImportLabelsRequest, options?: ImportLabelsOptions): Promise<ImportOutcome>;
}

export type FilePlanServiceDeps = SiteFilePlanDeps;

export function createFilePlanService(deps: FilePlanServiceDeps): FilePlanService {
  return {
    loadFilePlan: (options) => readSiteFilePlan(deps, options),
    exportFilePlan: (options) => exportFilePlanCsv(deps, options),
    checkImport: (request, options) => checkFilePlanImport(deps, request, options),
    importLabels: (request, options) => importFilePlanLabels(deps, request, options)
  };
}
