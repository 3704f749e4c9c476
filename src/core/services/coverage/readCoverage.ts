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

/** A library's coverage before its locked records are counted (`lockedRecords` is then `undefined`). */
export type LibraryCoverageSoFar = Omit<LibraryCoverage, 'lockedRecords'> & { lockedRecords: number | undefined };

export interface ReadCoverageOptions extends CallOptions {
  /**
   * Called once every library's files are counted, before the locked records are: those need a request per record
   * (the list item fields do not say whether a record is locked), which takes seconds at tens of thousands of items,
   * so a page can show the rest at once.
   */
  onFilesCounted?(coverage: LibraryCoverageSoFar[]): void;
}

/**
 * How much of each library of the site is labelled, how much is a record, and how far it drifts from its default.
 * Permission: Sites.Read.All.
 */
export async function readCoverage(
  scope: Pick<SiteScope, 'graph' | 'site' | 'siteId'>,
  options: ReadCoverageOptions = {}
): Promise<LibraryCoverage[]> {
  const signal = options.signal;
  const libraries = await listSiteLibraries(scope, signal);
  const counted = await Promise.all(
    libraries.map(async (lib) => {
      const [tag, items] = await Promise.all([
        getListComplianceTag(scope.site, lib.listUrl, signal),
        readLibraryFiles(scope.graph, lib, signal)
      ]);
      const defaultLabel = tag?.TagName || null;
      const labelled = items.filter((i) => i.label !== '').length;
      const recordItems = items.filter((i) => i.isRecord);
      const withDefault = defaultLabel ? items.filter((i) => sameLabelName(i.label, defaultLabel)).length : 0;
      const coverage: LibraryCoverageSoFar = {
        libraryId: lib.id,
        name: lib.name,
        defaultRetentionLabel: defaultLabel,
        items: items.length,
        labelled,
        unlabelled: items.length - labelled,
        records: recordItems.length,
        lockedRecords: undefined,
        drift: defaultLabel ? items.length - withDefault : 0
      };
      return { lib, coverage, recordItems };
    })
  );
  options.onFilesCounted?.(counted.map(({ coverage }) => coverage));
  return Promise.all(
    counted.map(async ({ lib, coverage, recordItems }) => ({
      ...coverage,
      lockedRecords: await countLockedRecords(scope.graph, lib, recordItems, signal)
    }))
  );
}
