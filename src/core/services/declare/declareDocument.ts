import { isRecordBehavior } from '../../domain/behaviorDuringRetentionPeriod';
import { declareRecord } from '../declareRecord/declareRecord';
import { isTypedFieldValue } from '../declareRecord/DeclareRecordRequest';
import type { DeclareRecordResult, DeclareStep } from '../declareRecord/DeclareRecordResult';
import type { DeclareDeps } from './DeclareDeps';
import type { DeclareRequest } from './DeclareRequest';
import { sensitivityLabelsOf, type DocumentContext } from './DocumentContext';
import { statusAfterDeclare } from './documentStatus';
import { graphFieldValues } from './graphFieldValue';
import { refuseHeldRelabel } from './refuseHeldRelabel';
import { siteUrlOf } from './siteUrlOf';
import type { RecordStatus } from './RecordStatus';

export interface DeclareDocumentRequest {
  /** The document as `openDocument` read it, with what was offered. */
  context: DocumentContext;
  declaration: DeclareRequest;
}

export interface DeclareDocumentOptions {
  /** Called once the declaration is checked and about to be sent, with the steps it asks for. */
  onSending?: (asked: readonly DeclareStep[]) => void;
}

/** What `declareRecord` reports for a declaration it sent: each step's outcome, the record state, the retention end. */
export type SentDeclaration = Extract<DeclareRecordResult, { steps: unknown }>;

/** A declaration that was sent (a refusal before any request throws its `CustodianError` instead). */
export interface DeclareDocumentResult {
  /** The steps the person's choices ask for, in the order they run. */
  asked: DeclareStep[];
  /** `declared` when every step is done or unchanged, else `partial`; with each step's outcome. */
  sent: SentDeclaration;
  /** What the document is now (a status card shows it without reading it again). */
  status: RecordStatus;
}

/**
 * Declares a document through the core's `declareRecord`, which checks everything first and sends one batch: the
 * form's values as the columns take them, the lock only where the label allows the person's choice, and SharePoint
 * REST for the document's site when a person or a term is set.
 */
export async function declareDocument(
  deps: DeclareDeps,
  { context, declaration: request }: DeclareDocumentRequest,
  options: DeclareDocumentOptions = {}
): Promise<DeclareDocumentResult> {
  const { graph } = deps;
  const now = deps.clock ?? Date.now;
  const label = context.labels.find((l) => l.name === request.retentionLabel);
  const behavior = label?.retention?.behavior;
  // `lock: false` would unlock: only a record label that is not regulatory takes the person's choice.
  const lock = behavior !== undefined && isRecordBehavior(behavior) && behavior !== 'retainAsRegulatoryRecord' ? request.lock : undefined;
  const fields = graphFieldValues(context.specs, request.fields);
  const asked = new Set<DeclareStep>(['retentionLabel']);
  const typed = Object.values(fields).some(isTypedFieldValue);
  if (Object.values(fields).some((v) => !isTypedFieldValue(v))) asked.add('fields');
  if (typed) asked.add('peopleAndTerms');
  const listItem = context.document.listItem;
  const sharePoint = typed && deps.sharePoint && listItem ? deps.sharePoint(await siteUrlOf(graph, listItem.list.siteId)) : undefined;
  if (lock !== undefined) asked.add('lock');
  if (request.sensitivityLabelId !== undefined) asked.add('sensitivityLabel');
  options.onSending?.([...asked]);
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
      ...(context.sensitivityCatalog ? { sensitivityLabels: sensitivityLabelsOf(context.sensitivityCatalog) } : {}),
      now: now(),
      ...(context.settings ? { settings: context.settings } : {}),
      ...(context.actor ? { actor: context.actor } : {}),
      ...(sharePoint ? { sharePoint } : {}),
      refuseIfHeld: () => refuseHeldRelabel(deps, context, label)
    }
  );
  if (result.status === 'refused') throw result.error;
  return {
    asked: [...asked],
    sent: result,
    status: statusAfterDeclare(context.status, context.sensitivity?.options, request, result, new Date(now()).toISOString())
  };
}
