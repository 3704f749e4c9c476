import { errors } from '../errors';
import { type Ctx, json, jsonBody, noContent, type Reply } from '../http/context';
import type { Route } from '../http/router';
import { applySelect, expandOption, pageCollection, selectOption } from '../http/query';
import { deleteEntity, type Doc, type EntityKind, getEntity, getEntityByName, listEntities, putEntity } from '../store/entities';
import { guid, cryptoRng } from '../store/ids';
import { hasControlCharacters } from '../protocol/controlCharacters';
import { behaviorsDuringRetentionPeriod } from '../../core/domain/behaviorDuringRetentionPeriod';
import { actionsAfterRetentionPeriod } from '../../core/domain/actionAfterRetentionPeriod';
import { retentionTriggers } from '../../core/domain/retentionTrigger';
import { defaultRecordBehaviors } from '../../core/domain/defaultRecordBehavior';
import { identitySet } from './common';

/**
 * The file plan under `/security/labels`: retention labels
 * (https://learn.microsoft.com/graph/api/resources/security-retentionlabel) and the descriptor templates
 * (authorities, categories + subcategories, citations, departments, filePlanReferences).
 */

const readScopes = ['RecordsManagement.Read.All', 'RecordsManagement.ReadWrite.All'] as const;
const writeScopes = ['RecordsManagement.ReadWrite.All'] as const;

export function notFoundObject(id: string): Error {
  return errors.notFound(`The operation couldn't be performed because object '${id}' couldn't be found on 'FfoConfigurationSession'.`);
}

/** The label as Graph shows it; `descriptors` and `retentionEventType` only when expanded. */
export function labelRepresentation(ctx: Ctx, doc: Doc, expand: Set<string>): Record<string, unknown> {
  const { descriptors, retentionEventTypeId, ...rest } = doc;
  const out: Record<string, unknown> = { ...rest };
  // filePlanDescriptor is an entity: its id is the label's (one descriptor set per label).
  if (expand.has('descriptors')) out.descriptors = descriptors ? { id: doc.id, ...(descriptors as Record<string, unknown>) } : null;
  if (expand.has('retentionEventType'))
    out.retentionEventType = retentionEventTypeId
      ? (getEntity(ctx.tenant.db, 'retentionEventType', String(retentionEventTypeId)) ?? null)
      : null;
  return out;
}

function listLabels(ctx: Ctx): Reply {
  const expand = new Set(expandOption(ctx, ['descriptors', 'retentionEventType', 'dispositionReviewStages']).keys());
  return json(
    pageCollection(
      ctx,
      listEntities(ctx.tenant.db, 'retentionLabel').map((d) => labelRepresentation(ctx, d, expand)),
      { keep: ['id', ...expand] }
    )
  );
}

function loadLabel(ctx: Ctx, id: string): Doc {
  const doc = getEntity(ctx.tenant.db, 'retentionLabel', id);
  if (!doc) throw notFoundObject(id);
  return doc;
}

function getLabel(ctx: Ctx, p: Record<string, string>): Reply {
  const expand = new Set(expandOption(ctx, ['descriptors', 'retentionEventType', 'dispositionReviewStages']).keys());
  return json(applySelect(labelRepresentation(ctx, loadLabel(ctx, p.labelId), expand), selectOption(ctx), ['id', ...expand]));
}

function oneOf<T extends string>(body: Record<string, unknown>, key: string, allowed: readonly T[], required: boolean): T | undefined {
  const v = body[key];
  if (v === undefined || v === null) {
    if (required) throw errors.badRequest(`The property '${key}' is required.`);
    return undefined;
  }
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v))
    throw errors.badRequest(`'${String(v)}' is not a valid value for '${key}'; use one of ${allowed.join(', ')}.`);
  return v as T;
}

function parseDuration(v: unknown): Record<string, unknown> {
  if (!v || typeof v !== 'object') throw errors.badRequest("'retentionDuration' must be an object with '@odata.type'.");
  const o = v as Record<string, unknown>;
  const type = String(o['@odata.type'] ?? '').replace(/^#/, '');
  if (type === 'microsoft.graph.security.retentionDurationForever')
    return { '@odata.type': '#microsoft.graph.security.retentionDurationForever' };
  if (type === 'microsoft.graph.security.retentionDurationInDays') {
    if (typeof o.days !== 'number' || !Number.isInteger(o.days) || o.days < 1 || o.days > 36525)
      throw errors.badRequest("'retentionDuration.days' must be a whole number of days from 1 to 36525.");
    return { '@odata.type': '#microsoft.graph.security.retentionDurationInDays', days: o.days };
  }
  throw errors.badRequest("'retentionDuration' needs @odata.type retentionDurationInDays or retentionDurationForever.");
}

/** The id at the end of an `@odata.bind` URL: `.../things('{id}')` or `.../things/{id}`. */
export function bindId(value: unknown, collection: string): string {
  if (typeof value !== 'string') throw errors.badRequest(`An @odata.bind to ${collection} must be a URL.`);
  // The singular spelling too: security-retentionevent-post's example binds `.../retentionEventType/{id}`.
  const m = new RegExp(`/${collection.replace(/s$/, '')}s?(?:\\('([^']+)'\\)|/([^/?]+))$`, 'i').exec(value);
  if (!m) throw errors.badRequest(`'${value}' does not point at ${collection}.`);
  return m[1] ?? m[2];
}

function parseStages(v: unknown): Record<string, unknown>[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.length > 5) throw errors.badRequest("'dispositionReviewStages' must be an array of at most 5 stages.");
  return v.map((s, i) => {
    const o = (s ?? {}) as Record<string, unknown>;
    const reviewers = o.reviewersEmailAddresses;
    if (
      typeof o.name !== 'string' ||
      !Array.isArray(reviewers) ||
      reviewers.length === 0 ||
      reviewers.length > 10 ||
      reviewers.some((r) => typeof r !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(r))
    ) {
      throw errors.badRequest(`Disposition stage ${i + 1} needs a name and 1 to 10 reviewer email addresses.`);
    }
    return { id: guid(cryptoRng), name: o.name, stageNumber: String(o.stageNumber ?? i + 1), reviewersEmailAddresses: reviewers };
  });
}

const descriptorBinds: [string, EntityKind, string, string][] = [
  ['authorityTemplate@odata.bind', 'authority', 'authorities', 'authority'],
  ['categoryTemplate@odata.bind', 'category', 'categories', 'category'],
  ['citationTemplate@odata.bind', 'citation', 'citations', 'citation'],
  ['departmentTemplate@odata.bind', 'department', 'departments', 'department'],
  ['filePlanReferenceTemplate@odata.bind', 'filePlanReference', 'filePlanReferences', 'filePlanReference']
];

function createLabel(ctx: Ctx): Reply {
  const body = jsonBody(ctx);
  const displayName = body.displayName;
  if (typeof displayName !== 'string' || displayName.trim() === '') throw errors.badRequest("The property 'displayName' is required.");
  if ([...displayName].length > 64 || hasControlCharacters(displayName))
    throw errors.badRequest('A label name has at most 64 characters and no control characters.');
  if (getEntityByName(ctx.tenant.db, 'retentionLabel', displayName))
    throw errors.conflict(`A retention label named '${displayName}' already exists.`, 'nameAlreadyExists');
  const behavior = oneOf(body, 'behaviorDuringRetentionPeriod', behaviorsDuringRetentionPeriod, true);
  const action = oneOf(body, 'actionAfterRetentionPeriod', actionsAfterRetentionPeriod, true);
  const trigger = oneOf(body, 'retentionTrigger', retentionTriggers, false) ?? 'dateLabeled';
  const recordBehavior = oneOf(body, 'defaultRecordBehavior', defaultRecordBehaviors, false) ?? 'startLocked';
  const duration = parseDuration(body.retentionDuration);
  // Stages are optional, also with startDispositionReview: "Create retentionLabel" lists dispositionReviewStages
  // without marking it required (https://learn.microsoft.com/graph/api/security-labelsroot-post-retentionlabel), and
  // CLI for Microsoft 365 (`purview retentionlabel add`) never sends it. Such a label is created with no stages.
  const stages = parseStages(body.dispositionReviewStages);
  let eventTypeId: string | null = null;
  if (body['retentionEventType@odata.bind'] !== undefined) {
    eventTypeId = bindId(body['retentionEventType@odata.bind'], 'retentionEventTypes');
    if (!getEntity(ctx.tenant.db, 'retentionEventType', eventTypeId))
      throw errors.badRequest(`The retention event type '${eventTypeId}' does not exist.`);
  }
  if (trigger === 'dateOfEvent' && !eventTypeId)
    throw errors.badRequest("A label triggered by an event needs 'retentionEventType@odata.bind'.");
  const labelToBeApplied = body.labelToBeApplied ?? null;
  if (
    labelToBeApplied !== null &&
    (typeof labelToBeApplied !== 'string' ||
      (labelToBeApplied !== '' && !getEntityByName(ctx.tenant.db, 'retentionLabel', labelToBeApplied)))
  ) {
    throw errors.badRequest(`The label to be applied, '${String(labelToBeApplied)}', does not exist.`);
  }
  let descriptors: Record<string, unknown> | null = null;
  if (body.descriptors !== undefined) {
    const d = body.descriptors as Record<string, unknown>;
    descriptors = { authority: null, category: null, citation: null, department: null, filePlanReference: null };
    for (const [key, kind, collection, prop] of descriptorBinds) {
      if (d[key] === undefined) continue;
      const id = bindId(d[key], collection);
      const t = getEntity(ctx.tenant.db, kind, id);
      if (!t) throw errors.badRequest(`The ${prop} template '${id}' does not exist.`);
      descriptors[prop] = { ...t };
    }
  }
  const now = ctx.tenant.clock.nowIso();
  const by = identitySet(ctx.tenant.db, ctx.principal?.userId ?? null);
  const doc: Doc = {
    id: guid(cryptoRng),
    displayName,
    behaviorDuringRetentionPeriod: behavior,
    actionAfterRetentionPeriod: action,
    retentionTrigger: trigger,
    retentionDuration: duration,
    isInUse: false,
    descriptionForAdmins: typeof body.descriptionForAdmins === 'string' ? body.descriptionForAdmins : '',
    descriptionForUsers: typeof body.descriptionForUsers === 'string' ? body.descriptionForUsers : '',
    createdBy: by,
    createdDateTime: now,
    lastModifiedBy: by,
    lastModifiedDateTime: now,
    labelToBeApplied,
    defaultRecordBehavior: recordBehavior,
    dispositionReviewStages: stages,
    descriptors,
    retentionEventTypeId: eventTypeId
  };
  putEntity(ctx.tenant.db, 'retentionLabel', doc, displayName);
  return json(labelRepresentation(ctx, doc, new Set()), 201);
}

const patchable = [
  'descriptionForAdmins',
  'descriptionForUsers',
  'dispositionReviewStages',
  'retentionDuration',
  'defaultRecordBehavior',
  'labelToBeApplied'
];

const days = (d: unknown): number => {
  const o = (d ?? {}) as Record<string, unknown>;
  return typeof o.days === 'number' ? o.days : Infinity; // retentionDurationForever
};

/**
 * What Purview lets an admin do to a saved label's retention period: a regulatory record label's "can't be made
 * shorter after the label is saved, only extended" (https://learn.microsoft.com/purview/records-management, the
 * regulatory record restrictions); any label's period is fixed when it counts from when items were labelled ("you
 * can't change the retention period when the retention period is based on when items were labeled",
 * https://learn.microsoft.com/purview/create-apply-retention-labels#updating-retention-labels-and-their-policies).
 * Other labels' periods may be shortened or lengthened.
 */
function changedDuration(doc: Doc, next: Record<string, unknown>): Record<string, unknown> {
  const before = days(doc.retentionDuration);
  const after = days(next);
  if (after === before) return next;
  if (doc.behaviorDuringRetentionPeriod === 'retainAsRegulatoryRecord' && after < before)
    throw errors.badRequest(
      `The retention period of the regulatory record label '${String(doc.displayName)}' can only be extended, not shortened (it is ${before} days).`,
      'retentionPeriodCannotBeShortened'
    );
  if (doc.retentionTrigger === 'dateLabeled')
    throw errors.badRequest(
      `The retention period of '${String(doc.displayName)}' counts from when items were labelled, so it cannot be changed. Create a new label instead.`,
      'retentionPeriodFixed'
    );
  return next;
}

/** Only the documented patchable properties; name, behaviour and trigger are fixed once created. */
function updateLabel(ctx: Ctx, p: Record<string, string>): Reply {
  const doc = loadLabel(ctx, p.labelId);
  const body = jsonBody(ctx);
  const next: Doc = { ...doc };
  for (const [key, value] of Object.entries(body)) {
    if (key.startsWith('@odata')) continue;
    if (!patchable.includes(key)) throw errors.badRequest(`The property '${key}' cannot be changed after a label is created.`);
    if (key === 'retentionDuration') next.retentionDuration = changedDuration(doc, parseDuration(value));
    else if (key === 'dispositionReviewStages') next.dispositionReviewStages = parseStages(value);
    else if (key === 'defaultRecordBehavior') next.defaultRecordBehavior = oneOf(body, key, defaultRecordBehaviors, true);
    else if (typeof value !== 'string' && value !== null) throw errors.badRequest(`'${key}' must be a string.`);
    else next[key] = value;
  }
  next.lastModifiedDateTime = ctx.tenant.clock.nowIso();
  next.lastModifiedBy = identitySet(ctx.tenant.db, ctx.principal?.userId ?? null);
  putEntity(ctx.tenant.db, 'retentionLabel', next, String(next.displayName));
  return noContent();
}

function deleteLabel(ctx: Ctx, p: Record<string, string>): Reply {
  const doc = loadLabel(ctx, p.labelId);
  const used = ctx.tenant.db
    .prepare('SELECT COUNT(*) AS n FROM items WHERE deleted = 0 AND label = ? COLLATE NOCASE')
    .get(String(doc.displayName)) as { n: number };
  if (used.n > 0)
    throw errors.badRequest(`The label '${String(doc.displayName)}' is applied to ${used.n} items and cannot be deleted.`, 'labelInUse');
  if (doc.behaviorDuringRetentionPeriod === 'retainAsRegulatoryRecord')
    throw errors.badRequest('A regulatory record label cannot be deleted.', 'labelInUse');
  deleteEntity(ctx.tenant.db, 'retentionLabel', doc.id);
  return noContent();
}

/** The descriptor template collections share one set of operations (no update, as in Graph). */
function templateRoutes(collection: string, kind: EntityKind, extraProps: string[]): Route[] {
  const load = (ctx: Ctx, id: string): Doc => {
    const d = getEntity(ctx.tenant.db, kind, id);
    if (!d) throw notFoundObject(id);
    return d;
  };
  return [
    {
      pattern: `security/labels/${collection}`,
      ops: {
        GET: {
          scopes: readScopes,
          query: ['$select', '$filter', '$top', '$orderby', '$skiptoken'],
          run: (ctx) => json(pageCollection(ctx, listEntities(ctx.tenant.db, kind)))
        },
        POST: {
          scopes: writeScopes,
          run: (ctx) => {
            const body = jsonBody(ctx);
            if (typeof body.displayName !== 'string' || body.displayName.trim() === '' || hasControlCharacters(body.displayName))
              throw errors.badRequest("The property 'displayName' is required.");
            if (getEntityByName(ctx.tenant.db, kind, body.displayName))
              throw errors.conflict(`A ${kind} named '${body.displayName}' already exists.`);
            const doc: Doc = {
              id: guid(cryptoRng),
              displayName: body.displayName,
              createdBy: identitySet(ctx.tenant.db, ctx.principal?.userId ?? null),
              createdDateTime: ctx.tenant.clock.nowIso()
            };
            for (const prop of extraProps) if (typeof body[prop] === 'string') doc[prop] = body[prop];
            putEntity(ctx.tenant.db, kind, doc, body.displayName);
            return json(doc, 201);
          }
        }
      }
    },
    {
      pattern: `security/labels/${collection}/{templateId}`,
      ops: {
        GET: { scopes: readScopes, query: ['$select'], run: (ctx, p) => json(applySelect(load(ctx, p.templateId), selectOption(ctx))) },
        DELETE: {
          scopes: writeScopes,
          run: (ctx, p) => {
            load(ctx, p.templateId);
            deleteEntity(ctx.tenant.db, kind, p.templateId);
            return noContent();
          }
        }
      }
    }
  ];
}

function subcategoryRoutes(): Route[] {
  const loadCategory = (ctx: Ctx, id: string): Doc => {
    const d = getEntity(ctx.tenant.db, 'category', id);
    if (!d) throw notFoundObject(id);
    return d;
  };
  return [
    {
      pattern: 'security/labels/categories/{categoryId}/subcategories',
      ops: {
        GET: {
          scopes: readScopes,
          query: ['$select', '$filter', '$top', '$skiptoken'],
          run: (ctx, p) => json(pageCollection(ctx, listEntities(ctx.tenant.db, 'subcategory', loadCategory(ctx, p.categoryId).id)))
        },
        POST: {
          scopes: writeScopes,
          run: (ctx, p) => {
            const cat = loadCategory(ctx, p.categoryId);
            const body = jsonBody(ctx);
            if (typeof body.displayName !== 'string' || body.displayName.trim() === '')
              throw errors.badRequest("The property 'displayName' is required.");
            const doc: Doc = {
              id: guid(cryptoRng),
              displayName: body.displayName,
              createdBy: identitySet(ctx.tenant.db, ctx.principal?.userId ?? null),
              createdDateTime: ctx.tenant.clock.nowIso()
            };
            putEntity(ctx.tenant.db, 'subcategory', doc, body.displayName, cat.id);
            return json(doc, 201);
          }
        }
      }
    },
    {
      pattern: 'security/labels/categories/{categoryId}/subcategories/{subId}',
      ops: {
        GET: {
          scopes: readScopes,
          run: (ctx, p) => {
            const d = getEntity(ctx.tenant.db, 'subcategory', p.subId, loadCategory(ctx, p.categoryId).id);
            if (!d) throw notFoundObject(p.subId);
            return json(d);
          }
        }
      }
    }
  ];
}

/**
 * Retention labels and file plan descriptors: "Application: Not supported" in each page's permissions table
 * (security-labelsroot-list-retentionlabel, security-retentionlabel-get, ...), so an app-only token is refused.
 */
const delegatedOnly = (routes: readonly Route[]): Route[] =>
  routes.map((route) => ({
    ...route,
    ops: Object.fromEntries(Object.entries(route.ops).map(([method, op]) => [method, { ...op, delegatedOnly: true }]))
  }));

export const filePlanRoutes: readonly Route[] = delegatedOnly([
  {
    pattern: 'security/labels/retentionLabels',
    ops: {
      GET: { scopes: readScopes, query: ['$select', '$expand', '$filter', '$top', '$orderby', '$skiptoken'], run: listLabels },
      POST: { scopes: writeScopes, run: createLabel }
    }
  },
  {
    pattern: 'security/labels/retentionLabels/{labelId}',
    ops: {
      GET: { scopes: readScopes, query: ['$select', '$expand'], run: getLabel },
      PATCH: { scopes: writeScopes, run: updateLabel },
      DELETE: { scopes: writeScopes, run: deleteLabel }
    }
  },
  ...templateRoutes('authorities', 'authority', []),
  ...templateRoutes('categories', 'category', []),
  ...templateRoutes('citations', 'citation', ['citationUrl', 'citationJurisdiction']),
  ...templateRoutes('departments', 'department', []),
  ...templateRoutes('filePlanReferences', 'filePlanReference', []),
  ...subcategoryRoutes()
]);
