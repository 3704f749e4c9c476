import type { ListItem } from '@microsoft/microsoft-graph-types';
import { listAll } from '../../../../../src/core/graph/iteratePages';
import type { GraphGateway } from '../../../../../src/core/graph/GraphGateway';
import type { Library } from '../../support/servicesTenant';

/** The files of a library as list items (id and file name), as SetComplianceTagOnBulkItems takes them. */
export async function libraryFileItems(graph: GraphGateway, library: Library): Promise<{ id: number; name: string }[]> {
  const rows = await listAll<ListItem>(graph, {
    method: 'GET',
    url: `/sites/${encodeURIComponent(library.siteId)}/lists/${library.listId}/items?$expand=fields($select=FileLeafRef)&$top=200`,
    action: 'list the files'
  });
  return (
    rows
      // Files only: a folder's name has no extension here.
      .filter((r) => /\.\w+$/.test(String((r.fields as Record<string, unknown>).FileLeafRef)))
      .map((r) => ({ id: Number(r.id), name: String((r.fields as Record<string, unknown>).FileLeafRef) }))
  );
}
