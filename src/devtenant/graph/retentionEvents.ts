import { errors, ServiceError } from '../errors';
import { type Ctx, json, jsonBody, noContent, type Reply } from '../http/context';
import type { Route } from '../http/router';
import { applySelect, expandOption, pageCollection, selectOption } from '../http/query';
import { deleteEntity, type Doc, getEntity, getEntityByName, listEntities, putEntity } from '../store/entities';
import { guid, cryptoRng } from '../store/ids';
import { EventQuerySyntaxError, type EventQueryClause, fieldsMatchClause, parseEventQuery } from '../protocol/eventQuery';
import { hasControlCharacters } from '../protocol/controlCharacters';
import { identitySet } from './common';
import { bindId, notFoundObject } from './retentionLabels';

/**
 * Event-based retention: `/security/triggerTypes/retentionEventTypes` and `/security/triggers/retentionEvents`
 * (https://learn.microsoft.com/graph/api/resources/security-retentionevent). Creating an event starts the
 * retention period of every item whose label is bound to the event's type and that its `files` queries match
 * (KQL property restrictions such as `ComplianceAssetId:4815` or another column, `ProductID:XYZ`, parsed by
 * `parseEventQuery`); an event whose queries name no asset id starts every item labelled with its type, as Purview's
 * "Start retention when an event occurs" says. A column is matched by its internal name: on a real tenant a custom
 * column is searchable only once mapped to a managed property of that name.
 */

const readScopes = ['RecordsManagement.Read.All', 'RecordsManagement.ReadWrite.All'] as const;
const writeScopes = ['RecordsManagement.ReadWrite.All'] as const;

function noRule(id: string): ServiceError {
  return new ServiceError({ status: 404, code: 'UnknownError', message: `There is no rule matching identity '${id}'.` });
}

function loadType(ctx: Ctx, id: string, forWrite: boolean): Doc {
  const d = getEntity(ctx.tenant.db, 'retentionEventType', id);
  if (!d) throw forWrite ? noRule(id) : notFoundObject(id);
  return d;
}

function createType(ctx: Ctx): Reply {
  const body = jsonBody(ctx);
  if (typeof body.displayName !== 'string' || body.displayName.trim() === '' || hasControlCharacters(body.displayName))
    throw errors.badRequest("The property 'displayName' is required.");
  if (getEntityByName(ctx.tenant.db, 'retentionEventType', body.displayName))
    throw errors.conflict(`An event type named '${body.displayName}' already exists.`);
  const now = ctx.tenant.clock.nowIso();
  const by = identitySet(ctx.tenant.db, ctx.principal?.userId ?? null);
  const doc: Doc = {
    id: guid(cryptoRng),
    displayName: body.displayName,
    description: typeof body.description === 'string' ? body.description : '',
    createdBy: by,
    createdDateTime: now,
    lastModifiedBy: by,
    lastModifiedDateTime: now
  };
  putEntity(ctx.tenant.db, 'retentionEventType', doc, body.displayName);
  return json(doc, 201);
}

function updateType(ctx: Ctx, p: Record<string, string>): Reply {
  const doc = loadType(ctx, p.typeId, true);
  const body = jsonBody(ctx);
  for (const key of Object.keys(body)) if (key !== 'description') throw errors.badRequest(`The property '${key}' cannot be changed.`);
  if (typeof body.description !== 'string') throw errors.badRequest("'description' must be a string.");
  putEntity(
    ctx.tenant.db,
    'retentionEventType',
    { ...doc, description: body.description, lastModifiedDateTime: ctx.tenant.clock.nowIso() },
    String(doc.displayName)
  );
  return noContent();
}

function deleteType(ctx: Ctx, p: Record<string, string>): Reply {
  const doc = loadType(ctx, p.typeId, true);
  if (listEntities(ctx.tenant.db, 'retentionLabel').some((l) => l.retentionEventTypeId === doc.id))
    throw errors.badRequest('The event type is used by a retention label and cannot be removed.');
  deleteEntity(ctx.tenant.db, 'retentionEventType', doc.id);
  return noContent();
}

/**
 * The clauses of an event's `files` queries (`parseEventQuery`), all of them alternatives; an unsupported query is
 * a 400 naming what the dev tenant cannot evaluate. None at all means every labelled item of the type.
 */
function fileClauses(queries: { queryType: string; query: string }[]): EventQueryClause[] {
  return queries
    .filter((q) => q.queryType === 'files')
    .flatMap((q) => {
      try {
        return parseEventQuery(q.query);
      } catch (e) {
        if (e instanceof EventQuerySyntaxError) throw errors.badRequest(`The event query '${q.query}' is not supported: ${e.message}`);
        throw e;
      }
    });
}

function eventRepresentation(ctx: Ctx, doc: Doc, expand: Set<string>): Record<string, unknown> {
  const { retentionEventTypeId, ...rest } = doc;
  const out: Record<string, unknown> = { ...rest };
  if (expand.has('retentionEventType'))
    out.retentionEventType = retentionEventTypeId
      ? (getEntity(ctx.tenant.db, 'retentionEventType', String(retentionEventTypeId)) ?? null)
      : null;
  return out;
}

function createEvent(ctx: Ctx): Reply {
  const body = jsonBody(ctx);
  if (typeof body.displayName !== 'string' || body.displayName.trim() === '' || hasControlCharacters(body.displayName))
    throw errors.badRequest("The property 'displayName' is required.");
  const typeId = bindId(body['retentionEventType@odata.bind'], 'retentionEventTypes');
  const type = loadType(ctx, typeId, true);
  const rawQueries = body.eventQueries ?? body.eventQuery ?? [];
  if (!Array.isArray(rawQueries)) throw errors.badRequest("'eventQueries' must be a collection of event queries.");
  const queries = rawQueries.map((q) => {
    const o = (q ?? {}) as Record<string, unknown>;
    if ((o.queryType !== 'files' && o.queryType !== 'messages') || typeof o.query !== 'string')
      throw errors.badRequest("Each event query needs queryType 'files' or 'messages' and a query string.");
    return { queryType: o.queryType, query: o.query };
  });
  const clauses = fileClauses(queries);
  let trigger = ctx.tenant.clock.nowIso();
  if (body.eventTriggerDateTime !== undefined) {
    if (typeof body.eventTriggerDateTime !== 'string' || Number.isNaN(Date.parse(body.eventTriggerDateTime)))
      throw errors.badRequest("'eventTriggerDateTime' must be an ISO 8601 date.");
    trigger = new Date(body.eventTriggerDateTime).toISOString();
  }
  // Which labels are bound to this event type, and which items carry them with a matching asset id.
  const labelNames = listEntities(ctx.tenant.db, 'retentionLabel')
    .filter((l) => l.retentionEventTypeId === type.id)
    .map((l) => String(l.displayName));
  // Without asset ids the event applies to all content with labels of its type (Purview's event-driven retention).
  let started = 0;
  if (labelNames.length) {
    const rows = ctx.tenant.db
      .prepare(`SELECT id, fields FROM items WHERE deleted = 0 AND label IN (${labelNames.map(() => '?').join(',')})`)
      .all(...labelNames) as { id: string; fields: string }[];
    const update = ctx.tenant.db.prepare('UPDATE items SET event_at = ?, seq = ? WHERE id = ?');
    for (const r of rows) {
      const fields = JSON.parse(r.fields) as Record<string, unknown>;
      if (clauses.length && !clauses.some((c) => fieldsMatchClause(fields, c))) continue;
      update.run(trigger, ctx.tenant.nextSeq(), r.id);
      started++;
    }
  }
  const now = ctx.tenant.clock.nowIso();
  const by = identitySet(ctx.tenant.db, ctx.principal?.userId ?? null);
  const doc: Doc = {
    id: guid(cryptoRng),
    displayName: body.displayName,
    description: typeof body.description === 'string' ? body.description : null,
    eventQueries: queries,
    eventTriggerDateTime: trigger,
    eventStatus: { error: null, status: 'success' },
    eventPropagationResults: [
      { serviceName: 'SharePoint', location: null, status: 'success', statusInformation: `Retention started for ${started} items.` }
    ],
    lastStatusUpdateDateTime: now,
    createdBy: by,
    createdDateTime: now,
    lastModifiedBy: by,
    lastModifiedDateTime: now,
    retentionEventTypeId: type.id
  };
  putEntity(ctx.tenant.db, 'retentionEvent', doc, body.displayName);
  // As the service does, the answer to the create call still shows the event as pending.
  return json(
    {
      ...eventRepresentation(ctx, doc, new Set()),
      eventStatus: { error: null, status: 'pending' },
      eventPropagationResults: [],
      lastStatusUpdateDateTime: '0001-01-01T00:00:00Z'
    },
    201
  );
}

export const retentionEventRoutes: readonly Route[] = [
  {
    pattern: 'security/triggerTypes/retentionEventTypes',
    ops: {
      GET: {
        scopes: readScopes,
        query: ['$select', '$filter', '$top', '$orderby', '$skiptoken'],
        run: (ctx) => json(pageCollection(ctx, listEntities(ctx.tenant.db, 'retentionEventType')))
      },
      POST: { scopes: writeScopes, run: createType }
    }
  },
  {
    pattern: 'security/triggerTypes/retentionEventTypes/{typeId}',
    ops: {
      GET: {
        scopes: readScopes,
        query: ['$select'],
        run: (ctx, p) => json(applySelect(loadType(ctx, p.typeId, false), selectOption(ctx)))
      },
      PATCH: { scopes: writeScopes, run: updateType },
      DELETE: { scopes: writeScopes, run: deleteType }
    }
  },
  {
    pattern: 'security/triggers/retentionEvents',
    ops: {
      GET: {
        scopes: readScopes,
        query: ['$select', '$filter', '$top', '$orderby', '$skiptoken', '$expand'],
        run: (ctx) => {
          const expand = new Set(expandOption(ctx, ['retentionEventType']).keys());
          return json(
            pageCollection(
              ctx,
              listEntities(ctx.tenant.db, 'retentionEvent').map((d) => eventRepresentation(ctx, d, expand)),
              { keep: ['id', ...expand] }
            )
          );
        }
      },
      POST: { scopes: writeScopes, run: createEvent }
    }
  },
  {
    pattern: 'security/triggers/retentionEvents/{eventId}',
    ops: {
      GET: {
        scopes: readScopes,
        query: ['$select', '$expand'],
        run: (ctx, p) => {
          const d = getEntity(ctx.tenant.db, 'retentionEvent', p.eventId);
          if (!d) throw notFoundObject(p.eventId);
          const expand = new Set(expandOption(ctx, ['retentionEventType']).keys());
          return json(applySelect(eventRepresentation(ctx, d, expand), selectOption(ctx), ['id', ...expand]));
        }
      },
      DELETE: {
        scopes: writeScopes,
        run: (ctx, p) => {
          if (!deleteEntity(ctx.tenant.db, 'retentionEvent', p.eventId)) throw noRule(p.eventId);
          return noContent();
        }
      }
    }
  }
];
