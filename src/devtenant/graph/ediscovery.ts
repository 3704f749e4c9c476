import { errors } from '../errors';
import { type Ctx, json, type Reply } from '../http/context';
import type { Route } from '../http/router';
import { applySelect, pageCollection, selectOption } from '../http/query';
import { type Doc, getEntity, listEntities } from '../store/entities';
import { getSite } from '../store/sites';
import { siteRepresentation } from './sites';

/**
 * eDiscovery (read only): cases, their legal holds and the holds' site and user sources
 * (https://learn.microsoft.com/graph/api/resources/security-ediscoveryholdpolicy).
 */

const scopes = ['eDiscovery.Read.All', 'eDiscovery.ReadWrite.All'] as const;
const listQuery = ['$select', '$filter', '$top', '$orderby', '$skiptoken'];

function loadCase(ctx: Ctx, id: string): Doc {
  const d = getEntity(ctx.tenant.db, 'ediscoveryCase', id);
  if (!d) throw errors.notFound(`The eDiscovery case '${id}' was not found.`);
  return d;
}

function loadHold(ctx: Ctx, caseId: string, holdId: string): Doc {
  const c = loadCase(ctx, caseId);
  const d = getEntity(ctx.tenant.db, 'legalHold', holdId, c.id);
  if (!d) throw errors.notFound(`The legal hold '${holdId}' was not found.`);
  return d;
}

function siteSource(ctx: Ctx, d: Doc): Record<string, unknown> {
  const { siteId, ...rest } = d;
  const site = getSite(ctx.tenant.db, String(siteId));
  return { ...rest, site: site ? siteRepresentation(ctx, site) : null };
}

const one = (doc: Record<string, unknown>, ctx: Ctx): Reply => json(applySelect(doc, selectOption(ctx)));

export const ediscoveryRoutes: readonly Route[] = [
  {
    pattern: 'security/cases/ediscoveryCases',
    ops: { GET: { scopes, query: listQuery, run: (ctx) => json(pageCollection(ctx, listEntities(ctx.tenant.db, 'ediscoveryCase'))) } }
  },
  {
    pattern: 'security/cases/ediscoveryCases/{caseId}',
    ops: { GET: { scopes, query: ['$select'], run: (ctx, p) => one(loadCase(ctx, p.caseId), ctx) } }
  },
  {
    pattern: 'security/cases/ediscoveryCases/{caseId}/legalHolds',
    ops: {
      GET: {
        scopes,
        query: listQuery,
        run: (ctx, p) => json(pageCollection(ctx, listEntities(ctx.tenant.db, 'legalHold', loadCase(ctx, p.caseId).id)))
      }
    }
  },
  {
    pattern: 'security/cases/ediscoveryCases/{caseId}/legalHolds/{holdId}',
    ops: { GET: { scopes, query: ['$select'], run: (ctx, p) => one(loadHold(ctx, p.caseId, p.holdId), ctx) } }
  },
  {
    pattern: 'security/cases/ediscoveryCases/{caseId}/legalHolds/{holdId}/siteSources',
    ops: {
      GET: {
        scopes,
        query: listQuery,
        run: (ctx, p) =>
          json(
            pageCollection(
              ctx,
              listEntities(ctx.tenant.db, 'siteSource', loadHold(ctx, p.caseId, p.holdId).id).map((d) => siteSource(ctx, d))
            )
          )
      }
    }
  },
  {
    pattern: 'security/cases/ediscoveryCases/{caseId}/legalHolds/{holdId}/userSources',
    ops: {
      GET: {
        scopes,
        query: listQuery,
        run: (ctx, p) => json(pageCollection(ctx, listEntities(ctx.tenant.db, 'userSource', loadHold(ctx, p.caseId, p.holdId).id)))
      }
    }
  }
];

/** True when an enabled legal hold has the site as a source: deletes there are refused, as on the service. */
export function siteOnHold(ctx: Ctx, siteId: string): boolean {
  for (const hold of listEntities(ctx.tenant.db, 'legalHold')) {
    if (!hold.isEnabled) continue;
    if (listEntities(ctx.tenant.db, 'siteSource', hold.id).some((s) => String(s.siteId).toLowerCase() === siteId.toLowerCase()))
      return true;
  }
  return false;
}
