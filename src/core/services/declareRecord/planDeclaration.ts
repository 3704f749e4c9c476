import type { SensitivityLabel } from '@microsoft/microsoft-graph-types';
import type { FilePlanLabel } from '../../domain/filePlanLabel';
import { checkRecordAction, type RecordAction, type RecordState } from '../../domain/recordRestrictions';
import type { CustodianError } from '../../http/CustodianError';
import type { ResolvedDocument } from '../resolveDocument/ResolvedDocument';
import {
  isTypedFieldValue,
  type DeclareRecordContext,
  type DeclareRecordRequest,
  type PersonFieldValue,
  type TermFieldValue
} from './DeclareRecordRequest';
import { refusalError } from './refusalError';
import { restrictionAdvice } from './restrictionAdvice';

/** The requests a declaration needs, decided before any is sent. */
export interface DeclarationPlan {
  /** The columns Graph writes (in the batch). */
  fields?: Record<string, unknown>;
  /** The person and managed metadata columns SharePoint REST writes (`ValidateUpdateListItem`). */
  peopleAndTerms?: Record<string, PersonFieldValue | TermFieldValue>;
  /** The label to apply, when it differs from the current one. */
  label?: FilePlanLabel;
  /** The label the item carries after the plan (new or current). */
  finalLabel?: FilePlanLabel;
  lock?: boolean;
  sensitivity?: { sensitivityLabelId: string; justificationText?: string };
  /** The record state after the label step (a record label may lock on its own). */
  afterLabel: RecordState;
  /** The record state after the batch. */
  after: RecordState;
}

const columnName = /^[A-Za-z_][A-Za-z0-9_]{0,254}$/;
/** Columns SharePoint keeps for retention; Graph refuses writes to them (labels go through their own API). */
const readOnlyColumns = /^(_Compliance|_IsRecord|OData__|ComplianceAssetId$|FileLeafRef$|ID$|Created$|Modified$|Author$|Editor$)/;

const actionText: Record<RecordAction, string> = {
  editContent: 'change the content of',
  editProperties: 'change the properties of',
  delete: 'delete',
  move: 'move',
  relabel: 'change the retention label of',
  removeLabel: 'remove the retention label from',
  lock: 'lock',
  unlock: 'unlock'
};

function quoted(name: string): string {
  return `'${name.length > 80 ? `${name.slice(0, 77)}...` : name}'`;
}

function refuseAction(
  action: RecordAction,
  state: RecordState,
  target: ResolvedDocument,
  context: DeclareRecordContext
): CustodianError | undefined {
  const decision = checkRecordAction(action, state, context.settings, context.actor);
  if (decision.allowed) return undefined;
  return refusalError({
    code: decision.code,
    what: `Custodian won't ${actionText[action]} ${quoted(target.name)}.`,
    why: decision.reason,
    whatToDo: restrictionAdvice(decision.code)
  });
}

function flatten(labels: readonly SensitivityLabel[]): SensitivityLabel[] {
  return labels.flatMap((l) => [l, ...flatten(((l as { sublabels?: SensitivityLabel[] }).sublabels ?? []) as SensitivityLabel[])]);
}

function rank(label: SensitivityLabel | undefined): number | undefined {
  const l = label as { sensitivity?: number | null; priority?: number | null } | undefined;
  return l?.sensitivity ?? l?.priority ?? undefined;
}

/**
 * Checks a declaration against the record restrictions, the file plan and the sensitivity label rules, and
 * decides which requests it needs, without sending any: a refusal here means no request is ever made.
 */
export function planDeclaration(
  target: ResolvedDocument,
  request: DeclareRecordRequest,
  context: DeclareRecordContext
): { ok: true; plan: DeclarationPlan } | { ok: false; error: CustodianError } {
  const current = target.record;
  const currentName = target.retentionLabel?.name;
  const byName = (name: string): FilePlanLabel | undefined => context.filePlan.find((l) => l.name.toLowerCase() === name.toLowerCase());
  const plan: DeclarationPlan = { after: { ...current }, afterLabel: { ...current } };
  plan.finalLabel = currentName ? byName(currentName) : undefined;

  if (request.fields && Object.keys(request.fields).length) {
    const bad = Object.keys(request.fields).find((k) => !columnName.test(k) || readOnlyColumns.test(k));
    if (bad !== undefined)
      return {
        ok: false,
        error: refusalError({
          code: 'readOnlyField',
          what: `Custodian won't change the column ${quoted(bad)} of ${quoted(target.name)}.`,
          why: 'It is not a column that can be written (labels, ids and dates are kept by SharePoint itself).',
          whatToDo: 'Leave that column out, or choose a column of the library.'
        })
      };
    if (!target.listItem)
      return {
        ok: false,
        error: refusalError({
          code: 'noListItem',
          what: `Custodian can't save properties for ${quoted(target.name)}.`,
          why: 'The document is not in a SharePoint library, so it has no columns.',
          whatToDo: 'Move it into a library, or leave the properties empty.'
        })
      };
    const refused = refuseAction('editProperties', current, target, context);
    if (refused) return { ok: false, error: refused };
    const graphFields: Record<string, unknown> = {};
    const typed: Record<string, PersonFieldValue | TermFieldValue> = {};
    for (const [name, value] of Object.entries(request.fields)) {
      if (!isTypedFieldValue(value)) graphFields[name] = value;
      else if (value.kind === 'person' ? value.email.trim() === '' : value.termId.trim() === '' || value.label.trim() === '')
        return {
          ok: false,
          error: refusalError({
            code: 'invalidFieldValue',
            what: `Custodian can't save the column ${quoted(name)} of ${quoted(target.name)}.`,
            why: value.kind === 'person' ? 'The person has no email address.' : 'The term has no label or no id.',
            whatToDo: value.kind === 'person' ? 'Enter the email address of someone in your organisation.' : 'Choose a term from the list.'
          })
        };
      else typed[name] = value;
    }
    if (Object.keys(typed).length) {
      if (!context.sharePoint)
        return {
          ok: false,
          error: refusalError({
            code: 'sharePointNotAvailable',
            what: `Custodian can't save the people and terms of ${quoted(target.name)}.`,
            why: 'Person and managed metadata columns are written through SharePoint, which this build has no access to. Nothing was sent.',
            whatToDo: 'Leave those columns empty, or ask your administrator to update Custodian.'
          })
        };
      plan.peopleAndTerms = typed;
    }
    if (Object.keys(graphFields).length) plan.fields = graphFields;
  }

  if (request.retentionLabel !== undefined) {
    const label = byName(request.retentionLabel);
    if (!label)
      return {
        ok: false,
        error: refusalError({
          code: 'unknownLabel',
          what: `Custodian can't apply the retention label ${quoted(request.retentionLabel)}.`,
          why: 'There is no label of that name in the file plan.',
          whatToDo: 'Choose a label from the list; ask your records manager if the one you need is missing.'
        })
      };
    if (label.name.toLowerCase() !== (currentName ?? '').toLowerCase()) {
      const refused = refuseAction('relabel', current, target, context);
      if (refused) return { ok: false, error: refused };
      plan.label = label;
      plan.finalLabel = label;
      const behavior = label.retention?.behavior ?? null;
      const isRecord = behavior === 'retainAsRecord' || behavior === 'retainAsRegulatoryRecord';
      plan.after = {
        behavior,
        isLocked: isRecord && (behavior === 'retainAsRegulatoryRecord' || label.retention?.defaultRecordBehavior !== 'startUnlocked')
      };
      plan.afterLabel = { ...plan.after };
    }
  }

  if (request.lock !== undefined && request.lock !== plan.after.isLocked) {
    const refused = refuseAction(request.lock ? 'lock' : 'unlock', plan.after, target, context);
    if (refused) return { ok: false, error: refused };
    plan.lock = request.lock;
    plan.after = { ...plan.after, isLocked: request.lock };
  }

  if (request.sensitivityLabelId !== undefined) {
    const currentId = target.sensitivityLabels[0]?.sensitivityLabelId ?? '';
    const wanted = request.sensitivityLabelId;
    if (wanted !== currentId) {
      const all = flatten(context.sensitivityLabels ?? []);
      const next = all.find((l) => l.id === wanted);
      if (wanted !== '' && !next)
        return {
          ok: false,
          error: refusalError({
            code: 'unknownSensitivityLabel',
            what: `Custodian can't apply that sensitivity label to ${quoted(target.name)}.`,
            why: 'The label is not one of the sensitivity labels available to you.',
            whatToDo: 'Choose a sensitivity label from the list.'
          })
        };
      if (next && (next as { isAppliable?: boolean | null }).isAppliable === false)
        return {
          ok: false,
          error: refusalError({
            code: 'labelNotAppliable',
            what: `Custodian can't apply the sensitivity label ${quoted(next.name ?? wanted)}.`,
            why: 'It is a group of labels, not a label: it has sublabels.',
            whatToDo: 'Choose one of its sublabels.'
          })
        };
      const before = rank(all.find((l) => l.id === currentId));
      const lowering = currentId !== '' && (wanted === '' || (before !== undefined && (rank(next) ?? 0) < before));
      const justification = request.justification?.trim() ?? '';
      if (lowering && justification === '')
        return {
          ok: false,
          error: refusalError({
            code: 'justificationRequired',
            what: `Custodian needs a reason to ${wanted === '' ? 'remove' : 'lower'} the sensitivity label of ${quoted(target.name)}.`,
            why: 'Microsoft 365 requires a justification whenever a sensitivity label is lowered or removed.',
            whatToDo: 'Write why in the justification box, then declare again.'
          })
        };
      plan.sensitivity = { sensitivityLabelId: wanted, ...(lowering ? { justificationText: justification } : {}) };
    }
  }
  return { ok: true, plan };
}
