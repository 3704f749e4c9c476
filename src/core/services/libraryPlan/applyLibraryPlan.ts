import type { CallOptions } from '../../graph/GraphCall';
import { readApplyDefaultJobs } from '../bulkLabel/unfinishedJobs';
import { readFilePlan } from '../filePlan/readFilePlan';
import { setLibraryPlan } from './setLibraryPlan';
import { findSiteLibrary } from './siteLibraries';
import type { SiteScope } from './siteScope';
import { summariseLibrary, type LibrarySummary } from './summariseLibrary';

/** A site owner's plan for one library, as the plan dialog saves it. */
export interface LibraryPlanChange {
  libraryId: string;
  /** The default retention label's name; null clears it. */
  retentionLabel: string | null;
  sensitivityLabelId: string | null;
  requiredColumns: string[];
}

/** Saves a library's plan and sets its defaults (see `setLibraryPlan`); answers the library as saved. */
export async function applyLibraryPlan(scope: SiteScope, change: LibraryPlanChange, options: CallOptions = {}): Promise<LibrarySummary> {
  const signal = options.signal;
  const library = await findSiteLibrary(scope, change.libraryId, signal);
  const [recordsSite, filePlan, sensitivityLabels] = await Promise.all([
    scope.recordsSite(),
    readFilePlan(scope.graph, { signal }).then((plan) => plan.labels),
    scope.sensitivityLabels()
  ]);
  const saved = await setLibraryPlan(
    { graph: scope.graph, site: scope.site, recordsSite, filePlan, sensitivityLabels, now: scope.now(), signal },
    library.ref,
    {
      defaultRetentionLabel: change.retentionLabel,
      defaultSensitivityLabelId: change.sensitivityLabelId,
      requiredColumns: change.requiredColumns
    }
  );
  return summariseLibrary(scope, library, saved.value, await readApplyDefaultJobs(recordsSite, signal), signal);
}
