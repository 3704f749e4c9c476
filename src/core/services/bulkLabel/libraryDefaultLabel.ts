import { getListComplianceTag } from '../../sharepoint/policyStore/getListComplianceTag';
import { refusalError } from '../declareRecord/refusalError';
import { findSiteLibrary, type LibraryRef } from '../libraryPlan/siteLibraries';
import type { SiteScope } from '../libraryPlan/siteScope';

/**
 * A library of the site and its default retention label, which labelling its existing items applies; refused
 * (`noDefaultLabel`, with `what` as the first sentence) when it has none. Permission: Sites.Read.All.
 */
export async function libraryDefaultLabel(
  scope: SiteScope,
  libraryId: string,
  what: (libraryName: string) => string,
  signal?: AbortSignal
): Promise<{ lib: LibraryRef; label: string }> {
  const lib = await findSiteLibrary(scope, libraryId, signal);
  const label = (await getListComplianceTag(scope.site, lib.listUrl, signal))?.TagName;
  if (!label)
    throw refusalError({
      code: 'noDefaultLabel',
      what: what(lib.name),
      why: 'The library has no default retention label.',
      whatToDo: "Set the library's default label in its plan first."
    });
  return { lib, label };
}
