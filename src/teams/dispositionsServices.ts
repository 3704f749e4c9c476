import type { FilePlanLabel } from '../core/domain/filePlanLabel';
import { isRecordBehavior } from '../core/domain/behaviorDuringRetentionPeriod';
import type { GraphGateway } from '../core/graph/GraphGateway';
import { listRetentionEventTypes } from '../core/graph/retentionEvents/listRetentionEventTypes';
import { createDispositionReview, type ReviewQueueEntry } from '../core/services/disposition/createDispositionReview';
import { readRegister, type RegisterEntry } from '../core/services/disposition/proofRegister';
import { fireRetentionEvent } from '../core/services/events/fireRetentionEvent';
import {
  previewRetentionEvent,
  type RetentionEventPreview,
  type RetentionEventPreviewItem
} from '../core/services/events/previewRetentionEvent';
import { createDispositionIndex, type DispositionIndex, type IndexEntry } from '../core/services/index/createDispositionIndex';
import type { IndexStore } from '../core/services/index/IndexStore';
import { openRecordsSite, type RecordsSite } from '../core/services/recordsSite/RecordsSite';
import { recordSearchCsv } from '../core/services/search/recordSearchCsv';
import { searchRecords } from '../core/services/search/searchRecords';
import type {
  DemoControls,
  DispositionsServices,
  EventPreviewItem,
  HoldView,
  ItemDetailsView,
  LabelOption,
  QueueItem,
  QueueSnapshot,
  RegisterEntryView,
  RegisterVerificationView
} from '../ui/dispositions/services';
import type { TenantLibrary } from '../core/services/index/listTenantLibraries';

export interface DispositionsServicesDeps {
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
  /** The signed-in user is in Purview's Record Manager Security Group: may act at any stage. */
  actorIsRecordsManager: boolean;
  demo?: DemoControls;
}

interface Setup {
  index: DispositionIndex;
  review: ReturnType<typeof createDispositionReview>;
  site: RecordsSite;
  libraries: TenantLibrary[];
  where: Map<string, { siteName: string; libraryName: string }>;
}

const plainDescriptors = (label: FilePlanLabel): LabelOption['descriptors'] => {
  const d = label.descriptors;
  return {
    ...(d.department ? { department: d.department } : {}),
    ...(d.category ? { category: d.category } : {}),
    ...(d.subCategory ? { subcategory: d.subCategory } : {}),
    ...(d.authority ? { authority: d.authority } : {}),
    ...(d.referenceId ? { referenceId: d.referenceId } : {}),
    ...(d.citation?.name ? { citation: d.citation.name } : {})
  };
};

function labelOption(label: FilePlanLabel): LabelOption {
  const r = label.retention;
  return {
    name: label.name,
    action: r?.action === 'delete' || r?.action === 'startDispositionReview' ? r.action : 'none',
    isRecord: r ? isRecordBehavior(r.behavior) : false,
    ...(r?.eventTypeName ? { eventTypeName: r.eventTypeName } : {}),
    descriptors: plainDescriptors(label)
  };
}

const endWords = { startDispositionReview: 'a disposition review', delete: 'deletion', none: 'nothing further' } as const;

/** The domain's retention decision for an item, in words. */
export function retentionInWords(entry: IndexEntry, now: string): string {
  const r = entry.retention;
  if (!r.ok) return `Cannot be decided: ${r.reason}`;
  switch (r.kind) {
    case 'unlabelled':
      return 'No retention label';
    case 'date':
      return `${Date.parse(r.endsAt) <= Date.parse(now) ? 'Ended' : 'Ends'} on ${r.endDate} (UTC), then ${endWords[r.action as keyof typeof endWords] ?? r.action}`;
    case 'forever':
      return 'Kept forever';
    case 'awaitingEvent':
      return `Starts when the event${r.eventTypeName ? ` “${r.eventTypeName}”` : ''} happens`;
    case 'noRetention':
      return 'No retention period';
  }
}

function registerEntryView(entry: RegisterEntry): RegisterEntryView {
  const p = entry.payload;
  return {
    sequence: entry.sequence,
    recordedAt: entry.recordedAt,
    kind: p.kind,
    subject: p.subject,
    subjectName: p.subjectName,
    action: p.action,
    stage: p.stage,
    by: p.by,
    justification: p.justification,
    outcome: p.outcome,
    detail: p.detail,
    hash: entry.hash,
    previousHash: entry.previousHash
  };
}

/**
 * The Dispositions app's services over the core: the disposition index (queue, forecast), the review (decisions,
 * holds, the proof register), retention events and record search. Built once per sign-in by the composition root;
 * the libraries and the records site are opened on first use.
 */
export function createDispositionsServices(deps: DispositionsServicesDeps): DispositionsServices {
  const { graph } = deps;
  let setup: Promise<Setup> | undefined;
  let lastQueue = new Map<string, QueueItem>();
  let anchorChecked = false;
  const previews = new Map<string, RetentionEventPreview>();

  const ready = (): Promise<Setup> => {
    setup ??= (async () => {
      const [libraries, site] = await Promise.all([deps.libraries(), openRecordsSite(graph, deps.recordsSiteUrl)]);
      const index = createDispositionIndex({ graph, store: deps.store, libraries });
      const review = createDispositionReview({
        graph,
        site,
        index,
        anchor: { labelName: deps.anchorLabelName },
        actorIsRecordsManager: deps.actorIsRecordsManager
      });
      const where = new Map(libraries.map((l) => [`${l.siteId}|${l.listId}`, { siteName: l.siteName, libraryName: l.libraryName }]));
      return { index, review, site, libraries, where };
    })();
    setup.catch(() => (setup = undefined));
    return setup;
  };

  const whereOf = (s: Setup, key: string): { siteName: string; libraryName: string } => {
    const [siteId, listId] = key.split('|');
    return s.where.get(`${siteId}|${listId}`) ?? { siteName: siteId, libraryName: listId };
  };

  const queueItem = (s: Setup, entry: ReviewQueueEntry): QueueItem => {
    const { item, review } = entry;
    return {
      key: entry.key,
      name: item.name,
      ...(item.title ? { title: item.title } : {}),
      ...(item.webUrl ? { webUrl: item.webUrl } : {}),
      labelName: review.labelName,
      siteId: item.siteId,
      ...whereOf(s, entry.key),
      created: item.created,
      ...(item.modified ? { modified: item.modified } : {}),
      ...(item.labelledAt ? { labelledAt: item.labelledAt } : {}),
      ...(item.assetId ? { assetId: item.assetId } : {}),
      isRecord: item.isRecord,
      columns: item.columns,
      retentionEndedAt: review.retentionEndedAt,
      stages: review.stages,
      currentStage: review.currentStage,
      status: review.status,
      ...(review.extendedUntil ? { extendedUntil: review.extendedUntil } : {}),
      holds: entry.holds.map((h) => ({ source: h.source, id: h.id, name: h.name }))
    };
  };

  const holdView = (hold: Awaited<ReturnType<Setup['review']['holds']['list']>>[number]): HoldView => ({
    holdId: hold.holdId,
    name: hold.name,
    reason: hold.reason,
    state: hold.state,
    createdBy: hold.createdBy,
    createdAt: hold.createdAt,
    ...(hold.releasedBy ? { releasedBy: hold.releasedBy } : {}),
    ...(hold.releasedAt ? { releasedAt: hold.releasedAt } : {}),
    items: hold.targets.filter((t) => t.targetKind === 'item').map((t) => t.target),
    sites: hold.targets.filter((t) => t.targetKind === 'site').map((t) => t.target)
  });

  const previewItem = (s: Setup, p: RetentionEventPreviewItem): EventPreviewItem => ({
    key: p.key,
    name: p.item.name,
    labelName: p.item.labelName ?? '',
    assetId: p.item.assetId ?? '',
    siteName: whereOf(s, p.key).siteName,
    ...(p.alreadyStartedBy ? { alreadyStartedBy: p.alreadyStartedBy } : {})
  });

  /** Hold changes are not anchored one by one; the head is anchored after each, so verification covers them. */
  const anchorAfterHoldChange = async (s: Setup): Promise<void> => s.review.anchorNow(await deps.now());

  return {
    async loadQueue(signal): Promise<QueueSnapshot> {
      const s = await ready();
      const now = await deps.now();
      await s.index.refresh({ now, signal });
      if (!anchorChecked) {
        s.review.checkAnchorLabel();
        anchorChecked = true;
      }
      const [entries, user] = await Promise.all([s.review.queue(now), s.review.signedIn()]);
      const items = entries.map((e) => queueItem(s, e));
      lastQueue = new Map(items.map((i) => [i.key, i]));
      const sites = new Map(s.libraries.map((l) => [l.siteId, l.siteName]));
      return {
        now,
        user,
        items,
        labels: (s.index.facts()?.labels ?? []).map(labelOption),
        sites: [...sites].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
        indexedCount: s.index.entries().length
      };
    },

    async item(key): Promise<ItemDetailsView | undefined> {
      const s = await ready();
      const entry = s.index.entry(key);
      const [register, now] = await Promise.all([readRegister(s.site), deps.now()]);
      const history = register.filter((e) => e.payload.subject === key).map(registerEntryView);
      if (!entry) return undefined;
      const { item } = entry;
      const queued = lastQueue.get(key);
      return {
        key,
        name: item.name,
        ...(item.title ? { title: item.title } : {}),
        ...(item.webUrl ? { webUrl: item.webUrl } : {}),
        ...(item.labelName ? { labelName: item.labelName } : {}),
        ...whereOf(s, key),
        created: item.created,
        ...(item.modified ? { modified: item.modified } : {}),
        ...(item.labelledAt ? { labelledAt: item.labelledAt } : {}),
        ...(item.assetId ? { assetId: item.assetId } : {}),
        isRecord: item.isRecord,
        columns: item.columns,
        retention: retentionInWords(entry, now),
        ...(queued ? { queued } : {}),
        history
      };
    },

    async decide(keys, decision, onResult) {
      const s = await ready();
      const results = [];
      for (const key of keys) {
        const name = s.index.entry(key)?.item.name ?? lastQueue.get(key)?.name ?? key;
        let result;
        try {
          const decided = await s.review.decide(key, decision, await deps.now());
          result = { key, name, ok: true as const, outcome: decided.outcome, sequence: decided.entry.sequence };
        } catch (error) {
          result = { key, name, ok: false as const, error };
        }
        results.push(result);
        onResult?.(result);
      }
      return results;
    },

    async holds() {
      const s = await ready();
      return (await s.review.holds.list()).map(holdView);
    },

    async createHold({ name, reason }) {
      const s = await ready();
      const { hold } = await s.review.holds.create({ name, reason, by: await s.review.signedIn(), now: await deps.now() });
      await anchorAfterHoldChange(s);
      return { ...hold, items: [], sites: [] };
    },

    async addToHold({ holdId, items, sites, justification }) {
      const s = await ready();
      await s.review.holds.add({ holdId, items, sites, justification, by: await s.review.signedIn(), now: await deps.now() });
      await anchorAfterHoldChange(s);
    },

    async releaseHold({ holdId, justification }) {
      const s = await ready();
      await s.review.holds.release({ holdId, justification, by: await s.review.signedIn(), now: await deps.now() });
      await anchorAfterHoldChange(s);
    },

    async eventTypes(signal) {
      const s = await ready();
      const [types] = await Promise.all([
        listRetentionEventTypes(graph, { signal }),
        s.index.facts() ? Promise.resolve() : s.index.refresh({ now: await deps.now(), signal })
      ]);
      const labels = s.index.facts()?.labels ?? [];
      return types
        .filter((t) => t.id)
        .map((t) => ({
          id: String(t.id),
          name: t.displayName ?? String(t.id),
          labelNames: labels
            .filter(
              (l) =>
                l.retention?.trigger === 'dateOfEvent' &&
                (l.retention.eventTypeId === t.id || l.retention.eventTypeName?.toLowerCase() === t.displayName?.toLowerCase())
            )
            .map((l) => l.name)
        }));
    },

    async previewEvent(request) {
      const s = await ready();
      await s.index.refresh({ now: await deps.now() });
      const preview = await previewRetentionEvent(graph, s.index, request);
      const id = globalThis.crypto.randomUUID();
      previews.set(id, preview);
      return {
        id,
        request: { ...request, assetIds: [...preview.request.assetIds] },
        eventTypeName: preview.eventType.displayName,
        labelNames: preview.labelNames,
        query: preview.filesQuery,
        count: preview.count,
        items: preview.items.map((p) => previewItem(s, p)),
        alreadyStarted: preview.alreadyStarted.map((p) => previewItem(s, p)),
        unmatchedAssetIds: preview.unmatchedAssetIds,
        indexedItemCount: preview.indexedItemCount
      };
    },

    async fireEvent(previewId, confirmedCount) {
      const s = await ready();
      const preview = previews.get(previewId);
      if (!preview) throw new Error('The preview has expired. Preview the event again.');
      const now = await deps.now();
      const event = await fireRetentionEvent(graph, preview, { confirmedCount, now });
      previews.delete(previewId);
      await s.index.refresh({ now: await deps.now() });
      return {
        eventId: String(event.id),
        displayName: event.displayName ?? preview.request.displayName,
        started: preview.items.map((p) => {
          const r = s.index.entry(p.key)?.retention;
          return {
            key: p.key,
            name: p.item.name,
            assetId: p.item.assetId ?? '',
            ...(r && r.ok && r.kind === 'date' ? { retentionEndsAt: r.endsAt } : {})
          };
        })
      };
    },

    async register() {
      const s = await ready();
      const result = await s.review.verify();
      const verification: RegisterVerificationView = result.ok
        ? {
            ok: true,
            count: result.count,
            headHash: result.headHash,
            ...(result.anchoredHead ? { anchoredSequence: result.anchoredHead.sequence } : {})
          }
        : {
            ok: false,
            problem: result.problem,
            reason: result.reason,
            ...(result.entry ? { entry: { sequence: result.entry.sequence, subjectName: result.entry.subjectName } } : {})
          };
      return { entries: result.entries.map(registerEntryView), verification };
    },

    async forecast(months, signal) {
      const s = await ready();
      const now = await deps.now();
      if (!s.index.facts()) await s.index.refresh({ now, signal });
      return s.index
        .forecast(now, months)
        .map((m) => ({ month: m.month, total: m.total, review: m.startDispositionReview, delete: m.delete, none: m.none }));
    },

    async search(request, signal) {
      const s = await ready();
      if (!s.index.facts()) await s.index.refresh({ now: await deps.now(), signal });
      const { subcategory, ...descriptor } = request.descriptor ?? {};
      const result = await searchRecords(
        graph,
        s.libraries,
        {
          ...request,
          ...(request.descriptor ? { descriptor: { ...descriptor, ...(subcategory ? { subCategory: subcategory } : {}) } } : {})
        },
        { labels: s.index.facts()?.labels ?? [], signal }
      );
      return {
        rows: result.rows.map((row) => ({ ...row, siteName: whereOf(s, row.key).siteName })),
        truncated: result.truncated,
        ...(result.note ? { note: result.note } : {}),
        csv: recordSearchCsv(result.rows)
      };
    },

    ...(deps.demo ? { demo: deps.demo } : {})
  };
}
