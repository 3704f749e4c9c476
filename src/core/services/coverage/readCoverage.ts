import type { CallOptions } from '../../graph/GraphCall';
import { getListComplianceTag } from '../../sharepoint/policyStore/getListComplianceTag';
import { sameLabelName } from '../filePlan/sameLabelName';
import { readLibraryFiles } from '../libraryPlan/libraryFiles';
import { listSiteLibraries } from '../libraryPlan/siteLibraries';
import type { SiteScope } from '../libraryPlan/siteScope';
import { countLockedRecords } from './countLockedRecords';

export interface LibraryCoverage {
  libraryId: string;
  name: string;
  defaultRetentionLabel: string | null;
  /** Files (folders are not counted). */
  items: number;
  labelled: number;
  unlabelled: number;
  records: number;
  lockedRecords: number;
  /** Items whose label is not the library's default (unlabelled ones included); 0 when it has no default. */
  drift: number;
}

/**
 * How much of each library of the site is labelled, how much is a record, and how far it drifts from its default.
 * Permission: Sites.Read.All.
 */
export async function readCoverage(
  scope: Pick<SiteScope, 'graph' | 'site' | 'siteId'>,
  options: CallOptions = {}
): Promise<LibraryCoverage[]> {
  const signal = options.signal;
  const libraries = await listSiteLibraries(scope, signal);
  return Promise.all(
    libraries.map(async (lib): Promise<LibraryCoverage> => {
      const [tag, items] = await Promise.all([
        getListComplianceTag(scope.site, lib.listUrl, signal),
        readLibraryFiles(scope.graph, lib, signal)
      ]);
      const defaultLabel = tag?.TagName || null;
      const labelled = items.filter((i) => i.label !== '');
      const recordItems = items.filter((i) => i.isRecord);
      const withDefault = defaultLabel ? items.filter((i) => sameLabelName(i.label, defaultLabel)).length : 0;
      return {
        libraryId: lib.id,
        name: lib.name,
        defaultRetentionLabel: defaultLabel,
        items: items.length,
        labelled: labelled.length,
        unlabelled: items.length - labelled.length,
        records: recordItems.length,
        lockedRecords: await countLockedRecords(scope.graph, lib, recordItems, signal),
        drift: defaultLabel ? items.length - withDefault : 0
      };
    })
  );
}
