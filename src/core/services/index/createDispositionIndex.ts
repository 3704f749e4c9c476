import type { ListItem } from '@microsoft/microsoft-graph-types';
import type { FilePlanLabel } from '../../domain/filePlanLabel';
import { startDispositionReview } from '../../domain/startDispositionReview';
import type { DispositionReview } from '../../domain/dispositionReview';
import { parseUtcInstant, type InstantInput } from '../../domain/utcInstant';
import type { GraphGateway } from '../../graph/GraphGateway';
import { iteratePages } from '../../graph/iteratePages';
import { getListItemCall } from '../../graph/listItems/getListItem';
import { listItemsDeltaCall } from '../../graph/listItems/listItemsDelta';
import type { ListRef } from '../../graph/listItems/ListRef';
import { runBatch } from '../../graph/runBatch';
import { createEventDateFinder, type EventDateFinder } from '../events/eventDateFinder';
import { forecastExpiries, type ForecastMonth } from './forecastExpiries';
import { indexedItemFromListItem, indexSystemColumns, itemKey, libraryKey, type IndexedItem } from './IndexedItem';
import type { IndexStore } from './IndexStore';
import { isResyncRequired } from './isResyncRequired';
import { itemRetention, retentionDatesOf, type ItemRetention } from './itemRetention';
import { readRetentionFacts, type RetentionFacts } from './readRetentionFacts';

export interface DispositionIndexOptions {
  graph: GraphGateway;
  store: IndexStore;
  /** The document libraries to index. */
  libraries: readonly ListRef[];
  /** Business columns to keep for filters and search, beyond the ones retention needs (default Department, DocumentType, ReferenceNumber). */
  columns?: readonly string[];
  /** Delta page size (`$top`); Graph's default when absent. */
  pageSize?: number;
  /** Libraries synced at once (default 4). */
  concurrency?: number;
}

/** One indexed item with the retention the domain decides for it. */
export interface IndexEntry {
  /** `siteId|listId|itemId`. */
  key: string;
  item: IndexedItem;
  retention: ItemRetention;
}

/** An item whose retention has ended and whose label asks for a review, as the domain starts that review. */
export interface QueueEntry extends IndexEntry {
  review: DispositionReview;
}

export interface LibraryRefreshReport {
  library: ListRef;
  /** `full`: first sync; `delta`: changes since the last; `resync`: the delta link was refused (410), so all again. */
  mode: 'full' | 'delta' | 'resync';
  upserts: number;
  removals: number;
  /** HTTP requests made for this library (pages, batches). */
  requests: number;
}

export interface RefreshReport {
  libraries: LibraryRefreshReport[];
  /** Every request of the refresh, the file plan and events included. */
  requests: number;
  itemCount: number;
}

export interface DispositionIndex {
  /** Loads what the store kept; call once before the first refresh (refresh calls it if needed). */
  open(): Promise<void>;
  /** Brings every library up to date with delta, reads the file plan and the events, persists the changes. */
  refresh(options: { now: InstantInput; signal?: AbortSignal }): Promise<RefreshReport>;
  /** Every indexed item with its retention. */
  entries(): IndexEntry[];
  entry(key: string): IndexEntry | undefined;
  /** Items whose retention ended at or before `now` and whose label (in force then) starts a disposition review. */
  queue(now: InstantInput): QueueEntry[];
  /** Items reaching the end of retention per UTC month, from the month of `now`. */
  forecast(now: InstantInput, months?: number): ForecastMonth[];
  /** The file plan and events the retention was decided with (after a refresh). */
  facts(): RetentionFacts | undefined;
  /** Re-reads one item (after a decision changed it) without waiting for the next refresh. */
  forget(key: string): void;
}

export const defaultIndexColumns = ['Department', 'DocumentType', 'ReferenceNumber'] as const;

interface LibraryState {
  ref: ListRef;
  deltaLink?: string;
  entries: Map<string, IndexEntry>;
}

/**
 * The disposition index: every document of the chosen libraries with its retention, kept current with list item
 * delta (`/items/delta`, nextLinks followed whole, the deltaLink stored; a refused link, 410, means a full resync)
 * and persisted through an `IndexStore`, so a refresh costs what changed since the last one, not what exists:
 * one delta request per library when little changed, plus the file plan and the events (a few requests). The
 * domain decides each item's retention end (`retentionEnd`) and whether it is due for review
 * (`startDispositionReview`); retention is recomputed for changed items, or for all when the file plan or the
 * events changed. The same code runs in a browser (IndexedDB store) and in a scheduled Node job (file store).
 *
 * @example
 * const index = createDispositionIndex({ graph, store: await createIdbIndexStore(), libraries });
 * await index.refresh({ now: new Date() });
 * const due = index.queue(new Date());
 */
export function createDispositionIndex(options: DispositionIndexOptions): DispositionIndex {
  const columns = [...new Set([...indexSystemColumns, ...(options.columns ?? defaultIndexColumns)])];
  const kept = columns.filter((c) => !(indexSystemColumns as readonly string[]).includes(c));
  const libraries = new Map<string, LibraryState>();
  let opened: Promise<void> | undefined;
  let facts: RetentionFacts | undefined;
  let factsFingerprint = '';
  let labels: FilePlanLabel[] = [];
  let labelsByName = new Map<string, FilePlanLabel>();
  let finder: EventDateFinder = createEventDateFinder([]);

  const decide = (item: IndexedItem): IndexEntry => ({
    key: itemKey(item),
    item,
    retention: itemRetention(item, labelsByName, labels, finder)
  });

  const adoptFacts = (read: RetentionFacts): boolean => {
    facts = read;
    const fingerprint = JSON.stringify([read.labels, read.events]);
    if (fingerprint === factsFingerprint) return false;
    factsFingerprint = fingerprint;
    labels = read.labels;
    labelsByName = new Map(labels.map((label) => [label.name.toLowerCase(), label]));
    finder = createEventDateFinder(read.events);
    return true;
  };

  const open = (): Promise<void> => {
    opened ??= (async () => {
      const stored = (await options.store.loadFacts()) as RetentionFacts | undefined;
      if (stored && Array.isArray(stored.labels) && Array.isArray(stored.events)) adoptFacts(stored);
      for (const ref of options.libraries) {
        const stored = await options.store.load(libraryKey(ref));
        const entries = new Map<string, IndexEntry>();
        for (const item of stored?.items ?? []) entries.set(item.id, decide(item));
        libraries.set(libraryKey(ref), { ref, deltaLink: stored?.deltaLink || undefined, entries });
      }
    })();
    return opened;
  };

  async function syncLibrary(state: LibraryState, now: string, signal?: AbortSignal): Promise<LibraryRefreshReport> {
    let requests = 0;
    const run = async (link: string | undefined): Promise<{ changes: Map<string, ListItem | null>; deltaLink: string }> => {
      const changes = new Map<string, ListItem | null>();
      let deltaLink = '';
      const first = listItemsDeltaCall(state.ref, link, { fields: columns, top: options.pageSize });
      for await (const page of iteratePages<ListItem>(options.graph, first, { signal })) {
        requests += 1;
        for (const item of page.items) {
          if (!item.id) continue;
          // The same id may come more than once; the last answer wins.
          changes.delete(item.id);
          changes.set(item.id, (item as { deleted?: unknown }).deleted ? null : item);
        }
        if (page.deltaLink) deltaLink = page.deltaLink;
      }
      return { changes, deltaLink };
    };
    let mode: LibraryRefreshReport['mode'] = state.deltaLink ? 'delta' : 'full';
    let result: { changes: Map<string, ListItem | null>; deltaLink: string };
    try {
      result = await run(state.deltaLink);
    } catch (e) {
      if (!state.deltaLink || !isResyncRequired(e)) throw e;
      mode = 'resync';
      result = await run(undefined);
    }
    // A changed item that came back without its fields (a link that lost `$expand`) is read again, 20 per batch.
    const bare = [...result.changes].filter(([, item]) => item && !item.fields).map(([id]) => id);
    if (bare.length) {
      const outcomes = await runBatch(
        options.graph,
        bare.map((id) => getListItemCall(state.ref, id, columns)),
        { signal }
      );
      requests += Math.ceil(bare.length / 20);
      outcomes.forEach((outcome, i) => {
        if (outcome.ok) result.changes.set(bare[i], outcome.value);
        else if (outcome.status === 404) result.changes.set(bare[i], null);
        else throw outcome.error;
      });
    }
    const reset = mode !== 'delta';
    const upserts: IndexedItem[] = [];
    const removals: string[] = [];
    for (const [id, item] of result.changes) {
      const indexed = item ? indexedItemFromListItem(item, state.ref, kept) : undefined;
      if (indexed) upserts.push(indexed);
      else if (!reset) removals.push(id);
    }
    await options.store.commit(libraryKey(state.ref), { reset, deltaLink: result.deltaLink, syncedAt: now, upserts, removals });
    if (reset) state.entries.clear();
    for (const id of removals) state.entries.delete(id);
    for (const item of upserts) state.entries.set(item.id, decide(item));
    state.deltaLink = result.deltaLink;
    return { library: state.ref, mode, upserts: upserts.length, removals: removals.length, requests };
  }

  const allEntries = function* (): Generator<IndexEntry, void, undefined> {
    for (const state of libraries.values()) yield* state.entries.values();
  };

  return {
    open,
    async refresh({ now, signal }) {
      const time = parseUtcInstant(now);
      if (time === undefined) throw new RangeError('The current time is not a valid date with a time zone.');
      await open();
      const stamp = new Date(time).toISOString();
      const factsChanged = adoptFacts(await readRetentionFacts(options.graph, { signal }));
      if (factsChanged) await options.store.saveFacts(facts);
      const states = [...libraries.values()];
      const reports: LibraryRefreshReport[] = new Array(states.length);
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < states.length) {
          const i = next++;
          reports[i] = await syncLibrary(states[i], stamp, signal);
        }
      };
      await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, states.length) }, worker));
      if (factsChanged) for (const state of states) for (const [id, entry] of state.entries) state.entries.set(id, decide(entry.item));
      return {
        libraries: reports,
        requests: 2 + reports.reduce((sum, r) => sum + r.requests, 0),
        itemCount: states.reduce((sum, s) => sum + s.entries.size, 0)
      };
    },
    entries: () => [...allEntries()],
    entry(key) {
      const [siteId, listId, id] = key.split('|');
      return libraries.get(`${siteId}|${listId}`)?.entries.get(id);
    },
    queue(now) {
      const time = parseUtcInstant(now);
      if (time === undefined) throw new RangeError('The current time is not a valid date with a time zone.');
      const out: QueueEntry[] = [];
      for (const entry of allEntries()) {
        const r = entry.retention;
        if (!r.ok || r.kind !== 'date' || r.action !== 'startDispositionReview' || Date.parse(r.endsAt) > time) continue;
        const label = labelsByName.get((entry.item.labelName ?? '').toLowerCase());
        if (!label) continue;
        const started = startDispositionReview({
          itemId: entry.key,
          label,
          item: retentionDatesOf(entry.item, label, labels, finder),
          labels,
          now: time
        });
        if (started.ok) out.push({ ...entry, review: started.review });
      }
      return out.sort((a, b) => a.review.retentionEndedAt.localeCompare(b.review.retentionEndedAt) || a.key.localeCompare(b.key));
    },
    forecast: (now, months) =>
      forecastExpiries(
        Array.from(allEntries(), (entry) => entry.retention),
        now,
        months
      ),
    facts: () => facts,
    forget(key) {
      const [siteId, listId, id] = key.split('|');
      libraries.get(`${siteId}|${listId}`)?.entries.delete(id);
    }
  };
}
