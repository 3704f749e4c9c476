import { actionsAfterRetentionPeriod, type ActionAfterRetentionPeriod } from './actionAfterRetentionPeriod';
import { behaviorsDuringRetentionPeriod, isRecordBehavior, type BehaviorDuringRetentionPeriod } from './behaviorDuringRetentionPeriod';
import { defaultRecordBehaviors, type DefaultRecordBehavior } from './defaultRecordBehavior';
import type { DispositionStageDefinition, FilePlanDescriptors, FilePlanLabel } from './filePlanLabel';
import { graphRetentionLabelSchema } from './graphRetentionLabelSchema';
import { quoteForMessage } from './quoteForMessage';
import type { RetentionDuration } from './retentionDuration';
import { retentionTriggers, type RetentionTrigger } from './retentionTrigger';

export type RetentionLabelFromGraphResult = { ok: true; label: FilePlanLabel } | { ok: false; reasons: string[] };

// Graph sometimes pads empty strings (its Create example returns `"labelToBeApplied": " "`).
const present = (value: string | null | undefined): string | undefined =>
  value === null || value === undefined || value.trim() === '' ? undefined : value;

/**
 * Reads a Graph `retentionLabel` (from List, Get or Create, with or without `$expand=descriptors` and
 * `$expand=retentionEventType`) into a `FilePlanLabel`. Anything it cannot represent faithfully (a
 * value Custodian does not know, such as `unknownFutureValue`, or half a retention setting) gives
 * reasons instead of a guess.
 *
 * @example retentionLabelFromGraph({ displayName: 'Tax', behaviorDuringRetentionPeriod: 'retain', ... })
 * // { ok: true, label: { name: 'Tax', retention: { behavior: 'retain', ... }, descriptors: {} } }
 */
export function retentionLabelFromGraph(payload: unknown): RetentionLabelFromGraphResult {
  const parsed = graphRetentionLabelSchema.safeParse(payload);
  if (!parsed.success) {
    return {
      ok: false,
      reasons: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'The label'}: ${issue.message}`)
    };
  }
  const graph = parsed.data;
  const reasons: string[] = [];
  const name = present(graph.displayName);
  if (name === undefined) reasons.push('The label has no displayName.');

  const known = <T extends string>(property: string, value: string | null | undefined, options: readonly T[]): T | undefined => {
    if (value === null || value === undefined) return undefined;
    const match = options.find((option) => option === value);
    if (match === undefined) reasons.push(`${property} is ${quoteForMessage(value)}, which Custodian does not know.`);
    return match;
  };
  const behavior = known<BehaviorDuringRetentionPeriod>(
    'behaviorDuringRetentionPeriod',
    graph.behaviorDuringRetentionPeriod,
    behaviorsDuringRetentionPeriod
  );
  let action = known<ActionAfterRetentionPeriod>(
    'actionAfterRetentionPeriod',
    graph.actionAfterRetentionPeriod,
    actionsAfterRetentionPeriod
  );
  const trigger = known<RetentionTrigger>('retentionTrigger', graph.retentionTrigger, retentionTriggers);
  const recordBehavior = known<DefaultRecordBehavior>('defaultRecordBehavior', graph.defaultRecordBehavior, defaultRecordBehaviors);

  let duration: RetentionDuration | undefined;
  if (graph.retentionDuration !== null && graph.retentionDuration !== undefined) {
    const type = graph.retentionDuration['@odata.type'] ?? '';
    const days = graph.retentionDuration.days;
    if (type.endsWith('retentionDurationForever')) {
      duration = { kind: 'forever' };
    } else if ((type === '' || type.endsWith('retentionDurationInDays')) && typeof days === 'number' && days >= 1) {
      duration = { kind: 'days', days };
    } else {
      // Purview takes a positive whole number of days (its import template's RetentionDuration); 0 or no count is not a period.
      reasons.push(`retentionDuration ${quoteForMessage(type || 'without @odata.type')} is not a duration Custodian knows.`);
    }
  }

  const descriptors: FilePlanDescriptors = {};
  const graphDescriptors = graph.descriptors;
  const set = (key: Exclude<keyof FilePlanDescriptors, 'citation'>, value: string | null | undefined): void => {
    const shown = present(value);
    if (shown !== undefined) descriptors[key] = shown;
  };
  set('authority', graphDescriptors?.authority?.displayName);
  const category = graphDescriptors?.category ?? graphDescriptors?.appliedCategory;
  set('category', category?.displayName);
  set('subCategory', category?.subcategory?.displayName);
  set('department', graphDescriptors?.department?.displayName);
  set('referenceId', graphDescriptors?.filePlanReference?.displayName);
  const citationName = present(graphDescriptors?.citation?.displayName);
  if (citationName !== undefined) {
    descriptors.citation = { name: citationName };
    const url = present(graphDescriptors?.citation?.citationUrl);
    const jurisdiction = present(graphDescriptors?.citation?.citationJurisdiction);
    if (url !== undefined) descriptors.citation.url = url;
    if (jurisdiction !== undefined) descriptors.citation.jurisdiction = jurisdiction;
  }

  const stages: DispositionStageDefinition[] = (graph.dispositionReviewStages ?? [])
    .map((stage, index) => ({
      order: Number(stage.stageNumber ?? index + 1),
      name: present(stage.name) ?? `Stage ${index + 1}`,
      reviewers: (stage.reviewersEmailAddresses ?? []).map((address) => address.trim()).filter((address) => address !== '')
    }))
    .sort((a, b) => a.order - b.order)
    .map(({ name: stageName, reviewers }) => ({ name: stageName, reviewers }));

  const labelToBeApplied = present(graph.labelToBeApplied);
  const hasRetention = [
    graph.behaviorDuringRetentionPeriod,
    graph.actionAfterRetentionPeriod,
    graph.retentionTrigger,
    graph.retentionDuration
  ].some((value) => value !== null && value !== undefined);
  if (hasRetention && reasons.length === 0 && (behavior === undefined || trigger === undefined || duration === undefined)) {
    reasons.push('The label has only part of its retention settings (behaviour, trigger and duration come together).');
  }
  if (reasons.length > 0 || name === undefined) return { ok: false, reasons };

  const label: FilePlanLabel = { name, retention: null, descriptors };
  const id = present(graph.id);
  if (id !== undefined) label.id = id;
  const forAdmins = present(graph.descriptionForAdmins);
  const forUsers = present(graph.descriptionForUsers);
  if (forAdmins !== undefined) label.descriptionForAdmins = graph.descriptionForAdmins as string;
  if (forUsers !== undefined) label.descriptionForUsers = graph.descriptionForUsers as string;

  if (behavior !== undefined && trigger !== undefined && duration !== undefined) {
    // A replacement label is an end action of its own, whatever `actionAfterRetentionPeriod` says.
    if (labelToBeApplied !== undefined) action = 'relabel';
    label.retention = {
      behavior,
      action: action ?? 'none',
      trigger,
      duration,
      dispositionStages: action === 'startDispositionReview' ? stages : []
    };
    if (recordBehavior !== undefined && isRecordBehavior(behavior)) {
      label.retention.defaultRecordBehavior = recordBehavior;
    }
    if (labelToBeApplied !== undefined) label.retention.labelToBeApplied = labelToBeApplied;
    const eventName = present(graph.retentionEventType?.displayName);
    const eventId = present(graph.retentionEventType?.id);
    if (eventName !== undefined) label.retention.eventTypeName = eventName;
    if (eventId !== undefined) label.retention.eventTypeId = eventId;
  }
  return { ok: true, label };
}
