import type { DescriptorNames } from '../disposition/DispositionQueue';
import type { DispositionWorkspace } from '../disposition/dispositionWorkspace';
import type { RecordSearchRow } from './RecordSearch';
import { recordSearchCsv } from './recordSearchCsv';
import { searchRecords } from './searchRecords';

/** An information request: every condition given must hold. */
export interface RecordSearchRequest {
  labels?: string[];
  descriptor?: DescriptorNames;
  assetId?: string;
  created?: { from?: string; to?: string };
  modified?: { from?: string; to?: string };
  labelled?: { from?: string; to?: string };
  /** Start of the title or file name. */
  text?: string;
}

/** A found record: the search's row, with the site's name in place of its ids. */
export type FoundRecord = Omit<RecordSearchRow, 'siteId' | 'listId' | 'itemId'> & { siteName: string };

export interface FoundRecords {
  rows: FoundRecord[];
  truncated: boolean;
  note?: string;
  /** The result as CSV (formula injection neutralised), ready to download. */
  csv: string;
}

export interface FindRecordsOptions {
  signal?: AbortSignal;
}

/** Searches the indexed libraries for an information request, with the file plan the index read, and its CSV. */
export async function findRecords(
  workspace: DispositionWorkspace,
  request: RecordSearchRequest,
  options: FindRecordsOptions = {}
): Promise<FoundRecords> {
  const { signal } = options;
  const s = await workspace.ready();
  if (!s.index.facts()) await s.index.refresh({ now: await workspace.now(), signal });
  const { subcategory, ...descriptor } = request.descriptor ?? {};
  const result = await searchRecords(
    workspace.graph,
    s.libraries,
    {
      ...request,
      ...(request.descriptor ? { descriptor: { ...descriptor, ...(subcategory ? { subCategory: subcategory } : {}) } } : {})
    },
    { labels: s.index.facts()?.labels ?? [], labelledAtOf: (key) => s.index.entry(key)?.item.labelledAt, signal }
  );
  return {
    rows: result.rows.map((row) => ({ ...row, siteName: s.placeOf(row.key).siteName })),
    truncated: result.truncated,
    ...(result.note ? { note: result.note } : {}),
    csv: recordSearchCsv(result.rows)
  };
}
