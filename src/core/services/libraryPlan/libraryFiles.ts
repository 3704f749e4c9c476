import type { ListItem } from '@microsoft/microsoft-graph-types';
import type { GraphGateway } from '../../graph/GraphGateway';
import { iteratePages } from '../../graph/iteratePages';
import { listListItemsCall } from '../../graph/listItems/listListItems';
import type { LibraryRef } from './siteLibraries';
import { isRecordField } from '../../domain/isRecordField';

/** What a library's file is, from its list item fields. */
export interface LibraryFile {
  /** The list item id. */
  id: number;
  name: string;
  /** Its retention label's name; empty when it has none. */
  label: string;
  isRecord: boolean;
  /** SharePoint's Created and Modified (ISO 8601, UTC), which a label's retention can count from. */
  created?: string;
  modified?: string;
}

/** Every file of a library with its label, in id order (folders are not labelled by bulk jobs). */
export async function readLibraryFiles(graph: GraphGateway, library: LibraryRef, signal?: AbortSignal): Promise<LibraryFile[]> {
  const files: LibraryFile[] = [];
  const first = listListItemsCall(library.ref, {
    fields: ['ContentType', 'FileLeafRef', '_ComplianceTag', '_IsRecord', 'Created', 'Modified'],
    top: 999
  });
  for await (const page of iteratePages<ListItem>(graph, first, { signal })) {
    for (const item of page.items) {
      const fields = (item.fields ?? {}) as Record<string, unknown>;
      if (fields.ContentType === 'Folder') continue;
      files.push({
        id: Number(item.id),
        name: typeof fields.FileLeafRef === 'string' ? fields.FileLeafRef : `Item ${String(item.id)}`,
        label: typeof fields._ComplianceTag === 'string' ? fields._ComplianceTag : '',
        isRecord: isRecordField(fields._IsRecord),
        ...(typeof fields.Created === 'string' ? { created: fields.Created } : {}),
        ...(typeof fields.Modified === 'string' ? { modified: fields.Modified } : {})
      });
    }
  }
  return files.sort((a, b) => a.id - b.id);
}
