import { createBulkLabelService, type BulkLabelService } from '../../core/services/bulkLabel/createBulkLabelService';
import { createCoverageService, type CoverageService } from '../../core/services/coverage/createCoverageService';
import { createFilePlanService, type FilePlanService } from '../../core/services/filePlan/createFilePlanService';
import { createLibraryPlanService, type LibraryPlanService } from '../../core/services/libraryPlan/createLibraryPlanService';
import type { SiteScope } from '../../core/services/libraryPlan/siteScope';

export type {
  ApplyDefaultOptions,
  ApplyDefaultPreview,
  ApplyDefaultRequest,
  BulkOutcome,
  BulkProgress,
  UnfinishedJob
} from '../../core/services/bulkLabel';
export type { LibraryCoverage, LibraryCoverageSoFar } from '../../core/services/coverage';
export type {
  CheckImportRequest,
  ImportCheck,
  ImportLabelsOptions,
  ImportLabelsRequest,
  ImportOutcome,
  NotAllowedToCreate,
  SiteFilePlan as FilePlanSnapshot,
  SiteLabel
} from '../../core/services/filePlan';
export type {
  ColumnOption,
  LabelOption,
  LibrariesSnapshot,
  LibraryEmailSetup,
  LibraryPlanChange,
  LibrarySensitivityOption as SensitivityOption,
  LibrarySummary,
  TakeEmailResult
} from '../../core/services/libraryPlan';

export interface CallOptions {
  signal?: AbortSignal;
}

/**
 * What the file plan app asks of Microsoft 365, for one site: the core's file plan, library plan, coverage and bulk
 * labelling services together. The composition roots build them (the web part from SPFx's context, the workbench on
 * the dev tenant), so the app and its tests never see a gateway, a URL or fetch.
 * Every method rejects with a `CustodianError` (what, why, what to do) when the service refuses or cannot be reached.
 */
export type FilePlanServices = FilePlanService & LibraryPlanService & CoverageService & BulkLabelService;

/** The app's services for the site a scope configures; the web part and the workbench build theirs with it. */
export function composeFilePlanServices(scope: SiteScope): FilePlanServices {
  return {
    ...createFilePlanService(scope),
    ...createLibraryPlanService(scope),
    ...createCoverageService(scope),
    ...createBulkLabelService(scope)
  };
}
