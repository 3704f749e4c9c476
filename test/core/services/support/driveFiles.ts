import type { DriveItem } from '@microsoft/microsoft-graph-types';
import type { GraphGateway } from '../../../../src/core/graph/GraphGateway';
import { iteratePages } from '../../../../src/core/graph/iteratePages';

/** Every file (not folder) of a drive, through its delta, in the order the service lists them. */
export async function driveFiles(graph: GraphGateway, driveId: string): Promise<{ driveId: string; itemId: string; name: string }[]> {
  const out: { driveId: string; itemId: string; name: string }[] = [];
  for await (const page of iteratePages<DriveItem>(graph, {
    method: 'GET',
    url: `/drives/${encodeURIComponent(driveId)}/root/delta?$top=999`,
    action: 'list the files'
  }))
    for (const item of page.items) if (item.file && !item.deleted) out.push({ driveId, itemId: String(item.id), name: String(item.name) });
  return out;
}

/** The id of a site's document library, by the name Graph gives its drive (its title). */
export async function driveNamed(graph: GraphGateway, siteId: string, name: string): Promise<string> {
  const drives = await graph.call<{ value: { id: string; name: string }[] }>({
    method: 'GET',
    url: `/sites/${encodeURIComponent(siteId)}/drives`,
    action: 'list drives'
  });
  const drive = drives.value.find((d) => d.name === name);
  if (!drive) throw new Error(`No library '${name}' on the site.`);
  return drive.id;
}
