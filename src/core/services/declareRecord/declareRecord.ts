import type { ItemRetentionLabel } from '@microsoft/microsoft-graph-types';
import { retentionEnd } from '../../domain/retentionEnd';
import { assignSensitivityLabelAndWait } from '../../graph/driveItems/assignSensitivityLabel';
import { setRecordLockedCall } from '../../graph/driveItems/setRecordLocked';
import { setRetentionLabelCall } from '../../graph/driveItems/setRetentionLabel';
import type { GraphCall } from '../../graph/GraphCall';
import type { GraphGateway } from '../../graph/GraphGateway';
import { updateListItemFieldsCall } from '../../graph/listItems/updateListItemFields';
import { runBatch } from '../../graph/runBatch';
import { CustodianError } from '../../http/CustodianError';
import { personFormValue, termFormValue, validateUpdateListItem } from '../../sharepoint/validateUpdateListItem';
import type { ResolvedDocument } from '../resolveDocument/ResolvedDocument';
import type { DeclareRecordContext, DeclareRecordRequest } from './DeclareRecordRequest';
import { declareSteps, type DeclareRecordResult, type DeclareStep, type DeclareStepResult } from './DeclareRecordResult';
import { planDeclaration } from './planDeclaration';

/**
 * Declares a document a record in one step, as the Word task pane offers it:
 * 1. checks the record restrictions, the file plan and the sensitivity label rules first, so nothing the service
 *    would refuse is ever sent (a refusal returns `{ status: 'refused', error }` having made no request);
 * 2. one `$batch`: PATCH the columns (If-Match the eTag the document was read at) -> PATCH retentionLabel -> lock,
 *    chained with dependsOn so a failed step stops the ones after it; person and managed metadata columns, which
 *    Graph cannot write by name, go through SharePoint's `ValidateUpdateListItem` (`context.sharePoint`) after the
 *    columns and before the label (the batch is then split in two around it);
 * 3. assignSensitivityLabel (202) and polls its monitor until the label is applied;
 * and returns each step's outcome and the date retention ends (domain `retentionEnd`).
 * Permission (least privileged): Files.ReadWrite.All and Sites.ReadWrite.All (Graph; and SharePoint's
 * Sites.ReadWrite.All for people and terms); a record label needs
 * Sites.FullControl.All.
 */
export async function declareRecord(
  graph: GraphGateway,
  target: ResolvedDocument,
  request: DeclareRecordRequest,
  context: DeclareRecordContext
): Promise<DeclareRecordResult> {
  const planned = planDeclaration(target, request, context);
  if (!planned.ok) return { status: 'refused', error: planned.error };
  try {
    await context.refuseIfHeld?.();
  } catch (e) {
    if (e instanceof CustodianError && e.code === 'onHold') return { status: 'refused', error: e };
    throw e;
  }
  const { plan } = planned;
  const results = new Map<DeclareStep, DeclareStepResult>();
  const calls: { step: DeclareStep; call: GraphCall<unknown> }[] = [];
  if (plan.fields && target.listItem) {
    const call = updateListItemFieldsCall(target.listItem.list, target.listItem.id, plan.fields, target.listItem.eTag || undefined);
    calls.push({ step: 'fields', call: { ...call, action: `save the properties of '${target.name}'` } });
  }
  if (plan.label) calls.push({ step: 'retentionLabel', call: setRetentionLabelCall(target.ref, plan.label.name, target.name) });
  if (plan.lock !== undefined) calls.push({ step: 'lock', call: setRecordLockedCall(target.ref, plan.lock, target.name) });
  let labelledAt: string | undefined;
  let failed = false;
  /** One `$batch`, chained with dependsOn; after a failure nothing more is sent. */
  const runChain = async (chain: typeof calls): Promise<void> => {
    if (!chain.length) return;
    if (failed) {
      for (const c of chain) results.set(c.step, { step: c.step, status: 'notAttempted' });
      return;
    }
    const chained = chain.map((c, i) => (i === 0 ? c.call : { ...c.call, dependsOn: [i - 1] }));
    const outcomes = await runBatch(graph, chained, context);
    outcomes.forEach((o, i) => {
      const step = chain[i].step;
      if (o.ok) {
        results.set(step, { step, status: 'done' });
        if (step === 'retentionLabel') labelledAt = (o.value as ItemRetentionLabel | undefined)?.labelAppliedDateTime ?? undefined;
      } else {
        failed = true;
        results.set(step, { step, status: o.status === 424 ? 'notAttempted' : 'failed', error: o.error });
      }
    });
  };

  if (plan.peopleAndTerms && target.listItem && context.sharePoint) {
    // The Graph columns first (If-Match the eTag read), then people and terms, then the label and the lock: a
    // record label or a lock could block the properties written after it.
    await runChain(calls.filter((c) => c.step === 'fields'));
    if (failed) results.set('peopleAndTerms', { step: 'peopleAndTerms', status: 'notAttempted' });
    else {
      try {
        await validateUpdateListItem(
          context.sharePoint,
          target.listItem.list.listId,
          target.listItem.id,
          Object.entries(plan.peopleAndTerms).map(([name, v]) => ({
            FieldName: name,
            FieldValue: v.kind === 'person' ? personFormValue(v.email.trim()) : termFormValue(v.label, v.termId)
          })),
          { itemName: target.name, ...(context.signal ? { signal: context.signal } : {}) }
        );
        results.set('peopleAndTerms', { step: 'peopleAndTerms', status: 'done' });
      } catch (e) {
        if (!(e instanceof CustodianError)) throw e;
        failed = true;
        results.set('peopleAndTerms', { step: 'peopleAndTerms', status: 'failed', error: e });
      }
    }
    await runChain(calls.filter((c) => c.step !== 'fields'));
  } else await runChain(calls);

  if (plan.sensitivity) {
    if (failed) results.set('sensitivityLabel', { step: 'sensitivityLabel', status: 'notAttempted' });
    else {
      try {
        await assignSensitivityLabelAndWait(
          graph,
          target.ref,
          { ...plan.sensitivity, assignmentMethod: 'privileged' },
          { ...context, itemName: target.name }
        );
        results.set('sensitivityLabel', { step: 'sensitivityLabel', status: 'done' });
      } catch (e) {
        if (!(e instanceof CustodianError)) throw e;
        failed = true;
        results.set('sensitivityLabel', { step: 'sensitivityLabel', status: 'failed', error: e });
      }
    }
  }

  const steps = declareSteps.map((step) => results.get(step) ?? { step, status: 'unchanged' as const });
  const labelApplied = results.get('retentionLabel')?.status === 'done';
  const lockApplied = results.get('lock')?.status === 'done';
  let record = labelApplied ? plan.afterLabel : target.record;
  if (lockApplied) record = { ...record, isLocked: plan.lock === true };
  const finalLabel = labelApplied || !plan.label ? plan.finalLabel : undefined;
  const labelled = labelApplied ? (labelledAt ?? new Date(context.now).toISOString()) : target.retentionLabel?.appliedAt;
  const retention =
    finalLabel && labelled
      ? retentionEnd(finalLabel, { created: target.created, modified: target.modified || undefined, labelled }, context.filePlan)
      : undefined;
  return { status: failed ? 'partial' : 'declared', steps, record, ...(retention ? { retention } : {}) };
}
