import { getList } from '../../graph/lists/getList';
import { getListDefaultSensitivityLabel } from '../../sharepoint/listDefaultSensitivityLabel';
import { getListComplianceTag } from '../../sharepoint/policyStore/getListComplianceTag';
import { stoppedJobFor, unfinishedJobOf, type AppliedJob, type UnfinishedJob } from '../bulkLabel/unfinishedJobs';
import type { LibraryPlan } from './libraryPlansList';
import { librarySensitivityOptions, type LibrarySensitivityOption } from './librarySensitivityOptions';
import { requirableColumns, type ColumnOption } from './requirableColumns';
import type { LibraryRef } from './siteLibraries';
import type { SiteScope } from './siteScope';

export interface LibrarySummary {
  /** The list's id (a GUID). */
  id: string;
  name: string;
  webUrl: string;
  defaultRetentionLabel: string | null;
  defaultSensitivityLabel: LibrarySensitivityOption | null;
  /** Internal names of the columns a person must fill in when declaring into it. */
  requiredColumns: string[];
  /** Columns that can be made required. */
  columns: ColumnOption[];
  unfinishedJob?: UnfinishedJob;
}

/** A library as its plan shows it: SharePoint's defaults, the plan's required columns, and a stopped bulk run. */
export async function summariseLibrary(
  scope: SiteScope,
  library: LibraryRef,
  plan: LibraryPlan | undefined,
  jobs: readonly AppliedJob[],
  signal?: AbortSignal
): Promise<LibrarySummary> {
  const [tag, sensitivityId, list, sensitivity] = await Promise.all([
    getListComplianceTag(scope.site, library.listUrl, signal),
    // The library's own default (SharePoint), not the plan's copy: it is what SharePoint applies.
    getListDefaultSensitivityLabel(scope.site, library.ref.listId, signal),
    getList(scope.graph, library.ref, { signal }),
    scope.sensitivityLabels().then(librarySensitivityOptions)
  ]);
  const defaultRetentionLabel = tag?.TagName || null;
  const stopped = stoppedJobFor(jobs, library.id, defaultRetentionLabel);
  return {
    id: library.id,
    name: library.name,
    webUrl: library.webUrl,
    defaultRetentionLabel,
    defaultSensitivityLabel: sensitivityId
      ? (sensitivity.find((s) => s.id === sensitivityId) ?? { id: sensitivityId, name: sensitivityId })
      : null,
    requiredColumns: plan?.requiredColumns ?? [],
    columns: requirableColumns(list.columns ?? []),
    ...(stopped ? { unfinishedJob: unfinishedJobOf(stopped) } : {})
  };
}
