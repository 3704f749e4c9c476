import type { ColumnDefinition, ListItem, SensitivityLabel } from '@microsoft/microsoft-graph-types';
import type { FilePlanLabel } from '../core/domain/filePlanLabel';
import type { RecordState, RecordsTenantSettings } from '../core/domain/recordRestrictions';
import { retentionEnd } from '../core/domain/retentionEnd';
import { retentionLabelFromGraph } from '../core/domain/retentionLabelFromGraph';
import type { GraphGateway } from '../core/graph/GraphGateway';
import { listAll } from '../core/graph/iteratePages';
import { findListItemsCall } from '../core/graph/listItems/findListItems';
import { findListByName } from '../core/graph/lists/findListByName';
import { getList } from '../core/graph/lists/getList';
import { encodePathSegment } from '../core/http/encodePathSegment';
import { quoteODataString } from '../core/http/quoteODataString';
import { emailColumns } from '../core/services/fileMessage/emailColumns';
import { fileMessage } from '../core/services/fileMessage/fileMessage';
import { fileMessageSteps, type FileMessageResult, type FileMessageStep } from '../core/services/fileMessage/FileMessageResult';
import { libraryKeyOf, libraryPlansList, type LibraryPlan } from '../core/services/libraryPlan/libraryPlansList';
import { openRecordsSite } from '../core/services/recordsSite/RecordsSite';
import { listRetentionLabels } from '../core/graph/retentionLabels/listRetentionLabels';
import { listSensitivityLabels } from '../core/graph/sensitivityLabels/listSensitivityLabels';
import { isRecordBehavior } from '../core/domain/behaviorDuringRetentionPeriod';
import { declareRecord } from '../core/services/declareRecord/declareRecord';
import { isTypedFieldValue, type DeclareFieldValue } from '../core/services/declareRecord/DeclareRecordRequest';
import type { DeclareRecordResult, DeclareStep } from '../core/services/declareRecord/DeclareRecordResult';
import type { SharePointSite } from '../core/sharepoint/createSharePoint';
import type { ResolvedDocument } from '../core/services/resolveDocument/ResolvedDocument';
import { resolveDocument } from '../core/services/resolveDocument/resolveDocument';
import type { DeclareRequest, DeclareResultView } from '../ui/declare/DeclareForm';
import { fieldSpecFromColumn, type FieldSpec, type FieldValue, type FieldValues } from '../ui/declare/fields';
import type { RecordStatus, SensitivityOption, StepProgress } from '../ui/declare/model';
import type { MessageSubject } from './hosts/HostAdapter';
import { hostError } from './hosts/hostError';

/** Everything the pane needs to declare one document, read before anything is offered. */
export interface DocumentContext {
  document: ResolvedDocument;
  status: RecordStatus;
  /** The file plan: the labels the person can choose. */
  labels: FilePlanLabel[];
  sensitivity?: { options: SensitivityOption[]; currentId?: string };
  /** Graph's sensitivity labels, as the declare service checks a chosen one against them. */
  graphSensitivityLabels?: SensitivityLabel[];
  /** The library's required columns. */
  specs: FieldSpec[];
  values: FieldValues;
  /** "the Contracts library". */
  columnsSource?: string;
  settings?: RecordsTenantSettings;
  actor?: { isContainerAdmin: boolean };
}

/** A document the pane cannot work on, said plainly (not saved, not found, no access). */
export interface NotOpened {
  reason: string;
  what: string;
  why: string;
  whatToDo: string;
}

/** A declaration's result, with what the document is now (the status card shows it without reading it again). */
export interface DeclaredView extends DeclareResultView {
  status?: RecordStatus;
}

export type OpenDocumentResult = { ok: true; context: DocumentContext } | { ok: false; notOpened: NotOpened };

/** A records library whose library plan can take email (it has the columns `fileMessage` fills). */
export interface EmailLibrary {
  /** The plan's key, `{siteId}/{listId}`: what the person's choice remembers. */
  key: string;
  name: string;
  /** The plan's default retention label, preselected. */
  defaultLabel?: string;
  plan: LibraryPlan;
}

/** Everything the pane needs to file one message. */
export interface MessageContext {
  message: MessageSubject;
  /** The records libraries a library plan maps that can take email; empty when none is mapped (nothing can be sent). */
  libraries: EmailLibrary[];
  /** The library this email is filed into (the person's remembered choice, or the only one); null until one is chosen. */
  library: EmailLibrary | null;
  /** The copy already filed in that library (found by internet message id), if any. */
  existingCopy?: { name: string; webUrl: string };
  labels: FilePlanLabel[];
  /**
   * The metadata asked of the person: the columns the library (or its plan) requires beside the email ones, which
   * filing fills from the message itself. Written with the email columns, on the `.eml` and its attachments.
   */
  specs: FieldSpec[];
  values: FieldValues;
  /**
   * Columns the library's plan requires that the form cannot fill (not a column of the library, or of a kind filing
   * cannot write, such as a person or managed metadata): filing is refused before anything is sent.
   */
  unfillableColumns: string[];
}

/** What the person asked for when filing, beside the label. */
export interface FileOptions {
  /** File the message's attachments as records too, each beside the `.eml`. */
  includeAttachments?: boolean;
}

/**
 * What the task pane asks of the core: one object, built once per sign-in by the composition root
 * (index.tsx), so the pane and its tests never see a gateway, a URL or fetch.
 */
export interface PaneServices {
  openDocument(url: string | undefined, signal?: AbortSignal): Promise<OpenDocumentResult>;
  declare(context: DocumentContext, request: DeclareRequest, onProgress: (steps: StepProgress[]) => void): Promise<DeclaredView>;
  /** The message, the libraries it can be filed into and the one chosen (`libraryKey`, a remembered choice). */
  openMessage(message: MessageSubject, libraryKey: string | undefined, signal?: AbortSignal): Promise<MessageContext>;
  file(
    context: MessageContext,
    request: DeclareRequest,
    onProgress: (steps: StepProgress[]) => void,
    options?: FileOptions
  ): Promise<DeclareResultView>;
}

/** The file plan as the domain models it; labels Graph describes in a way Custodian cannot represent are left out. */
export function filePlanFromGraph(payloads: readonly unknown[]): FilePlanLabel[] {
  const labels: FilePlanLabel[] = [];
  for (const payload of payloads) {
    const read = retentionLabelFromGraph(payload);
    if (read.ok) labels.push(read.label);
  }
  return labels;
}

/**
 * Graph's sensitivity labels as options, sublabels flattened under their parent's name (a parent with
 * sublabels cannot be applied). Rank follows `priority`, which grows with sensitivity in the label order.
 */
export function sensitivityOptionsFromGraph(labels: readonly SensitivityLabel[]): SensitivityOption[] {
  const options: SensitivityOption[] = [];
  const visit = (list: readonly SensitivityLabel[], parent?: string): void => {
    for (const label of list) {
      const name = label.displayName || label.name || label.id || '';
      const full = parent ? `${parent} / ${name}` : name;
      const children = (label as { sublabels?: SensitivityLabel[] }).sublabels ?? [];
      if (children.length > 0) visit(children, full);
      if (label.id && (label as { isAppliable?: boolean }).isAppliable !== false && children.length === 0) {
        // The same ranking the declare service uses to decide what is a downgrade: sensitivity, then priority.
        const l = label as { sensitivity?: number | null; priority?: number | null };
        const rank = l.sensitivity ?? l.priority;
        options.push({
          id: label.id,
          name: full,
          ...(label.description ? { description: label.description } : {}),
          rank: typeof rank === 'number' ? rank : options.length
        });
      }
    }
  };
  visit(labels);
  return options;
}

/** The value a list item field holds, as the form's typed value. */
function valueOf(spec: FieldSpec, raw: unknown): FieldValue | undefined {
  if (raw === null || raw === undefined || raw === '') return undefined;
  if (spec.kind === 'number') return typeof raw === 'number' ? raw : Number.isFinite(Number(raw)) ? Number(raw) : undefined;
  if (spec.kind === 'text' || spec.kind === 'choice' || spec.kind === 'date') return typeof raw === 'string' ? raw : String(raw);
  return undefined;
}

export interface PaneServicesDeps {
  graph: GraphGateway;
  /** Host names besides *.sharepoint.com whose documents Graph can resolve. */
  extraHosts?: readonly string[];
  settings?: RecordsTenantSettings;
  actor?: { isContainerAdmin: boolean };
  /** The core's declare service, adapted to the pane (see createPaneServices in index.tsx). */
  declare?: PaneServices['declare'];
  openMessage?: PaneServices['openMessage'];
  file?: PaneServices['file'];
  /**
   * The records site's URL (`https://contoso.sharepoint.com/sites/records`), where the library plans are kept.
   * Without it, filing email is not available.
   */
  recordsSiteUrl?: () => Promise<string>;
  /**
   * SharePoint REST for a site (`createSharePoint(siteUrl, { tokens })`): person and managed metadata columns are
   * written through it. Without it, a declaration that sets one is refused before anything is sent.
   */
  sharePoint?: (siteUrl: string) => SharePointSite;
}

/** A service this build does not have yet: refused before anything is sent. */
export function notAvailable(what: string): Promise<never> {
  return Promise.reject(
    hostError({
      code: 'serviceNotAvailable',
      what: `${what} is not available in this build of Custodian.`,
      why: 'The service that does it has not been installed with this version of the add-in. Nothing was sent.',
      whatToDo: 'Ask your administrator to update Custodian.'
    })
  );
}

/**
 * Builds the pane's services over one gateway. Opening a document reads the document (core `resolveDocument`),
 * then the file plan, the sensitivity labels and the library's columns in parallel.
 */
export function createPaneServices(deps: PaneServicesDeps): PaneServices {
  const { graph } = deps;
  return {
    async openDocument(url, signal) {
      const resolved = await resolveDocument(graph, url, {
        signal,
        ...(deps.extraHosts ? { extraHosts: deps.extraHosts } : {}),
        ...(deps.settings ? { settings: deps.settings } : {}),
        ...(deps.actor ? { actor: deps.actor } : {})
      });
      if (!resolved.found) {
        const { reason, what, why, whatToDo } = resolved;
        return { ok: false, notOpened: { reason, what, why, whatToDo } };
      }
      const document = resolved.document;
      const [labelPayloads, sensitivityLabels, list, plan] = await Promise.all([
        listRetentionLabels(graph, { signal, withEventTypes: true }),
        // The classification is optional: a tenant without sensitivity labels still declares records.
        listSensitivityLabels(graph, { signal }).catch(() => undefined),
        document.listItem ? getList(graph, document.listItem.list, { signal }) : Promise.resolve(undefined),
        // The library plan adds the columns it requires; a records site that cannot be read leaves the library's own.
        document.listItem && deps.recordsSiteUrl
          ? libraryPlanOf(graph, deps.recordsSiteUrl, document.listItem.list, signal).catch(() => undefined)
          : Promise.resolve(undefined)
      ]);
      const labels = filePlanFromGraph(labelPayloads);
      const options = sensitivityLabels ? sensitivityOptionsFromGraph(sensitivityLabels) : undefined;
      const columns: ColumnDefinition[] = list?.columns ?? [];
      const specs = columns
        .filter((c) => (c.required === true || plan?.requiredColumns.includes(String(c.name))) && c.name !== 'FileLeafRef')
        .map((c) => fieldSpecFromColumn(c))
        .filter((s): s is FieldSpec => s !== undefined);
      const fields = document.listItem?.fields ?? {};
      const values: Record<string, FieldValue> = {};
      for (const spec of specs) {
        const value = valueOf(spec, fields[spec.name]);
        if (value !== undefined) values[spec.name] = value;
      }
      const currentId = document.sensitivityLabels[0]?.sensitivityLabelId ?? undefined;
      const applied = document.retentionLabel;
      const appliedLabel = applied ? labels.find((l) => l.name.toLowerCase() === applied.name.toLowerCase()) : undefined;
      const state: RecordState = document.record;
      const status: RecordStatus = {
        itemName: document.name,
        ...(list?.displayName ? { location: list.displayName } : {}),
        classification: document.sensitivityLabelsError
          ? undefined
          : currentId
            ? { id: currentId, name: options?.find((o) => o.id === currentId)?.name ?? currentId }
            : null,
        retentionLabel: applied
          ? {
              name: applied.name,
              ...(applied.appliedAt ? { appliedAt: applied.appliedAt } : {}),
              ...(applied.appliedBy ? { appliedBy: applied.appliedBy } : {}),
              ...(applied.isAppliedExplicitly !== undefined ? { isExplicit: applied.isAppliedExplicitly } : {})
            }
          : null,
        state,
        ...(appliedLabel
          ? {
              retentionEnd: retentionEnd(
                appliedLabel,
                { created: document.created, modified: document.modified || undefined, labelled: applied?.appliedAt ?? document.modified },
                labels
              )
            }
          : {})
      };
      return {
        ok: true,
        context: {
          document,
          status,
          labels,
          ...(options && options.length > 0 ? { sensitivity: { options, ...(currentId ? { currentId } : {}) } } : {}),
          ...(sensitivityLabels ? { graphSensitivityLabels: sensitivityLabels } : {}),
          specs,
          values,
          ...(list?.displayName ? { columnsSource: `the ${list.displayName} library` } : {}),
          ...(deps.settings ? { settings: deps.settings } : {}),
          ...(deps.actor ? { actor: deps.actor } : {})
        }
      };
    },
    declare: deps.declare ?? ((context, request, onProgress) => declareWithCore(graph, context, request, onProgress, deps.sharePoint)),
    openMessage:
      deps.openMessage ??
      (deps.recordsSiteUrl
        ? (message, libraryKey, signal) => openMessageWithCore(graph, deps.recordsSiteUrl!, message, libraryKey, signal)
        : () => notAvailable('Filing email')),
    file:
      deps.file ??
      (deps.recordsSiteUrl
        ? (context, request, onProgress, options) => fileWithCore(graph, context, request, onProgress, options)
        : () => notAvailable('Filing email'))
  };
}

/** A library's plan on the records site; undefined when it has none (or the plans list does not exist yet: nothing is created). */
export async function libraryPlanOf(
  graph: GraphGateway,
  recordsSiteUrl: () => Promise<string>,
  library: { siteId: string; listId: string },
  signal?: AbortSignal
): Promise<LibraryPlan | undefined> {
  const options = signal ? { signal } : {};
  const site = await openRecordsSite(graph, await recordsSiteUrl(), options);
  if (!(await findListByName(graph, site.siteId, libraryPlansList.title, options))) return undefined;
  // What the core's getLibraryPlan does, without the module that also writes plans (SharePoint REST) in the pane's bundle.
  return (await site.list(libraryPlansList).find(libraryKeyOf(library), options))?.value;
}

/**
 * The libraries a library plan on the records site maps, kept when they can take email (the columns `fileMessage`
 * fills, and a drive). Reads only: a records site without the plans list has no plan, and nothing is created.
 */
export async function emailLibraries(graph: GraphGateway, recordsSiteUrl: string, signal?: AbortSignal): Promise<EmailLibrary[]> {
  const options = signal ? { signal } : {};
  const site = await openRecordsSite(graph, recordsSiteUrl, options);
  if (!(await findListByName(graph, site.siteId, libraryPlansList.title, options))) return [];
  const plans = await site.list(libraryPlansList).list(options);
  const checked = await Promise.all(
    plans.map(async ({ value: plan }): Promise<EmailLibrary | undefined> => {
      if (!plan.driveId) return undefined;
      // A library that is gone or not shared with this person is not offered.
      const list = await getList(graph, { siteId: plan.siteId, listId: plan.listId }, options).catch(() => undefined);
      const columns = new Set((list?.columns ?? []).map((c) => c.name));
      if (!list || Object.values(emailColumns).some((c) => !columns.has(c))) return undefined;
      return {
        key: plan.libraryKey,
        name: plan.libraryName || String(list.displayName ?? ''),
        ...(plan.defaultRetentionLabel ? { defaultLabel: plan.defaultRetentionLabel } : {}),
        plan
      };
    })
  );
  return checked.filter((l): l is EmailLibrary => l !== undefined).sort((a, b) => a.name.localeCompare(b.name));
}

/** The copy of a message already filed in a library, found by its internet message id (the oldest, as `fileMessage` keeps it). */
export async function findFiledCopy(
  graph: GraphGateway,
  plan: LibraryPlan,
  internetMessageId: string,
  signal?: AbortSignal
): Promise<{ name: string; webUrl: string } | undefined> {
  if (!internetMessageId) return undefined;
  const items = await listAll<ListItem>(
    graph,
    {
      ...findListItemsCall(
        { siteId: plan.siteId, listId: plan.listId },
        `fields/${emailColumns.internetMessageId} eq ${quoteODataString(internetMessageId)}`
      ),
      action: 'look for the email in the records library'
    },
    signal ? { signal } : {}
  );
  const oldest = [...items].sort((a, b) => Number(a.id) - Number(b.id))[0];
  if (!oldest) return undefined;
  const fields = (oldest.fields ?? {}) as Record<string, unknown>;
  return { name: String(fields.FileLeafRef ?? fields.Title ?? ''), webUrl: String(oldest.webUrl ?? '') };
}

/** Kinds `fileMessage` writes as they are; a person or a term needs an id Graph resolves elsewhere. */
const fileableKinds: ReadonlySet<FieldSpec['kind']> = new Set(['text', 'choice', 'date', 'number']);

/**
 * The columns asked of the person when filing email: those the library or its plan requires, except the email
 * columns (filled from the message) and the file name; and the required ones the form cannot fill.
 */
export function messageSpecs(
  columns: readonly ColumnDefinition[],
  requiredColumns: readonly string[]
): { specs: FieldSpec[]; unfillable: string[] } {
  const filled = new Set<string>([...Object.values(emailColumns), 'FileLeafRef', 'Title']);
  const specs: FieldSpec[] = [];
  const unfillable: string[] = [];
  const names = new Set([...columns.filter((c) => c.required === true).map((c) => String(c.name)), ...requiredColumns]);
  for (const name of names) {
    if (filled.has(name)) continue;
    const column = columns.find((c) => c.name === name);
    const spec = column && column.readOnly !== true ? fieldSpecFromColumn(column) : undefined;
    if (spec && fileableKinds.has(spec.kind)) specs.push({ ...spec, required: true });
    else unfillable.push(name);
  }
  return { specs, unfillable };
}

async function openMessageWithCore(
  graph: GraphGateway,
  recordsSiteUrl: () => Promise<string>,
  message: MessageSubject,
  libraryKey: string | undefined,
  signal?: AbortSignal
): Promise<MessageContext> {
  const [libraries, labelPayloads] = await Promise.all([
    recordsSiteUrl().then((url) => emailLibraries(graph, url, signal)),
    listRetentionLabels(graph, { signal, withEventTypes: true })
  ]);
  const library = libraries.find((l) => l.key === libraryKey) ?? (libraries.length === 1 ? libraries[0] : null);
  const [existingCopy, list] = library
    ? await Promise.all([
        findFiledCopy(graph, library.plan, message.internetMessageId, signal),
        getList(graph, { siteId: library.plan.siteId, listId: library.plan.listId }, { signal })
      ])
    : [undefined, undefined];
  const { specs, unfillable } = messageSpecs(list?.columns ?? [], library?.plan.requiredColumns ?? []);
  return {
    message,
    libraries,
    library,
    ...(existingCopy ? { existingCopy } : {}),
    labels: filePlanFromGraph(labelPayloads),
    specs,
    values: {},
    unfillableColumns: library ? unfillable : []
  };
}

const fileStepLabels: Record<FileMessageStep, string> = {
  upload: 'Save the email as an .eml file in the records library',
  fields: "Save the email's details (from, to, sent, subject)",
  retentionLabel: 'Apply the retention label',
  attachments: 'File the attachments as records',
  category: 'Mark the email as filed in Outlook'
};

/** The planned steps of filing, in the order `fileMessage` runs them. */
export function plannedFileSteps(request: DeclareRequest, options: FileOptions = {}): StepProgress[] {
  return fileMessageSteps
    .filter((step) => step !== 'attachments' || options.includeAttachments === true)
    .map((step) => ({
      id: step,
      label: step === 'retentionLabel' ? `Apply the retention label "${request.retentionLabel}"` : fileStepLabels[step],
      state: 'pending' as const
    }));
}

/** `fileMessage`'s step outcomes as the progress list shows them. */
export function fileStepsFromResult(
  result: Exclude<FileMessageResult, { status: 'refused' }>,
  request: DeclareRequest,
  options: FileOptions = {}
): StepProgress[] {
  const planned = plannedFileSteps(request, options);
  return planned.map((step): StepProgress => {
    const outcome = result.steps.find((s) => s.step === step.id);
    if (!outcome) return { ...step, state: 'skipped' };
    switch (outcome.status) {
      case 'done':
        return { ...step, state: 'done' };
      case 'unchanged':
        return {
          ...step,
          state: 'skipped',
          detail:
            result.status === 'alreadyFiled' && step.id !== 'category'
              ? 'Already filed: the first copy is kept.'
              : step.id === 'attachments'
                ? 'The email has no attachments to file.'
                : 'Already as asked: nothing to change.'
        };
      case 'failed':
        return { ...step, state: 'failed', ...(outcome.error ? { error: outcome.error } : {}) };
      case 'notAttempted':
        return { ...step, state: 'skipped', detail: 'Not sent, because an earlier step failed.' };
    }
  });
}

/** Files through the core's `fileMessage`: refused (nothing sent) when no library is chosen or a column cannot be filled. */
async function fileWithCore(
  graph: GraphGateway,
  context: MessageContext,
  request: DeclareRequest,
  onProgress: (steps: StepProgress[]) => void,
  options: FileOptions = {}
): Promise<DeclareResultView> {
  const library = context.library;
  if (!library)
    throw hostError({
      code: 'noEmailLibrary',
      what: 'Custodian did not file this email.',
      why: 'No records library is chosen for email. Nothing was sent.',
      whatToDo: 'Choose the records library to file email into, then file it.'
    });
  if (context.unfillableColumns.length > 0)
    throw hostError({
      code: 'unfillableColumns',
      what: 'Custodian did not file this email.',
      why: `${library.name} requires ${context.unfillableColumns.map((c) => `'${c}'`).join(', ')}, which filing email cannot fill. Nothing was sent.`,
      whatToDo: 'Choose another library, or ask your site owner to map email to a library made for it.'
    });
  onProgress(plannedFileSteps(request, options).map((s) => ({ ...s, state: 'running' as const })));
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(request.fields)) {
    fields[name] = graphFieldValue(
      context.specs.find((s) => s.name === name),
      value
    );
  }
  const result = await fileMessage(graph, context.message.restId, library.plan, {
    retentionLabel: request.retentionLabel,
    ...(options.includeAttachments ? { includeAttachments: true } : {}),
    ...(Object.keys(fields).length > 0 ? { fields } : {})
  });
  if (result.status === 'refused') throw result.error;
  const steps = fileStepsFromResult(result, request, options);
  onProgress(steps);
  const name = result.item.name;
  const link = result.item.webUrl ? { link: { text: `Open ${name}`, href: result.item.webUrl } } : {};
  if (result.status === 'alreadyFiled')
    return {
      summary: `This email was already filed as "${name}" in ${library.name}. That first copy is kept: no second copy was made.`,
      steps,
      ...link
    };
  return {
    summary:
      result.status === 'filed'
        ? `The email is filed as "${name}" in ${library.name} with the label "${request.retentionLabel}".`
        : `Only part of the filing was done for "${name}": the steps below say which, and why.`,
    steps,
    ...link
  };
}

/**
 * A form value as the core services take it. Text, choice and number go as they are; a date as midnight UTC of
 * that day. A person and a managed metadata term go as typed values (`{ kind: 'person', email }`,
 * `{ kind: 'term', label, termId }`): Graph cannot write them by name, so `declareRecord` writes them through
 * SharePoint's `ValidateUpdateListItem`.
 */
export function graphFieldValue(spec: FieldSpec | undefined, value: FieldValue): DeclareFieldValue {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return spec?.kind === 'date' ? `${value}T00:00:00Z` : value;
  if (value.kind === 'person') return { kind: 'person', email: value.email };
  return { kind: 'term', label: value.label, termId: value.termId };
}

const stepLabels: Record<DeclareStep, string> = {
  fields: 'Save the metadata',
  peopleAndTerms: 'Save the people and terms',
  retentionLabel: 'Apply the retention label',
  lock: 'Lock the record',
  sensitivityLabel: 'Apply the classification'
};

/** The service's step outcomes as the progress list shows them; steps not asked for are left out. */
export function stepsFromResult(result: Extract<DeclareRecordResult, { steps: unknown }>, asked: ReadonlySet<DeclareStep>): StepProgress[] {
  return result.steps
    .filter((s) => asked.has(s.step) || s.status === 'done' || s.status === 'failed')
    .map((s): StepProgress => {
      const label = stepLabels[s.step];
      switch (s.status) {
        case 'done':
          return { id: s.step, label, state: 'done' };
        case 'unchanged':
          return { id: s.step, label, state: 'skipped', detail: 'Already as asked: nothing to change.' };
        case 'failed':
          return { id: s.step, label, state: 'failed', ...(s.error ? { error: s.error } : {}) };
        case 'notAttempted':
          return { id: s.step, label, state: 'skipped', detail: 'Not sent, because an earlier step failed.' };
      }
    });
}

/** Declares through the core's `declareRecord`, which checks everything first and sends one batch. */
async function declareWithCore(
  graph: GraphGateway,
  context: DocumentContext,
  request: DeclareRequest,
  onProgress: (steps: StepProgress[]) => void,
  sharePointOf?: (siteUrl: string) => SharePointSite
): Promise<DeclaredView> {
  const label = context.labels.find((l) => l.name === request.retentionLabel);
  const behavior = label?.retention?.behavior;
  // `lock: false` would unlock: only a record label that is not regulatory takes the person's choice.
  const lock = behavior !== undefined && isRecordBehavior(behavior) && behavior !== 'retainAsRegulatoryRecord' ? request.lock : undefined;
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(request.fields)) {
    fields[name] = graphFieldValue(
      context.specs.find((s) => s.name === name),
      value
    );
  }
  const asked = new Set<DeclareStep>(['retentionLabel']);
  const typed = Object.values(fields).some(isTypedFieldValue);
  if (Object.values(fields).some((v) => !isTypedFieldValue(v))) asked.add('fields');
  if (typed) asked.add('peopleAndTerms');
  const listItem = context.document.listItem;
  const sharePoint = typed && sharePointOf && listItem ? sharePointOf(await siteUrlOf(graph, listItem.list.siteId)) : undefined;
  if (lock !== undefined) asked.add('lock');
  if (request.sensitivityLabelId !== undefined) asked.add('sensitivityLabel');
  onProgress([...asked].map((step) => ({ id: step, label: stepLabels[step], state: 'running' as const })));
  const result = await declareRecord(
    graph,
    context.document,
    {
      retentionLabel: request.retentionLabel,
      ...(Object.keys(fields).length > 0 ? { fields } : {}),
      ...(lock !== undefined ? { lock } : {}),
      ...(request.sensitivityLabelId !== undefined ? { sensitivityLabelId: request.sensitivityLabelId } : {}),
      ...(request.justification ? { justification: request.justification } : {})
    },
    {
      filePlan: context.labels,
      ...(context.graphSensitivityLabels ? { sensitivityLabels: context.graphSensitivityLabels } : {}),
      now: Date.now(),
      ...(context.settings ? { settings: context.settings } : {}),
      ...(context.actor ? { actor: context.actor } : {}),
      ...(sharePoint ? { sharePoint } : {})
    }
  );
  if (result.status === 'refused') throw result.error;
  const steps = stepsFromResult(result, asked);
  onProgress(steps);
  const isRecord = result.record.behavior === 'retainAsRecord' || result.record.behavior === 'retainAsRegulatoryRecord';
  const name = context.document.name;
  return {
    summary:
      result.status === 'declared'
        ? isRecord
          ? `"${name}" is now a ${result.record.isLocked ? 'locked' : 'unlocked'} record with the label "${request.retentionLabel}".`
          : `"${name}" now has the label "${request.retentionLabel}".`
        : `Only part of the change was applied to "${name}": the steps below say which, and why.`,
    ...(result.retention ? { retentionEnd: result.retention } : {}),
    steps,
    status: statusAfterDeclare(context, request, result, new Date().toISOString())
  };
}

/** The site's absolute URL, from Graph (`GET /sites/{siteId}?$select=webUrl`). */
async function siteUrlOf(graph: GraphGateway, siteId: string): Promise<string> {
  const site = await graph.call<{ webUrl?: string }>({
    method: 'GET',
    url: `/sites/${encodePathSegment(siteId)}?$select=webUrl`,
    action: 'find the site of the document'
  });
  return String(site.webUrl ?? '');
}

/**
 * What the document is after a declaration, from the service's result: the label where its step was done, the
 * record state the service reports, the classification where it was set, and when retention now ends.
 */
export function statusAfterDeclare(
  context: DocumentContext,
  request: DeclareRequest,
  result: Extract<DeclareRecordResult, { steps: unknown }>,
  now: string
): RecordStatus {
  const before = context.status;
  const done = (step: DeclareStep): boolean => result.steps.some((s) => s.step === step && s.status === 'done');
  const relabelled = done('retentionLabel');
  const classification =
    done('sensitivityLabel') && request.sensitivityLabelId !== undefined
      ? request.sensitivityLabelId === ''
        ? null
        : {
            id: request.sensitivityLabelId,
            name: context.sensitivity?.options.find((o) => o.id === request.sensitivityLabelId)?.name ?? request.sensitivityLabelId
          }
      : before.classification;
  const retentionEnd = result.retention ?? (relabelled ? undefined : before.retentionEnd);
  return {
    ...before,
    classification,
    retentionLabel: relabelled ? { name: request.retentionLabel, appliedAt: now, isExplicit: true } : before.retentionLabel,
    state: { ...result.record },
    ...(retentionEnd ? { retentionEnd } : {})
  };
}
