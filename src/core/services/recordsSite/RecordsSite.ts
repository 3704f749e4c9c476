import type { CallOptions } from '../../graph/GraphCall';
import type { GraphGateway } from '../../graph/GraphGateway';
import { getSiteByUrl } from '../../graph/sites/getSiteByUrl';
import type { RecordsListDefinition } from './defineRecordsList';
import { RecordsListStore } from './RecordsListStore';

/** The SharePoint site that holds Custodian's own state, and a typed store per list on it. */
export interface RecordsSite {
  /** Graph's site id (`host,siteGuid,webGuid`). */
  readonly siteId: string;
  /** The store for one list; the same definition always gives the same store (so the list is looked up once). */
  list<T extends Record<string, unknown>>(definition: RecordsListDefinition<T>): RecordsListStore<T>;
}

/** The records site by its Graph id (when the host already knows it). */
export function recordsSiteById(graph: GraphGateway, siteId: string): RecordsSite {
  const stores = new Map<string, RecordsListStore<Record<string, unknown>>>();
  return {
    siteId,
    list<T extends Record<string, unknown>>(definition: RecordsListDefinition<T>): RecordsListStore<T> {
      let store = stores.get(definition.title);
      if (!store) {
        store = new RecordsListStore(graph, siteId, definition) as unknown as RecordsListStore<Record<string, unknown>>;
        stores.set(definition.title, store);
      }
      return store as unknown as RecordsListStore<T>;
    }
  };
}

/**
 * Opens the records site by its URL (`https://contoso.sharepoint.com/sites/records`): one `GET /sites/{host}:/{path}`.
 * Permission (least privileged): Sites.Read.All; creating the lists on first use needs Sites.Manage.All.
 */
export async function openRecordsSite(graph: GraphGateway, siteUrl: string, options?: CallOptions): Promise<RecordsSite> {
  const site = await getSiteByUrl(graph, siteUrl, options);
  return recordsSiteById(graph, String(site.id));
}
