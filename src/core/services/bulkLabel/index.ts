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
