import type { ColumnDefinition, SensitivityLabel } from '@microsoft/microsoft-graph-types';
import type { FilePlanLabel } from '../core/domain/filePlanLabel';
import type { RecordState, RecordsTenantSettings } from '../core/domain/recordRestrictions';
import { retentionEnd } from '../core/domain/retentionEnd';
import { retentionLabelFromGraph } from '../core/domain/retentionLabelFromGraph';
import type { GraphGateway } from '../core/graph/GraphGateway';
import { getList } from '../core/graph/lists/getList';
import { listRetentionLabels } from '../core/graph/retentionLabels/listRetentionLabels';
import { listSensitivityLabels } from '../core/graph/sensitivityLabels/listSensitivityLabels';
import { isRecordBehavior } from '../core/domain/behaviorDuringRetentionPeriod';
import { declareRecord } from '../core/services/declareRecord/declareRecord';
import type { DeclareRecordResult, DeclareStep } from '../core/services/declareRecord/DeclareRecordResult';
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

export type OpenDocumentResult = { ok: true; context: DocumentContext } | { ok: false; notOpened: NotOpened };

/** Everything the pane needs to file one message. */
export interface MessageContext {
  message: MessageSubject;
  /** The records library the file plan maps email to; null when none is mapped. */
  library: { name: string; defaultLabel?: string } | null;
  /** The copy already filed (found by internet message id), if any. */
  existingCopy?: { name: string; webUrl: string };
  labels: FilePlanLabel[];
  specs: FieldSpec[];
  values: FieldValues;
}

/**
 * What the task pane asks of the core: one object, built once per sign-in by the composition root
 * (index.tsx), so the pane and its tests never see a gateway, a URL or fetch.
 */
export interface PaneServices {
  openDocument(url: string | undefined, signal?: AbortSignal): Promise<OpenDocumentResult>;
  declare(context: DocumentContext, request: DeclareRequest, onProgress: (steps: StepProgress[]) => void): Promise<DeclareResultView>;
  openMessage(message: MessageSubject, signal?: AbortSignal): Promise<MessageContext>;
  file(context: MessageContext, request: DeclareRequest, onProgress: (steps: StepProgress[]) => void): Promise<DeclareResultView>;
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
      const [labelPayloads, sensitivityLabels, list] = await Promise.all([
        listRetentionLabels(graph, { signal, withEventTypes: true }),
        // The classification is optional: a tenant without sensitivity labels still declares records.
        listSensitivityLabels(graph, { signal }).catch(() => undefined),
        document.listItem ? getList(graph, document.listItem.list, { signal }) : Promise.resolve(undefined)
      ]);
      const labels = filePlanFromGraph(labelPayloads);
      const options = sensitivityLabels ? sensitivityOptionsFromGraph(sensitivityLabels) : undefined;
      const columns: ColumnDefinition[] = list?.columns ?? [];
      const specs = columns
        .filter((c) => c.required === true && c.name !== 'FileLeafRef')
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
    declare: deps.declare ?? ((context, request, onProgress) => declareWithCore(graph, context, request, onProgress)),
    openMessage: deps.openMessage ?? (() => notAvailable('Filing email')),
    file: deps.file ?? (() => notAvailable('Filing email'))
  };
}

/**
 * A form value as Graph's listItem `fields` take it. Text, choice and number go as they are; a date as
 * midnight UTC of that day. Person and managed metadata columns need ids Graph resolves elsewhere (a site user's
 * lookup id, a term's WssId): they go as the email address and the term label, which the core must resolve.
 */
export function graphFieldValue(spec: FieldSpec | undefined, value: FieldValue): unknown {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return spec?.kind === 'date' ? `${value}T00:00:00Z` : value;
  if ('email' in value) return value.email;
  return value.label;
}

const stepLabels: Record<DeclareStep, string> = {
  fields: 'Save the metadata',
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
  onProgress: (steps: StepProgress[]) => void
): Promise<DeclareResultView> {
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
  if (Object.keys(fields).length > 0) asked.add('fields');
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
      ...(context.actor ? { actor: context.actor } : {})
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
    steps
  };
}
