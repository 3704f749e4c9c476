import type { CallOptions } from '../../graph/GraphCall';
import { getAvailableTagsForSite } from '../../sharepoint/policyStore/getAvailableTagsForSite';
import { readApplyDefaultJobs } from '../bulkLabel/unfinishedJobs';
import { libraryPlansList } from './libraryPlansList';
import { librarySensitivityOptions, type LibrarySensitivityOption } from './librarySensitivityOptions';
import { listSiteLibraries } from './siteLibraries';
import type { SiteScope } from './siteScope';
import { summariseLibrary, type LibrarySummary } from './summariseLibrary';

/** A retention label published to the site, which can be a library's default. */
export interface LabelOption {
  name: string;
  isRecord: boolean;
}

export interface LibrariesSnapshot {
  libraries: LibrarySummary[];
  /**
   * Why Custodian's own state on the records site (required metadata, stopped bulk runs) could
   * not be read; the libraries still show SharePoint's default labels.
   */
  recordsSiteError?: unknown;
  retentionLabels: LabelOption[];
  sensitivityLabels: LibrarySensitivityOption[];
}

/**
 * The site's libraries with their defaults, plans and stopped bulk runs, and the labels a library can default to.
 * Permission: Sites.Read.All on the site and the records site; InformationProtectionPolicy.Read for sensitivity labels.
 */
export async function readLibraries(scope: SiteScope, options: CallOptions = {}): Promise<LibrariesSnapshot> {
  const signal = options.signal;
  // Custodian's own state is on the records site; when it cannot be read, SharePoint's defaults still show, and the
  // snapshot says what is missing and why.
  const ownState = Promise.all([
    scope.recordsSite().then(async (r) => r.list(libraryPlansList).query({ siteId: await scope.siteId() }, { signal })),
    scope.recordsSite().then((r) => readApplyDefaultJobs(r, signal))
  ]).then(
    ([plans, jobs]) => ({ plans, jobs, error: undefined }),
    (error: unknown) => ({ plans: [], jobs: [], error })
  );
  const [libraries, tags, sensitivity, state] = await Promise.all([
    listSiteLibraries(scope, signal),
    getAvailableTagsForSite(scope.site, signal),
    scope.sensitivityLabels().then(librarySensitivityOptions),
    ownState
  ]);
  const byList = new Map(state.plans.map((entry) => [entry.value.listId, entry.value]));
  const summaries = await Promise.all(libraries.map((lib) => summariseLibrary(scope, lib, byList.get(lib.id), state.jobs, signal)));
  return {
    ...(state.error !== undefined ? { recordsSiteError: state.error } : {}),
    libraries: summaries,
    retentionLabels: tags.map((t) => ({ name: t.TagName, isRecord: t.BlockEdit === true })).sort((a, b) => a.name.localeCompare(b.name)),
    sensitivityLabels: sensitivity
  };
}
