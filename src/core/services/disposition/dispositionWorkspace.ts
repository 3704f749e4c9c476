import type { GraphGateway } from '../../graph/GraphGateway';
import { createDispositionIndex, type DispositionIndex } from '../index/createDispositionIndex';
import type { IndexStore } from '../index/IndexStore';
import type { TenantLibrary } from '../index/listTenantLibraries';
import { openRecordsSite, type RecordsSite } from '../recordsSite/RecordsSite';
import { createDispositionReview, type DispositionReviewService } from './createDispositionReview';
import { once } from '../shared/once';

export interface DispositionWorkspaceDeps {
  graph: GraphGateway;
  /** Where the index is kept between sessions (IndexedDB in Teams, memory in demo mode). */
  store: IndexStore;
  /** The document libraries to index, with their names. */
  libraries(): Promise<TenantLibrary[]>;
  /** The tenant's current time (the dev tenant's clock in demo mode, the machine's in Teams). */
  now(): Promise<string>;
  /** The records site holding the review states, holds and proof register. */
  recordsSiteUrl: string;
  /** A record label (regulatory where available) that locks each proof anchor. */
  anchorLabelName: string;
  /**
   * Who may write proof anchors besides the file plan's reviewers: Custodian's service account and the records
   * managers. Left out, the creator of the first anchor is trusted (trust on first use, see `judgeProofAnchors`).
   */
  proofWriters?: readonly string[];
  /** The signed-in user is in Purview's Record Manager Security Group: may act at any stage. */
  actorIsRecordsManager: boolean;
}

/** Where an item lives, by name. */
export interface ItemPlace {
  siteName: string;
  libraryName: string;
}

/** What the records manager works on, opened once: the indexed libraries, the index, the records site and the review. */
export interface OpenedWorkspace {
  index: DispositionIndex;
  review: DispositionReviewService;
  site: RecordsSite;
  libraries: TenantLibrary[];
  /** The site and library names of an item key (`siteId|listId|itemId`); the ids when the library is not indexed. */
  placeOf(key: string): ItemPlace;
}

export interface DispositionWorkspace {
  graph: GraphGateway;
  now(): Promise<string>;
  /** The last queue read, kept in the index's store: shown at once the next time, while the current one is read. */
  lastQueue: { load(): Promise<unknown>; save(snapshot: unknown): Promise<void> };
  /** Opens the libraries and the records site on first use; a failed opening is tried again on the next call. */
  ready(): Promise<OpenedWorkspace>;
}

/**
 * The records manager's workspace shared by the disposition, holds, events, forecast and search services: one
 * disposition index and one review per sign-in, so a decision, a hold or an event is seen by every tab at once.
 * Built by the composition root; the libraries and the records site are opened on first use.
 */
export function createDispositionWorkspace(deps: DispositionWorkspaceDeps): DispositionWorkspace {
  const { graph } = deps;
  const ready = once(async (): Promise<OpenedWorkspace> => {
    const [libraries, site] = await Promise.all([deps.libraries(), openRecordsSite(graph, deps.recordsSiteUrl)]);
    const index = createDispositionIndex({ graph, store: deps.store, libraries });
    const review = createDispositionReview({
      graph,
      site,
      index,
      anchor: { labelName: deps.anchorLabelName, ...(deps.proofWriters?.length ? { writers: deps.proofWriters } : {}) },
      actorIsRecordsManager: deps.actorIsRecordsManager
    });
    const where = new Map(libraries.map((l) => [`${l.siteId}|${l.listId}`, { siteName: l.siteName, libraryName: l.libraryName }]));
    const placeOf = (key: string): ItemPlace => {
      const [siteId, listId] = key.split('|');
      return where.get(`${siteId}|${listId}`) ?? { siteName: siteId, libraryName: listId };
    };
    return { index, review, site, libraries, placeOf };
  });

  const lastQueue = { load: () => deps.store.loadQueueSnapshot(), save: (snapshot: unknown) => deps.store.saveQueueSnapshot(snapshot) };
  return { graph, now: () => deps.now(), ready, lastQueue };
}
