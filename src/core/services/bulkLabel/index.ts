export { bulkLabel } from './bulkLabel';
export type {
  BulkLabelFailure,
  BulkLabelJob,
  BulkLabelProgress,
  BulkLabelReport,
  BulkLabelRun,
  DriveItemsTarget,
  ListItemsTarget
} from './BulkLabelJob';
export { ConcurrencyWindow } from './ConcurrencyWindow';
export { applyDefaultJobId, parseApplyDefaultJobId, type ApplyDefaultJob } from './applyDefaultJobId';
export {
  applyDefaultToExistingItems,
  type ApplyDefaultDeps,
  type ApplyDefaultOptions,
  type ApplyDefaultRequest,
  type BulkOutcome,
  type BulkProgress
} from './applyDefaultToExistingItems';
export { createBulkLabelService, type BulkLabelService, type BulkLabelServiceOptions } from './createBulkLabelService';
export { previewApplyDefault, type ApplyDefaultPreview } from './previewApplyDefault';
export { doneItems, readApplyDefaultJobs, stoppedJobFor, unfinishedJobOf, type AppliedJob, type UnfinishedJob } from './unfinishedJobs';
