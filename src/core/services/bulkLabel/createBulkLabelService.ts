import type { CallOptions } from '../../graph/GraphCall';
import type { CheckpointStore } from '../jobs/CheckpointStore';
import { createRecordsSiteCheckpointStore } from '../jobs/createRecordsSiteCheckpointStore';
import type { SiteScope } from '../libraryPlan/siteScope';
import {
  applyDefaultToExistingItems,
  type ApplyDefaultOptions,
  type ApplyDefaultRequest,
  type BulkOutcome
} from './applyDefaultToExistingItems';
import { previewApplyDefault, type ApplyDefaultPreview } from './previewApplyDefault';

/** Bulk labelling as a site owner starts it: a library's default label onto the files already in it. */
export interface BulkLabelService {
  /**
   * Labels the library's existing items with its default label (items with no label, or already carrying it;
   * items labelled otherwise keep their label). Resumes a run that stopped; cancelled through `signal`.
   */
  applyDefaultToExistingItems(request: ApplyDefaultRequest, options?: ApplyDefaultOptions): Promise<BulkOutcome>;
  /** What `applyDefaultToExistingItems` would change (how many files, how many past retention at once); writes nothing. */
  previewApplyDefault(request: ApplyDefaultRequest, options?: CallOptions): Promise<ApplyDefaultPreview>;
}

export interface BulkLabelServiceOptions {
  /** Bulk calls (100 items each) in flight at once; a person's browser keeps it low (default 2). */
  maxConcurrency?: number;
}

export function createBulkLabelService(scope: SiteScope, options: BulkLabelServiceOptions = {}): BulkLabelService {
  let store: CheckpointStore | undefined;
  const checkpoints = async (): Promise<CheckpointStore> => (store ??= createRecordsSiteCheckpointStore(await scope.recordsSite()));
  const deps = { scope, checkpoints, maxConcurrency: options.maxConcurrency ?? 2 };
  return {
    applyDefaultToExistingItems: (request, callOptions) => applyDefaultToExistingItems(deps, request, callOptions),
    previewApplyDefault: (request, callOptions) => previewApplyDefault(scope, request, callOptions)
  };
}
