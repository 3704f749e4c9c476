import type { FilePlanDescriptors, FilePlanLabel, RetentionSettings } from './filePlanLabel';
import { filePlanLabelSchema } from './filePlanLabel';
import type {
  GraphDispositionReviewStageBody,
  GraphFilePlanDescriptorBinds,
  GraphRetentionDuration,
  RetentionLabelCreateBody
} from './graphRetentionLabelBodies';
import type { RetentionDuration } from './retentionDuration';

export const graphTemplateKinds = ['eventType', 'authority', 'category', 'citation', 'department', 'filePlanReference'] as const;
export type GraphTemplateKind = (typeof graphTemplateKinds)[number];

/** Graph ids of event types and descriptor templates, by display name, and where Graph lives. */
export interface GraphTemplateIds {
  /** Default `https://graph.microsoft.com/v1.0`; the dev tenant passes its own. */
  graphBaseUrl?: string;
  eventTypes?: Readonly<Record<string, string>>;
  authorities?: Readonly<Record<string, string>>;
  categories?: Readonly<Record<string, string>>;
  citations?: Readonly<Record<string, string>>;
  departments?: Readonly<Record<string, string>>;
  filePlanReferences?: Readonly<Record<string, string>>;
}

export type RetentionLabelToGraphCreateBodyResult =
  | { ok: true; body: RetentionLabelCreateBody; warnings: string[] }
  | { ok: false; reasons: string[]; missing: Array<{ kind: GraphTemplateKind; name: string }> };

/** Graph's duration for a Custodian duration. */
export function graphRetentionDuration(duration: RetentionDuration): GraphRetentionDuration {
  return duration.kind === 'forever'
    ? { '@odata.type': '#microsoft.graph.security.retentionDurationForever' }
    : { '@odata.type': '#microsoft.graph.security.retentionDurationInDays', days: duration.days };
}

/** Graph's review stages; `stageNumber` is a string in v1.0's schema ("1", "2", ...). */
export function graphDispositionReviewStages(retention: RetentionSettings): GraphDispositionReviewStageBody[] {
  return retention.dispositionStages.map((stage, index) => ({
    stageNumber: String(index + 1),
    name: stage.name,
    reviewersEmailAddresses: [...stage.reviewers]
  }));
}

// An OData key literal inside a URL path: quotes doubled, then percent-encoded.
const keyLiteral = (id: string): string => `'${encodeURIComponent(id.replace(/'/g, "''"))}'`;

function lookup(ids: Readonly<Record<string, string>> | undefined, name: string): string | undefined {
  if (ids === undefined) return undefined;
  if (Object.prototype.hasOwnProperty.call(ids, name)) return ids[name];
  const folded = name.toLowerCase();
  const key = Object.keys(ids).find((candidate) => candidate.toLowerCase() === folded);
  return key === undefined ? undefined : ids[key];
}

/**
 * Builds the body of `POST /security/labels/retentionLabels` for a label. Graph binds event types and
 * file plan descriptors by id, so the caller passes the ids it knows by name; any it lacks come back
 * in `missing` (create those templates first, then call again). The label is validated with
 * `filePlanLabelSchema` first, so a body is never built for a label Purview would refuse.
 *
 * Graph's documented create body has no sub-category binding, so a sub-category is reported in
 * `warnings` (set it in the portal) instead of being sent.
 *
 * @example retentionLabelToGraphCreateBody(label, { eventTypes: { 'Employee activity': 'e095…' } })
 * // { ok: true, body: { '@odata.type': '#microsoft.graph.security.retentionLabel', displayName: ..., ... }, warnings: [] }
 */
export function retentionLabelToGraphCreateBody(label: FilePlanLabel, ids: GraphTemplateIds = {}): RetentionLabelToGraphCreateBodyResult {
  const checked = filePlanLabelSchema.safeParse(label);
  if (!checked.success) {
    return {
      ok: false,
      reasons: checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
      missing: []
    };
  }
  const base = (ids.graphBaseUrl ?? 'https://graph.microsoft.com/v1.0').replace(/\/+$/, '');
  const missing: Array<{ kind: GraphTemplateKind; name: string }> = [];
  const warnings: string[] = [];
  const body: RetentionLabelCreateBody = {
    '@odata.type': '#microsoft.graph.security.retentionLabel',
    displayName: label.name
  };
  if (label.descriptionForAdmins !== undefined) body.descriptionForAdmins = label.descriptionForAdmins;
  if (label.descriptionForUsers !== undefined) body.descriptionForUsers = label.descriptionForUsers;

  const retention = label.retention;
  if (retention !== null) {
    body.behaviorDuringRetentionPeriod = retention.behavior;
    body.actionAfterRetentionPeriod = retention.action;
    body.retentionTrigger = retention.trigger;
    body.retentionDuration = graphRetentionDuration(retention.duration);
    if (retention.defaultRecordBehavior !== undefined) body.defaultRecordBehavior = retention.defaultRecordBehavior;
    if (retention.labelToBeApplied !== undefined) body.labelToBeApplied = retention.labelToBeApplied;
    if (retention.dispositionStages.length > 0) body.dispositionReviewStages = graphDispositionReviewStages(retention);
    if (retention.trigger === 'dateOfEvent') {
      // filePlanLabelSchema guarantees an event-based label has an event type id or name.
      const id = retention.eventTypeId ?? lookup(ids.eventTypes, retention.eventTypeName as string);
      if (id === undefined) {
        missing.push({ kind: 'eventType', name: retention.eventTypeName as string });
      } else {
        body['retentionEventType@odata.bind'] = `${base}/security/triggerTypes/retentionEventTypes(${keyLiteral(id)})`;
      }
    }
  }

  const binds: GraphFilePlanDescriptorBinds = {};
  const bind = (
    kind: Exclude<GraphTemplateKind, 'eventType'>,
    name: string | undefined,
    table: Readonly<Record<string, string>> | undefined,
    collection: string,
    key: keyof GraphFilePlanDescriptorBinds
  ): void => {
    if (name === undefined) return;
    const id = lookup(table, name);
    if (id === undefined) missing.push({ kind, name });
    else binds[key] = `${base}/security/labels/${collection}(${keyLiteral(id)})`;
  };
  const descriptors: FilePlanDescriptors = label.descriptors;
  bind('authority', descriptors.authority, ids.authorities, 'authorities', 'authorityTemplate@odata.bind');
  bind('category', descriptors.category, ids.categories, 'categories', 'categoryTemplate@odata.bind');
  bind('citation', descriptors.citation?.name, ids.citations, 'citations', 'citationTemplate@odata.bind');
  bind('department', descriptors.department, ids.departments, 'departments', 'departmentTemplate@odata.bind');
  bind('filePlanReference', descriptors.referenceId, ids.filePlanReferences, 'filePlanReferences', 'filePlanReferenceTemplate@odata.bind');
  if (Object.keys(binds).length > 0) body.descriptors = binds;
  if (descriptors.subCategory !== undefined) {
    warnings.push(
      `Graph's create request has no sub-category binding, so the sub-category "${descriptors.subCategory}" must be set in the Purview portal.`
    );
  }

  if (missing.length > 0) {
    return {
      ok: false,
      reasons: missing.map(({ kind, name }) => `No Graph id is known for the ${kind} "${name}"; create it first.`),
      missing
    };
  }
  return { ok: true, body, warnings };
}
