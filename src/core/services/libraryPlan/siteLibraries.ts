import type { ListRef } from '../../graph/listItems/ListRef';
import { listSiteLists } from '../../graph/lists/listSiteLists';
import { refusalError } from '../declareRecord/refusalError';
import type { SiteScope } from './siteScope';

/** A document library of the site being configured. */
export interface LibraryRef {
  id: string;
  name: string;
  webUrl: string;
  /** The library's root folder as an absolute, unencoded URL, as SharePoint's policy store methods take it. */
  listUrl: string;
  ref: ListRef;
}

/** The site's visible document libraries, by name. */
export async function listSiteLibraries(scope: Pick<SiteScope, 'graph' | 'siteId'>, signal?: AbortSignal): Promise<LibraryRef[]> {
  const siteId = await scope.siteId();
  const lists = await listSiteLists(scope.graph, siteId, { signal });
  return lists
    .filter((l) => l.list?.template === 'documentLibrary' && !l.list?.hidden && l.id && l.webUrl)
    .map((l) => ({
      id: String(l.id),
      name: l.displayName || l.name || String(l.id),
      webUrl: String(l.webUrl),
      listUrl: decodeURI(String(l.webUrl)),
      ref: { siteId, listId: String(l.id) }
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** One library of the site; `libraryNotFound` when it has gone since the page listed it. */
export async function findSiteLibrary(
  scope: Pick<SiteScope, 'graph' | 'siteId'>,
  libraryId: string,
  signal?: AbortSignal
): Promise<LibraryRef> {
  const found = (await listSiteLibraries(scope, signal)).find((l) => l.id === libraryId);
  if (!found)
    throw refusalError({
      code: 'libraryNotFound',
      what: "Custodian couldn't find the library.",
      why: 'It may have been deleted or renamed since the page was loaded.',
      whatToDo: 'Reload the page.'
    });
  return found;
}
