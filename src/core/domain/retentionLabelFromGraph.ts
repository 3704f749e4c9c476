import { actionsAfterRetentionPeriod, type ActionAfterRetentionPeriod } from './actionAfterRetentionPeriod';
import { behaviorsDuringRetentionPeriod, isRecordBehavior, type BehaviorDuringRetentionPeriod } from './behaviorDuringRetentionPeriod';
import { defaultRecordBehaviors, type DefaultRecordBehavior } from './defaultRecordBehavior';
import type { DispositionStageDefinition, FilePlanDescriptors, FilePlanLabel } from './filePlanLabel';
import { graphRetentionLabelSchema, type GraphRetentionLabelPayload } from './graphRetentionLabelSchema';
import { quoteForMessage } from './quoteForMessage';
import type { RetentionDuration } from './retentionDuration';
import { retentionLabelVariants } from './retentionLabelVariants';
import { retentionTriggers, type RetentionTrigger } from './retentionTrigger';

/**
 * `notes` (present only when there are some) say what was read differently from the resource page's types: a
 * documented variant that was coerced, or a non-essential property that was ignored. Custodian has no logger in
 * its core, so a caller that keeps a debug log writes them there.
 */
export type RetentionLabelFromGraphResult = { ok: true; label: FilePlanLabel; notes?: string[] } | { ok: false; reasons: string[] };

// Graph sometimes pads empty strings (its Create example returns `"labelToBeApplied": " "`).
const present = (value: string | null | undefined): string | undefined =>
  value === null || value === undefined || value.trim() === '' ? undefined : value;

/**
 * Whether a property can be left out when its form is unexpected, and the label still read faithfully: what an
 * item's retention, record state or disposition depends on cannot (name, behaviour, action, trigger, duration,
 * the label to apply; the record behaviour of a record label; the review stages of a label that starts a review).
 */
function canIgnore(property: string | number | undefined, raw: Record<string, unknown>): boolean {
  switch (property) {
    case 'id':
    case 'descriptionForAdmins':
    case 'descriptionForUsers':
    case 'isInUse':
    case 'descriptors':
    case 'retentionEventType':
      return true;
    case 'dispositionReviewStages':
      return raw.actionAfterRetentionPeriod !== 'startDispositionReview';
    case 'defaultRecordBehavior':
      return !isRecordBehaviorName(raw.behaviorDuringRetentionPeriod);
    default:
      return false;
  }
}

const isRecordBehaviorName = (value: unknown): boolean => value === 'retainAsRecord' || value === 'retainAsRegulatoryRecord';

type Parsed = { ok: true; graph: GraphRetentionLabelPayload } | { ok: false; reasons: string[] };

/** Parses the payload, leaving out (with a note) each ignorable property whose form the schema refuses. */
function parseKeepingWhatIsEssential(payload: unknown, notes: string[]): Parsed {
  let current = payload;
  // Each round removes at least one property, so a label with n properties takes at most n + 1 rounds.
  for (;;) {
    const parsed = graphRetentionLabelSchema.safeParse(current);
    if (parsed.success) return { ok: true, graph: parsed.data };
    const raw = current as Record<string, unknown>;
    const describe = (issue: (typeof parsed.error.issues)[number]): string => `${issue.path.join('.') || 'The label'}: ${issue.message}`;
    const essential = parsed.error.issues.filter((issue) => issue.path.length === 0 || !canIgnore(issue.path[0], raw));
    if (essential.length > 0) return { ok: false, reasons: essential.map(describe) };
    const copy: Record<string, unknown> = { ...raw };
    for (const issue of parsed.error.issues) {
      // A descriptor is left out on its own: a malformed citation takes no other descriptor with it.
      const [root, child] = issue.path;
      const descriptors = copy.descriptors;
      if (root === 'descriptors' && child !== undefined && typeof descriptors === 'object' && descriptors !== null) {
        const rest: Record<string, unknown> = { ...(descriptors as Record<string, unknown>) };
        delete rest[String(child)];
        copy.descriptors = rest;
        notes.push(`descriptors.${String(child)} was ignored (${describe(issue)}).`);
      } else {
        delete copy[String(root)];
        notes.push(`${String(root)} was ignored (${describe(issue)}).`);
      }
    }
    current = copy;
  }
}

/**
 * Reads a Graph `retentionLabel` (from List, Get or Create, with or without `$expand=descriptors` and
 * `$expand=retentionEventType`) into a `FilePlanLabel`. Anything essential it cannot represent faithfully (a
 * value Custodian does not know, such as `unknownFutureValue`, or half a retention setting) gives reasons instead
 * of a guess. The variants Graph's own examples show are read (see `retentionLabelVariants`), and a non-essential
 * property in an unexpected form is left out with a note rather than costing the whole label: a label that cannot
 * be read makes every item carrying it an "unknown label".
 *
 * @example retentionLabelFromGraph({ displayName: 'Tax', behaviorDuringRetentionPeriod: 'retain', ... })
 * // { ok: true, label: { name: 'Tax', retention: { behavior: 'retain', ... }, descriptors: {} } }
 * retentionLabelFromGraph({ value: { displayName: 'Tax', isInUse: 'true' } })
 * // { ok: true, label: { name: 'Tax', retention: null, descriptors: {} }, notes: [the unwrapping, the coercion] }
 */
export function retentionLabelFromGraph(payload: unknown): RetentionLabelFromGraphResult {
  const variants = retentionLabelVariants(payload);
  const notes = variants.notes;
  const parsed = parseKeepingWhatIsEssential(variants.payload, notes);
  if (!parsed.ok) return { ok: false, reasons: parsed.reasons };
  const graph = parsed.graph;
  const reasons: string[] = [];
  const name = present(graph.displayName);
  if (name === undefined) reasons.push('The label has no displayName.');

  const known = <T extends string>(property: string, value: string | null | undefined, options: readonly T[]): T | undefined => {
    if (value === null || value === undefined) return undefined;
    const match = options.find((option) => option === value);
    if (match === undefined) reasons.push(`${property} is ${quoteForMessage(value)}, which Custodian does not know.`);
    return match;
  };
  const ignore = (property: string, value: string | null | undefined): undefined => {
    if (value !== null && value !== undefined)
      notes.push(`${property} ${quoteForMessage(value)} was ignored: it only applies to record labels.`);
    return undefined;
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
  // A record behaviour only matters on a record label: elsewhere an unknown one is left out, not a reason to refuse.
  const recordBehavior =
    (behavior === undefined || !isRecordBehavior(behavior)) &&
    !defaultRecordBehaviors.some((option) => option === graph.defaultRecordBehavior)
      ? ignore('defaultRecordBehavior', graph.defaultRecordBehavior)
      : known<DefaultRecordBehavior>('defaultRecordBehavior', graph.defaultRecordBehavior, defaultRecordBehaviors);

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
  return notes.length > 0 ? { ok: true, label, notes } : { ok: true, label };
}
