import type { CallOptions } from '../../graph/GraphCall';
import { createListColumn } from '../../graph/lists/createListColumn';
import { getList } from '../../graph/lists/getList';
import { CustodianError } from '../../http/CustodianError';
import { getListDefaultSensitivityLabel } from '../../sharepoint/listDefaultSensitivityLabel';
import { getListComplianceTag } from '../../sharepoint/policyStore/getListComplianceTag';
import { readApplyDefaultJobs } from '../bulkLabel/unfinishedJobs';
import { indexListColumn } from '../../graph/lists/indexListColumn';
import { missingEmailColumns, unindexedEmailColumns } from '../fileMessage/emailColumns';
import { libraryKeyOf, libraryPlansList, type LibraryPlan } from './libraryPlansList';
import { findSiteLibrary } from './siteLibraries';
import type { SiteScope } from './siteScope';
import { summariseLibrary, type LibrarySummary } from './summariseLibrary';

/** What making a library take email did: the columns added (none when it had them) and the library as it is now. */
export interface TakeEmailResult {
  addedColumns: string[];
  library: LibrarySummary;
}

/**
 * Sets a library up for filed email, as the site owner confirmed after seeing `LibrarySummary.email.missingColumns`:
 * adds the email columns it lacks (read again first, so a column added meanwhile is not added twice) and indexes the
 * internet message id column if an earlier setup left it unindexed, then saves a
 * library plan for it if it has none (its current defaults, nothing required), which is how the Outlook pane finds it.
 * Existing items and the library's defaults are not changed. A column that fails stops the run; those added stay
 * (they are empty columns), and running it again adds the rest.
 * Permission: Sites.Manage.All on the library's site (list-post-columns, columndefinition-update); Sites.ReadWrite.All
 * on the records site.
 */
export async function takeEmail(scope: SiteScope, libraryId: string, options: CallOptions = {}): Promise<TakeEmailResult> {
  const signal = options.signal;
  const library = await findSiteLibrary(scope, libraryId, signal);
  const list = await getList(scope.graph, library.ref, { signal });
  const addedColumns: string[] = [];
  for (const column of missingEmailColumns(list.columns ?? [])) {
    try {
      await createListColumn(scope.graph, library.ref, column, { signal });
      addedColumns.push(String(column.displayName));
    } catch (e) {
      // Added by someone else since the read: the library has it, which is what was wanted.
      if (!(e instanceof CustodianError && e.status === 409)) throw e;
    }
  }
  for (const column of unindexedEmailColumns(list.columns ?? [])) await indexListColumn(scope.graph, library.ref, column, { signal });
  const recordsSite = await scope.recordsSite();
  const plans = recordsSite.list(libraryPlansList);
  let plan = (await plans.find(libraryKeyOf(library.ref), { signal }))?.value;
  if (!plan) {
    const [tag, sensitivityId] = await Promise.all([
      getListComplianceTag(scope.site, library.listUrl, signal),
      getListDefaultSensitivityLabel(scope.site, library.ref.listId, signal)
    ]);
    const value: LibraryPlan = {
      libraryKey: libraryKeyOf(library.ref),
      ...library.ref,
      driveId: String(list.drive?.id ?? ''),
      libraryName: library.name,
      ...(tag?.TagName ? { defaultRetentionLabel: tag.TagName } : {}),
      ...(sensitivityId ? { defaultSensitivityLabelId: sensitivityId } : {}),
      requiredColumns: [],
      updatedAt: new Date(scope.now()).toISOString()
    };
    plan = (await plans.create(value, { signal })).value;
  }
  return {
    addedColumns,
    library: await summariseLibrary(scope, library, plan, await readApplyDefaultJobs(recordsSite, signal), signal)
  };
}
