import { getList } from '../../graph/lists/getList';
import { missingEmailColumns, unindexedEmailColumns } from '../fileMessage/emailColumns';
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
  email: LibraryEmailSetup;
}

/** Whether Outlook users can file email into the library, and what Custodian adds to make it take email. */
export interface LibraryEmailSetup {
  takesEmail: boolean;
  /** The email columns the library lacks, added when a site owner makes it take email. */
  missingColumns: { name: string; displayName: string; kind: 'text' | 'dateTime' }[];
  /** Email columns the library has that Custodian indexes (internal names), so filing can look messages up by them. */
  columnsToIndex: string[];
}

/** A library as its plan shows it: SharePoint's defaults, the plan's required columns, and a stopped bulk run. */
export async function summariseLibrary(
  scope: SiteScope,
  library: LibraryRef,
  plan: LibraryPlan | undefined,
  jobs: readonly AppliedJob[],
  signal?: AbortSignal
): Promise<LibrarySummary> {
  const [tag, sensitivityId, list, sensitivity, onRecordsSite] = await Promise.all([
    getListComplianceTag(scope.site, library.listUrl, signal),
    // The library's own default (SharePoint), not the plan's copy: it is what SharePoint applies.
    getListDefaultSensitivityLabel(scope.site, library.ref.listId, signal),
    getList(scope.graph, library.ref, { signal }),
    scope.sensitivityLabels().then(librarySensitivityOptions),
    scope.recordsSite().then(
      (records) => records.siteId === library.ref.siteId,
      () => false
    )
  ]);
  const missing = missingEmailColumns(list.columns ?? []);
  const toIndex = unindexedEmailColumns(list.columns ?? []);
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
    // As the Outlook pane finds them (emailLibraries): the email columns, and a plan or a place on the records site.
    email: {
      takesEmail: missing.length === 0 && toIndex.length === 0 && (plan !== undefined || onRecordsSite),
      columnsToIndex: toIndex.map((c) => c.name),
      missingColumns: missing.map((c) => ({
        name: String(c.name),
        displayName: String(c.displayName ?? c.name),
        kind: c.dateTime ? 'dateTime' : 'text'
      }))
    },
    ...(stopped ? { unfinishedJob: unfinishedJobOf(stopped) } : {})
  };
}
