import { errors } from '../errors';
import { type Ctx, json, type Reply } from '../http/context';
import type { Route } from '../http/router';
import { applySelect, odataContext, pageCollection, selectOption } from '../http/query';
import { type Doc, getEntity, listEntities } from '../store/entities';
import { getSite } from '../store/sites';
import { personalSiteHost, personalSitePath } from '../store/personalSites';
import { siteUnderHold } from '../holds/siteHolds';
import { quoteODataString } from '../protocol/odataLiteral';
import { siteWebUrl } from './common';

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

/** An identitySet as the sources' examples show it: `application` present (null) beside `user`. */
function createdBy(d: Doc): Record<string, unknown> {
  const by = (d.createdBy ?? {}) as Record<string, unknown>;
  return { application: by.application ?? null, user: by.user ?? null };
}

/**
 * A hold's site source in the form Microsoft's example shows
 * (https://learn.microsoft.com/graph/api/security-ediscoveryholdpolicy-list-sitesources?view=graph-rest-1.0):
 * `@odata.id` and `site` carry a bare GUID and `webUrl`, not the composite `{hostname},{siteGuid},{webGuid}` id
 * that `/sites` answers (https://learn.microsoft.com/graph/api/site-get). The GUID given is the site collection
 * id, the middle part of the composite id, which is what sharepointIds calls `siteId` ("The unique identifier
 * (guid) for the item's site collection (SPSite)", https://learn.microsoft.com/graph/api/resources/sharepointids).
 * The example's site has only `webUrl`, `id` and `createdDateTime`, so a client cannot rely on more.
 */
function siteSource(ctx: Ctx, d: Doc): Record<string, unknown> {
  const { siteId, ...rest } = d;
  const site = getSite(ctx.tenant.db, String(siteId));
  const collectionId = site ? site.id.split(',')[1] : null;
  return {
    ...(collectionId ? { '@odata.id': `${ctx.origin}/${ctx.version}/sites/${collectionId}` } : {}),
    ...rest,
    createdBy: createdBy(d),
    site: site ? { webUrl: siteWebUrl(ctx, site), id: collectionId, createdDateTime: site.created } : null
  };
}

/**
 * A hold's user source as Microsoft's example shows it
 * (https://learn.microsoft.com/graph/api/security-ediscoveryholdpolicy-list-usersources?view=graph-rest-1.0),
 * with `siteWebUrl`, the user's OneDrive URL (https://learn.microsoft.com/graph/api/resources/security-usersource),
 * in OneDrive's `{tenant}-my.sharepoint.com/personal/{upn with _}` form.
 */
function userSource(d: Doc): Record<string, unknown> {
  const email = String(d.email ?? '');
  return {
    siteWebUrl: `https://${personalSiteHost}${personalSitePath(email)}/`,
    ...d,
    createdBy: createdBy(d)
  };
}

/** A hold's sources with the `@odata.context` the examples show. */
function sources(
  ctx: Ctx,
  p: Record<string, string>,
  kind: 'siteSource' | 'userSource',
  shape: (d: Doc) => Record<string, unknown>
): Reply {
  const c = loadCase(ctx, p.caseId);
  const hold = loadHold(ctx, c.id, p.holdId);
  const fragment = `security/cases/ediscoveryCases(${quoteODataString(c.id)})/legalHolds(${quoteODataString(hold.id)})/${kind}s`;
  return json({
    '@odata.context': odataContext(ctx, fragment),
    ...pageCollection(ctx, listEntities(ctx.tenant.db, kind, hold.id).map(shape))
  });
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
        run: (ctx, p) => sources(ctx, p, 'siteSource', (d) => siteSource(ctx, d))
      }
    }
  },
  {
    pattern: 'security/cases/ediscoveryCases/{caseId}/legalHolds/{holdId}/userSources',
    ops: {
      GET: {
        scopes,
        query: listQuery,
        run: (ctx, p) => sources(ctx, p, 'userSource', userSource)
      }
    }
  }
];

/** True when an enabled legal hold has the site (by its composite id) as a source. */
export function siteOnHold(ctx: Ctx, siteId: string): boolean {
  return siteUnderHold(ctx.tenant.db, siteId);
}
