import type { CallOptions } from '../../graph/GraphCall';
import type { GraphGateway } from '../../graph/GraphGateway';
import type { ListRef } from '../../graph/listItems/ListRef';
import { listSiteLists } from '../../graph/lists/listSiteLists';
import { searchSites } from '../../graph/sites/searchSites';

/** A document library the disposition index reads, with the names people know it by. */
export interface TenantLibrary extends ListRef {
  siteName: string;
  libraryName: string;
}

/** Lists Custodian keeps its own state in (and its proof anchors) are never indexed for disposition. */
const custodianOwn = /^Custodian /;

/** Every visible document library of every site the user can see, Custodian's own lists left out. */
export async function listTenantLibraries(graph: GraphGateway, options: CallOptions = {}): Promise<TenantLibrary[]> {
  const out: TenantLibrary[] = [];
  for (const site of await searchSites(graph, '*', options)) {
    if (!site.id) continue;
    for (const list of await listSiteLists(graph, site.id, options)) {
      if (!list.id || list.list?.template !== 'documentLibrary' || list.list.hidden === true) continue;
      // list-list's example names a library by `name` only ("Documents"); `displayName` is what the site shows.
      const libraryName = list.displayName ?? list.name ?? list.id;
      if (custodianOwn.test(libraryName)) continue;
      out.push({
        siteId: site.id,
        listId: list.id,
        siteName: site.displayName ?? site.name ?? site.id,
        libraryName
      });
    }
  }
  return out;
}
