import type { ColumnDefinition, ItemRetentionLabel, ListItem, SensitivityLabel } from '@microsoft/microsoft-graph-types';
import { filePlanCsvToGraphCreateBodies } from '../../../core/domain/filePlanCsvToGraphCreateBodies';
import { filePlanLabelToCsvRow } from '../../../core/domain/filePlanLabelToCsvRow';
import type { FilePlanLabel } from '../../../core/domain/filePlanLabel';
import type { GraphTemplateIds } from '../../../core/domain/retentionLabelToGraphCreateBody';
import { retentionLabelFromGraph } from '../../../core/domain/retentionLabelFromGraph';
import type { FilePlanTenantFacts } from '../../../core/domain/validateFilePlanRow';
import { writeFilePlanCsv } from '../../../core/domain/writeFilePlanCsv';
import { getRetentionLabelCall } from '../../../core/graph/driveItems/getRetentionLabel';
import type { GraphGateway } from '../../../core/graph/GraphGateway';
import { iteratePages } from '../../../core/graph/iteratePages';
import { getListItemDriveItemCall } from '../../../core/graph/listItems/getListItemDriveItem';
import type { ListRef } from '../../../core/graph/listItems/ListRef';
import { listListItemsCall } from '../../../core/graph/listItems/listListItems';
import { getList } from '../../../core/graph/lists/getList';
import { listRetentionEventTypes } from '../../../core/graph/retentionEvents/listRetentionEventTypes';
import { listRetentionLabels } from '../../../core/graph/retentionLabels/listRetentionLabels';
import { runBatch } from '../../../core/graph/runBatch';
import { listSensitivityLabels } from '../../../core/graph/sensitivityLabels/listSensitivityLabels';
import { getSiteByUrl } from '../../../core/graph/sites/getSiteByUrl';
import { CustodianError } from '../../../core/http/CustodianError';
import { bulkLabel } from '../../../core/services/bulkLabel/bulkLabel';
import type { BulkLabelReport } from '../../../core/services/bulkLabel/BulkLabelJob';
import { refusalError } from '../../../core/services/declareRecord/refusalError';
import type { CheckpointStore } from '../../../core/services/jobs/CheckpointStore';
import { createRecordsSiteCheckpointStore } from '../../../core/services/jobs/createRecordsSiteCheckpointStore';
import { isChunkDone, type JobCheckpoint } from '../../../core/services/jobs/JobCheckpoint';
import { jobsList } from '../../../core/services/jobs/jobLists';
import { libraryPlansList, type LibraryPlan } from '../../../core/services/libraryPlan/libraryPlansList';
import { setLibraryPlan } from '../../../core/services/libraryPlan/setLibraryPlan';
import { openRecordsSite, recordsSiteById, type RecordsSite } from '../../../core/services/recordsSite/RecordsSite';
import type { SharePointSite } from '../../../core/sharepoint/createSharePoint';
import type { ComplianceTag } from '../../../core/sharepoint/policyStore/ComplianceTag';
import { getAvailableTagsForSite } from '../../../core/sharepoint/policyStore/getAvailableTagsForSite';
import { getListDefaultSensitivityLabel } from '../../../core/sharepoint/listDefaultSensitivityLabel';
import { getListComplianceTag } from '../../../core/sharepoint/policyStore/getListComplianceTag';
import type {
  BulkOutcome,
  ColumnOption,
  FilePlanServices,
  ImportCheck,
  LibraryCoverage,
  LibrarySummary,
  SensitivityOption,
  UnfinishedJob
} from '../FilePlanServices';
import { listSiteLists } from '../../../core/graph/lists/listSiteLists';
import { createFilePlanDescriptorTemplate } from '../../../core/graph/retentionLabels/createFilePlanDescriptorTemplate';
import { createRetentionLabel } from '../../../core/graph/retentionLabels/createRetentionLabel';
import { descriptorCollections, type DescriptorKind } from '../../../core/graph/retentionLabels/filePlanDescriptorCollections';
import { listFilePlanDescriptorTemplates } from '../../../core/graph/retentionLabels/listFilePlanDescriptorTemplates';

export interface FilePlanServicesDeps {
  /** Graph, through Custodian's pipeline (token, retry, rate governor). */
  graph: GraphGateway;
  /** SharePoint REST for the site being configured (`createSharePoint(siteUrl, { governor: graph.governor, ... })`). */
  site: SharePointSite;
  /** Where Custodian keeps its lists; empty means the site itself. */
  recordsSiteUrl?: string;
  now?: () => number;
  /** Bulk calls (100 items each) in flight at once; a person's browser keeps it low (default 2). */
  maxConcurrency?: number;
}

interface LibraryRef {
  id: string;
  name: string;
  webUrl: string;
  /** The library's root folder as an absolute, unencoded URL, as SharePoint's policy store methods take it. */
  listUrl: string;
  ref: ListRef;
}

/** Columns every library has, or that SharePoint fills in itself: never offered as required metadata. */
const systemColumns = new Set([
  'ComplianceAssetId',
  'ContentType',
  'FileLeafRef',
  'LinkFilename',
  'DocIcon',
  'FileSizeDisplay',
  'ItemChildCount',
  'FolderChildCount',
  'Created',
  'Modified',
  'Author',
  'Editor',
  '_UIVersionString',
  'Attachments'
]);

const whoCanCreateLabels =
  'People with the Retention Management role in Microsoft Purview (records managers and compliance administrators). Creating labels needs the RecordsManagement.ReadWrite.All permission, which your account does not have.';
const whatToDoWhenNotAllowed =
  "Send them this file: they can import it here in Custodian, or in the Microsoft Purview portal (Records management > File plan > Import). Once the labels are published to this site, you can make them your libraries' defaults.";

/** Remembers a promise; forgets it when it rejects, so a retry asks again. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    if (!pending) {
      pending = load();
      pending.catch(() => (pending = undefined));
    }
    return pending;
  };
}

const fold = (name: string): string => name.trim().toLowerCase();

/** The file plan as the domain models it, with what could not be read. */
function readLabels(payloads: readonly unknown[]): { labels: FilePlanLabel[]; unreadable: { name: string; reasons: string[] }[] } {
  const labels: FilePlanLabel[] = [];
  const unreadable: { name: string; reasons: string[] }[] = [];
  for (const payload of payloads) {
    const read = retentionLabelFromGraph(payload);
    if (read.ok) labels.push(read.label);
    else {
      const p = payload as { displayName?: string; id?: string };
      unreadable.push({ name: p.displayName ?? p.id ?? 'A label', reasons: read.reasons });
    }
  }
  return { labels, unreadable };
}

/** Sensitivity labels that can be applied, sublabels named under their parent. */
export function sensitivityOptions(labels: readonly SensitivityLabel[]): SensitivityOption[] {
  const out: SensitivityOption[] = [];
  const visit = (list: readonly SensitivityLabel[], parent?: string): void => {
    for (const label of list) {
      const name = label.displayName || label.name || label.id || '';
      const full = parent ? `${parent} / ${name}` : name;
      const children = (label as { sublabels?: SensitivityLabel[] }).sublabels ?? [];
      if (children.length > 0) visit(children, full);
      else if (label.id && (label as { isAppliable?: boolean }).isAppliable !== false) out.push({ id: label.id, name: full });
    }
  };
  visit(labels);
  return out;
}

/** The columns a person can be asked to fill in: the library's own, writable, visible ones. */
export function requirableColumns(columns: readonly ColumnDefinition[]): ColumnOption[] {
  return columns
    .filter((c) => c.name && !c.readOnly && !c.hidden && !c.name.startsWith('_') && !systemColumns.has(c.name))
    .map((c) => ({ name: String(c.name), displayName: c.displayName || String(c.name) }));
}

/** What a library's files are, from their list item fields. */
interface ItemFacts {
  id: number;
  name: string;
  label: string;
  isRecord: boolean;
}

/** How many items a checkpoint has settled. */
export function doneItems(checkpoint: Pick<JobCheckpoint, 'total' | 'chunkSize' | 'doneThrough' | 'doneAhead'>): number {
  const chunks = Math.ceil(checkpoint.total / checkpoint.chunkSize);
  let done = 0;
  for (let c = 0; c < chunks; c++) {
    if (isChunkDone(checkpoint, c)) done += Math.min(checkpoint.chunkSize, checkpoint.total - c * checkpoint.chunkSize);
  }
  return done;
}

/**
 * The file plan app's services on Custodian's core: the file plan from Graph, library defaults through SharePoint's
 * policy store, plans and bulk job checkpoints on the records site, bulk labelling through `bulkLabel`.
 */
export function createFilePlanServices(deps: FilePlanServicesDeps): FilePlanServices {
  const { graph, site } = deps;
  const now = deps.now ?? (() => Date.now());
  const graphBaseUrl = `${graph.baseOrigin}/v1.0`;

  const siteInfo = once(() => getSiteByUrl(graph, site.siteUrl));
  const records = once(async (): Promise<RecordsSite> =>
    deps.recordsSiteUrl ? openRecordsSite(graph, deps.recordsSiteUrl) : recordsSiteById(graph, String((await siteInfo()).id))
  );
  let checkpointStore: CheckpointStore | undefined;
  const checkpoints = async (): Promise<CheckpointStore> => (checkpointStore ??= createRecordsSiteCheckpointStore(await records()));
  const libraries = async (signal?: AbortSignal): Promise<LibraryRef[]> => {
    const siteId = String((await siteInfo()).id);
    const lists = await listSiteLists(graph, siteId, { signal });
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
  };

  const library = async (libraryId: string, signal?: AbortSignal): Promise<LibraryRef> => {
    const found = (await libraries(signal)).find((l) => l.id === libraryId);
    if (!found)
      throw refusalError({
        code: 'libraryNotFound',
        what: "Custodian couldn't find the library.",
        why: 'It may have been deleted or renamed since the page was loaded.',
        whatToDo: 'Reload the page.'
      });
    return found;
  };

  const graphSensitivity = once(() => listSensitivityLabels(graph));
  const allSensitivity = async (): Promise<SensitivityOption[]> => sensitivityOptions(await graphSensitivity());

  /** Every run that applied a library's default (Custodian's jobs list on the records site), newest first. */
  const applyDefaultJobs = async (signal?: AbortSignal): Promise<AppliedJob[]> => {
    const rows = await (await records()).list(jobsList).query({ kind: 'bulkLabel:listItems' }, { signal });
    return rows
      .map((row) => ({ checkpoint: row.value, job: parseApplyDefaultJobId(row.value.jobId) }))
      .filter((row): row is AppliedJob => row.job !== undefined)
      .sort((a, b) => b.job.startedAt - a.job.startedAt);
  };

  /** The newest run applying `label` to the library, when it stopped before finishing. */
  const unfinishedJobFor = (jobs: readonly AppliedJob[], listId: string, label: string | null): AppliedJob | undefined => {
    const latest = label ? jobs.find((j) => j.job.listId === listId && j.job.label === label) : undefined;
    return latest && latest.checkpoint.status !== 'completed' ? latest : undefined;
  };

  const summarise = async (
    lib: LibraryRef,
    plan: LibraryPlan | undefined,
    jobs: readonly AppliedJob[],
    signal?: AbortSignal
  ): Promise<LibrarySummary> => {
    const [tag, sensitivityId, list, sensitivity] = await Promise.all([
      getListComplianceTag(site, lib.listUrl, signal),
      // The library's own default (SharePoint), not the plan's copy: it is what SharePoint applies.
      getListDefaultSensitivityLabel(site, lib.ref.listId, signal),
      getList(graph, lib.ref, { signal }),
      allSensitivity()
    ]);
    const defaultRetentionLabel = tag?.TagName || null;
    const stopped = unfinishedJobFor(jobs, lib.id, defaultRetentionLabel);
    const job: UnfinishedJob | undefined = stopped && {
      label: stopped.job.label,
      total: stopped.checkpoint.total,
      done: doneItems(stopped.checkpoint),
      status: stopped.checkpoint.status === 'cancelled' ? 'cancelled' : 'running',
      updatedAt: stopped.checkpoint.updatedAt
    };
    return {
      id: lib.id,
      name: lib.name,
      webUrl: lib.webUrl,
      defaultRetentionLabel,
      defaultSensitivityLabel: sensitivityId
        ? (sensitivity.find((s) => s.id === sensitivityId) ?? { id: sensitivityId, name: sensitivityId })
        : null,
      requiredColumns: plan?.requiredColumns ?? [],
      columns: requirableColumns(list.columns ?? []),
      ...(job ? { unfinishedJob: job } : {})
    };
  };

  /** Every file of a library with its label, in id order (folders are not labelled by bulk jobs). */
  const readItems = async (lib: LibraryRef, signal?: AbortSignal): Promise<ItemFacts[]> => {
    const items: ItemFacts[] = [];
    const first = listListItemsCall(lib.ref, { fields: ['ContentType', 'FileLeafRef', '_ComplianceTag', '_IsRecord'], top: 999 });
    for await (const page of iteratePages<ListItem>(graph, first, { signal })) {
      for (const item of page.items) {
        const fields = (item.fields ?? {}) as Record<string, unknown>;
        if (fields.ContentType === 'Folder') continue;
        items.push({
          id: Number(item.id),
          name: typeof fields.FileLeafRef === 'string' ? fields.FileLeafRef : `Item ${String(item.id)}`,
          label: typeof fields._ComplianceTag === 'string' ? fields._ComplianceTag : '',
          isRecord: fields._IsRecord === true || fields._IsRecord === 'Yes' || fields._IsRecord === '1'
        });
      }
    }
    return items.sort((a, b) => a.id - b.id);
  };

  /** Locked records among the given record items: their drive items, then each one's retention label settings. */
  const countLocked = async (lib: LibraryRef, recordItems: readonly ItemFacts[], signal?: AbortSignal): Promise<number> => {
    if (recordItems.length === 0) return 0;
    const list = await getList(graph, lib.ref, { signal });
    const driveId = list.drive?.id;
    if (!driveId) return 0;
    const files = await runBatch(
      graph,
      recordItems.map((r) => getListItemDriveItemCall(lib.ref, String(r.id))),
      { signal }
    );
    const itemIds = files.map((o) => {
      if (!o.ok) throw o.error;
      return String(o.value.id);
    });
    const labels = await runBatch<ItemRetentionLabel>(
      graph,
      itemIds.map((itemId) => getRetentionLabelCall({ driveId, itemId })),
      { signal }
    );
    return labels.filter((o) => {
      if (!o.ok) throw o.error;
      return o.value.retentionSettings?.isRecordLocked === true;
    }).length;
  };

  const templateIds = async (signal?: AbortSignal): Promise<GraphTemplateIds> => {
    const kinds = Object.keys(descriptorCollections) as DescriptorKind[];
    const [eventTypes, ...lists] = await Promise.all([
      listRetentionEventTypes(graph, { signal }),
      ...kinds.map((kind) => listFilePlanDescriptorTemplates(graph, kind, { signal }))
    ]);
    const byName = (list: readonly { id?: string; displayName?: string | null }[]): Record<string, string> =>
      Object.fromEntries(list.filter((t) => t.id && t.displayName).map((t) => [String(t.displayName), String(t.id)]));
    const table = Object.fromEntries(kinds.map((kind, i) => [descriptorCollections[kind], byName(lists[i])]));
    return { graphBaseUrl, eventTypes: byName(eventTypes), ...table };
  };

  const tenantFacts = async (ids: GraphTemplateIds, signal?: AbortSignal): Promise<FilePlanTenantFacts> => {
    const labels = await listRetentionLabels(graph, { signal });
    return {
      existingLabels: labels.map((l) => l.displayName ?? '').filter(Boolean),
      eventTypes: Object.keys(ids.eventTypes ?? {})
    };
  };

  const isNotAllowed = (e: unknown): boolean => e instanceof CustodianError && (e.status === 401 || e.status === 403);

  return {
    async loadFilePlan(options = {}) {
      const [payloads, tags] = await Promise.all([
        listRetentionLabels(graph, { signal: options.signal }),
        getAvailableTagsForSite(site, options.signal)
      ]);
      const available = new Set(tags.map((t: ComplianceTag) => fold(t.TagName)));
      const { labels, unreadable } = readLabels(payloads);
      return { labels: labels.map((label) => ({ label, availableToSite: available.has(fold(label.name)) })), unreadable };
    },

    async exportFilePlan(options = {}) {
      const { labels, unreadable } = readLabels(await listRetentionLabels(graph, { signal: options.signal, withEventTypes: true }));
      const warnings = unreadable.map((u) => `${u.name} was left out: ${u.reasons.join(' ')}`);
      const rows = labels
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((label) => {
          const row = filePlanLabelToCsvRow(label);
          warnings.push(...row.warnings.map((w) => `${label.name}: ${w}`));
          return row.values;
        });
      return { text: writeFilePlanCsv(rows), warnings };
    },

    async checkImport(fileName, bytes, options = {}) {
      const ids = await templateIds(options.signal);
      const facts = await tenantFacts(ids, options.signal);
      const result = filePlanCsvToGraphCreateBodies(bytes, facts, ids);
      const validation = result.validation;
      const missing = result.ok ? [] : result.missing;
      const check: ImportCheck = {
        fileName,
        issues: validation.issues,
        skipped: validation.skipped,
        labels: result.ok
          ? result.bodies.map((b) => ({ rowNumber: b.rowNumber, name: String(b.body.displayName), warnings: b.warnings }))
          : validation.ok
            ? validation.labels.map((l) => ({ rowNumber: l.rowNumber, name: l.label.name, warnings: [] }))
            : [],
        templatesToCreate: missing.filter((m) => m.kind !== 'eventType'),
        ok: validation.ok && missing.every((m) => m.kind !== 'eventType')
      };
      return check;
    },

    async importLabels(check, bytes, onCreated, options = {}) {
      if (!check.ok)
        throw refusalError({
          code: 'importHasErrors',
          what: `Custodian didn't import '${check.fileName}'.`,
          why: 'The file has errors.',
          whatToDo: 'Fix every error listed, then choose the file again.'
        });
      const signal = options.signal;
      const ids = await templateIds(signal);
      let result = filePlanCsvToGraphCreateBodies(bytes, await tenantFacts(ids, signal), ids);
      let createdSomething = false;
      if (!result.ok && result.validation.ok) {
        for (const need of result.missing) {
          if (need.kind === 'eventType') continue;
          try {
            const created = await createFilePlanDescriptorTemplate(graph, need.kind, need.name, { signal });
            createdSomething = true;
            const table = descriptorCollections[need.kind];
            const current = (ids as Record<string, Record<string, string> | undefined>)[table] ?? {};
            (ids as Record<string, unknown>)[table] = { ...current, [need.name]: String(created.id) };
          } catch (e) {
            if (!createdSomething && isNotAllowed(e))
              return { status: 'notAllowed', whoCan: whoCanCreateLabels, whatToDo: whatToDoWhenNotAllowed };
            throw e;
          }
        }
        result = filePlanCsvToGraphCreateBodies(bytes, await tenantFacts(ids, signal), ids);
      }
      if (!result.ok)
        throw refusalError({
          code: 'importChanged',
          what: `Custodian didn't import '${check.fileName}'.`,
          why: 'The tenant changed since the file was checked (a label with one of its names, or an event type, was added or removed).',
          whatToDo: 'Choose the file again to see what changed.'
        });
      const created: string[] = [];
      for (const { body } of result.bodies) {
        const name = String(body.displayName);
        try {
          await createRetentionLabel(graph, body, { signal });
        } catch (error) {
          if (!createdSomething && created.length === 0 && isNotAllowed(error))
            return { status: 'notAllowed', whoCan: whoCanCreateLabels, whatToDo: whatToDoWhenNotAllowed };
          return { status: 'partial', created, failedLabel: name, error };
        }
        created.push(name);
        onCreated?.(name);
      }
      return { status: 'created', created };
    },

    async loadLibraries(options = {}) {
      const signal = options.signal;
      // Custodian's own state is on the records site; when it cannot be read, SharePoint's defaults still show, and the
      // snapshot says what is missing and why.
      const ownState = Promise.all([
        records().then(async (r) => r.list(libraryPlansList).query({ siteId: String((await siteInfo()).id) }, { signal })),
        applyDefaultJobs(signal)
      ]).then(
        ([plans, jobs]) => ({ plans, jobs, error: undefined }),
        (error: unknown) => ({ plans: [], jobs: [], error })
      );
      const [libs, tags, sensitivity, state] = await Promise.all([
        libraries(signal),
        getAvailableTagsForSite(site, signal),
        allSensitivity(),
        ownState
      ]);
      const byList = new Map(state.plans.map((entry) => [entry.value.listId, entry.value]));
      const summaries = await Promise.all(libs.map((lib) => summarise(lib, byList.get(lib.id), state.jobs, signal)));
      return {
        ...(state.error !== undefined ? { recordsSiteError: state.error } : {}),
        libraries: summaries,
        retentionLabels: tags
          .map((t) => ({ name: t.TagName, isRecord: t.BlockEdit === true }))
          .sort((a, b) => a.name.localeCompare(b.name)),
        sensitivityLabels: sensitivity
      };
    },

    async applyLibraryPlan(change, options = {}) {
      const signal = options.signal;
      const lib = await library(change.libraryId, signal);
      const [recordsSite, filePlan, sensitivityLabels] = await Promise.all([
        records(),
        listRetentionLabels(graph, { signal }).then((payloads) => readLabels(payloads).labels),
        graphSensitivity()
      ]);
      const saved = await setLibraryPlan({ graph, site, recordsSite, filePlan, sensitivityLabels, now: now(), signal }, lib.ref, {
        defaultRetentionLabel: change.retentionLabel,
        defaultSensitivityLabelId: change.sensitivityLabelId,
        requiredColumns: change.requiredColumns
      });
      return summarise(lib, saved.value, await applyDefaultJobs(signal), signal);
    },

    async applyDefaultToExistingItems(libraryId, onProgress, options = {}) {
      const signal = options.signal;
      const lib = await library(libraryId, signal);
      const tag = await getListComplianceTag(site, lib.listUrl, signal);
      const label = tag?.TagName;
      if (!label)
        throw refusalError({
          code: 'noDefaultLabel',
          what: `Custodian didn't label the items of ${lib.name}.`,
          why: 'The library has no default retention label.',
          whatToDo: "Set the library's default label in its plan first."
        });
      const store = await checkpoints();
      const [items, jobs] = await Promise.all([readItems(lib, signal), applyDefaultJobs(signal)]);

      const runJob = async (jobId: string, maxItemId: number): Promise<BulkLabelReport> => {
        // The job's items are fixed by the label and the newest id when it started, so a resumed run finds the same
        // ones: files with no label, or the job's own label (those it already did). Files labelled otherwise keep it.
        const targets = items.filter((i) => i.id <= maxItemId && (i.label === '' || fold(i.label) === fold(label)));
        return bulkLabel(
          {
            jobId,
            label,
            target: { kind: 'listItems', site, listUrl: lib.listUrl, items: targets.map((t) => ({ id: t.id, name: t.name })) }
          },
          {
            graph,
            checkpoints: store,
            now,
            signal,
            maxConcurrency: deps.maxConcurrency ?? 2,
            // Every finished chunk is saved, so a closed page resumes exactly where it stopped.
            checkpointIntervalMs: 0,
            onProgress: (p) => onProgress({ total: p.total, done: p.done, labelled: p.labelled, failed: p.failed })
          }
        );
      };
      const startNew = (): Promise<BulkLabelReport> => {
        const job: ApplyDefaultJob = {
          listId: lib.id,
          startedAt: now(),
          maxItemId: items.reduce((max, i) => Math.max(max, i.id), 0),
          label
        };
        return runJob(applyDefaultJobId(job), job.maxItemId);
      };

      let report: BulkLabelReport;
      const stopped = unfinishedJobFor(jobs, lib.id, label);
      if (stopped) {
        try {
          report = await runJob(stopped.checkpoint.jobId, stopped.job.maxItemId);
        } catch (e) {
          // Someone labelled or removed files of the job meanwhile: its saved progress no longer fits, so a new run
          // starts (files already done carry the label and are quick to do again).
          if (!(e instanceof CustodianError && e.code === 'jobChanged')) throw e;
          report = await startNew();
        }
      } else {
        report = await startNew();
      }
      const names = new Map(items.map((i) => [String(i.id), i.name]));
      const outcome: BulkOutcome = {
        status: report.status,
        total: report.total,
        labelled: report.labelled.length,
        failed: report.failed.map((f) => ({ id: f.id, name: f.name ?? names.get(f.id), reason: f.reason })),
        notDone: report.notDone.length,
        resumed: report.resumed
      };
      return outcome;
    },

    async loadCoverage(options = {}) {
      const signal = options.signal;
      const libs = await libraries(signal);
      return Promise.all(
        libs.map(async (lib): Promise<LibraryCoverage> => {
          const [tag, items] = await Promise.all([getListComplianceTag(site, lib.listUrl, signal), readItems(lib, signal)]);
          const defaultLabel = tag?.TagName || null;
          const labelled = items.filter((i) => i.label !== '');
          const recordItems = items.filter((i) => i.isRecord);
          const withDefault = defaultLabel ? items.filter((i) => fold(i.label) === fold(defaultLabel)).length : 0;
          return {
            libraryId: lib.id,
            name: lib.name,
            defaultRetentionLabel: defaultLabel,
            items: items.length,
            labelled: labelled.length,
            unlabelled: items.length - labelled.length,
            records: recordItems.length,
            lockedRecords: await countLocked(lib, recordItems, signal),
            drift: defaultLabel ? items.length - withDefault : 0
          };
        })
      );
    }
  };
}

/** A run applying a library's default label to its existing items, as its job id names it. */
export interface ApplyDefaultJob {
  listId: string;
  /** Epoch milliseconds: tells runs apart, the newest wins. */
  startedAt: number;
  /** Files added after the run started (a higher list item id) are left to the library default. */
  maxItemId: number;
  label: string;
}

interface AppliedJob {
  checkpoint: Omit<JobCheckpoint, 'failures'>;
  job: ApplyDefaultJob;
}

/**
 * The job id of a run: everything needed to find its items again is in it, so a page closed halfway resumes with
 * the same items (the checkpoint refuses any other set).
 *
 * @example applyDefaultJobId({ listId: 'b45e…', startedAt: 1767225600000, maxItemId: 520, label: 'Invoices - 7 Years' })
 * // 'applyDefault b45e… 1767225600000 520 Invoices - 7 Years'
 */
export function applyDefaultJobId(job: ApplyDefaultJob): string {
  return `applyDefault ${job.listId} ${job.startedAt} ${job.maxItemId} ${job.label}`;
}

/** The run a job id names, or undefined for any other job. */
export function parseApplyDefaultJobId(jobId: string): ApplyDefaultJob | undefined {
  const m = /^applyDefault (\S+) (\d+) (\d+) (.+)$/.exec(jobId);
  return m ? { listId: m[1], startedAt: Number(m[2]), maxItemId: Number(m[3]), label: m[4] } : undefined;
}
