import crypto from 'node:crypto';
import { errors } from '../errors';
import { type Ctx, json, type Reply, requirePrincipal } from '../http/context';
import type { Route } from '../http/router';
import { applySelect, expandOption, odataContext, pageCollection, selectOption } from '../http/query';
import { type Doc, getEntity, listEntities } from '../store/entities';

/**
 * Sensitivity labels: v1.0 `/security/dataSecurityAndGovernance/sensitivityLabels` (tenant) and
 * `/users/{id}|me/dataSecurityAndGovernance/sensitivityLabels` (https://learn.microsoft.com/graph/api/tenantdatasecurityandgovernance-list-sensitivitylabels),
 * and the beta `informationProtection` paths CLI for Microsoft 365 calls, in their older shape.
 */

const scopes = ['SensitivityLabel.Read', 'SensitivityLabels.Read.All'] as const;

function v1Shape(ctx: Ctx, d: Doc, expandSublabels: boolean): Record<string, unknown> {
  const { parentId, ...rest } = d;
  void parentId;
  const out: Record<string, unknown> = { ...rest };
  if (expandSublabels) out.sublabels = listEntities(ctx.tenant.db, 'sensitivityLabel', d.id).map((s) => v1Shape(ctx, s, false));
  return out;
}

/** The beta informationProtection shape: `tooltip`, `contentFormats`, `isAppliable`, `parent`. */
function betaShape(ctx: Ctx, d: Doc): Record<string, unknown> {
  const parent = d.parentId ? getEntity(ctx.tenant.db, 'sensitivityLabel', String(d.parentId)) : undefined;
  return {
    id: d.id,
    name: d.name,
    description: d.description,
    color: d.color,
    sensitivity: d.sensitivity,
    tooltip: d.toolTip,
    isActive: d.isActive,
    isAppliable: d.isAppliable,
    contentFormats: d.contentFormats,
    hasProtection: d.hasProtection,
    parent: parent ? { id: parent.id, name: parent.name } : null
  };
}

/**
 * Top-level labels, each with its `sublabels` inline (the page's example shows `sublabels` without asking for
 * them; `$expand=sublabels` is accepted and changes nothing).
 */
function list(ctx: Ctx): Reply {
  expandOption(ctx, ['sublabels']);
  const top = listEntities(ctx.tenant.db, 'sensitivityLabel').filter((d) => !d.parentId);
  const fragment = ctx.segments.map((s) => s.value).join('/');
  return json({
    '@odata.context': odataContext(ctx, fragment),
    ...pageCollection(
      ctx,
      top.map((d) => v1Shape(ctx, d, true)),
      { keep: ['id', 'sublabels'] }
    )
  });
}

function get(ctx: Ctx, p: Record<string, string>): Reply {
  const d = getEntity(ctx.tenant.db, 'sensitivityLabel', p.labelId);
  if (!d) throw errors.notFound(`The sensitivity label '${p.labelId}' was not found.`);
  const expand = expandOption(ctx, ['sublabels']);
  return json(applySelect(v1Shape(ctx, d, expand.has('sublabels')), selectOption(ctx), ['id', 'sublabels']));
}

function sublabels(ctx: Ctx, p: Record<string, string>): Reply {
  const d = getEntity(ctx.tenant.db, 'sensitivityLabel', p.labelId);
  if (!d) throw errors.notFound(`The sensitivity label '${p.labelId}' was not found.`);
  return json(
    pageCollection(
      ctx,
      listEntities(ctx.tenant.db, 'sensitivityLabel', d.id).map((s) => v1Shape(ctx, s, false))
    )
  );
}

function checkUser(ctx: Ctx, p: Record<string, string>): void {
  if (p.userId === undefined) return;
  const row = ctx.tenant.db.prepare('SELECT id FROM users WHERE id = ? COLLATE NOCASE OR upn = ?').get(p.userId, p.userId);
  if (!row) throw errors.notFound(`The user '${p.userId}' was not found.`);
  requirePrincipal(ctx);
}

function betaList(ctx: Ctx, p: Record<string, string>): Reply {
  checkUser(ctx, p);
  return json(
    pageCollection(
      ctx,
      listEntities(ctx.tenant.db, 'sensitivityLabel').map((d) => betaShape(ctx, d))
    )
  );
}

function betaGet(ctx: Ctx, p: Record<string, string>): Reply {
  checkUser(ctx, p);
  const d = getEntity(ctx.tenant.db, 'sensitivityLabel', p.labelId);
  if (!d) throw errors.notFound(`The sensitivity label '${p.labelId}' was not found.`);
  return json(applySelect(betaShape(ctx, d), selectOption(ctx)));
}

const listQuery = ['$select', '$expand', '$filter', '$top', '$skiptoken', '$orderby'];
const routesFor = (prefix: string): Route[] => [
  { pattern: `${prefix}/sensitivityLabels`, ops: { GET: { scopes, query: listQuery, run: (ctx, p) => (checkUser(ctx, p), list(ctx)) } } },
  {
    pattern: `${prefix}/sensitivityLabels/{labelId}`,
    ops: { GET: { scopes, query: ['$select', '$expand'], run: (ctx, p) => (checkUser(ctx, p), get(ctx, p)) } }
  },
  {
    pattern: `${prefix}/sensitivityLabels/{labelId}/sublabels`,
    ops: { GET: { scopes, query: listQuery, run: (ctx, p) => (checkUser(ctx, p), sublabels(ctx, p)) } }
  }
];

const betaScopes = ['InformationProtectionPolicy.Read', 'SensitivityLabel.Read', 'SensitivityLabels.Read.All'] as const;
const betaRoutesFor = (prefix: string): Route[] => [
  {
    pattern: `${prefix}/security/informationProtection/sensitivityLabels`,
    ops: { GET: { scopes: betaScopes, query: listQuery, run: betaList } }
  },
  {
    pattern: `${prefix}/security/informationProtection/sensitivityLabels/{labelId}`,
    ops: { GET: { scopes: betaScopes, query: ['$select'], run: betaGet } }
  }
];

/**
 * `GET /beta/{me|users/{id}}/security/informationProtection/labelPolicySettings`: one
 * informationProtectionPolicySetting (not a collection), as "Get informationProtectionPolicySetting" shows
 * (https://learn.microsoft.com/graph/api/security-informationprotectionpolicysetting-get?view=graph-rest-beta):
 * `id`, `moreInfoUrl`, `isMandatory`, `isDowngradeJustificationRequired`. The dev tenant's label policy does not make
 * labelling mandatory, asks for a justification on downgrade (Purview's default when a policy is created) and has
 * no "more info" URL configured. The id is opaque; Microsoft's example is 96 hex digits, so the dev tenant derives
 * one of that form from the user. CLI for Microsoft 365 (`purview sensitivitylabel policysettings list`) prints
 * the object as it comes, with `accept: application/json;odata.metadata=none`.
 */
function labelPolicySettings(ctx: Ctx, p: Record<string, string>): Reply {
  checkUser(ctx, p);
  const userId =
    p.userId === undefined
      ? requirePrincipal(ctx).userId
      : (ctx.tenant.db.prepare('SELECT id FROM users WHERE id = ? COLLATE NOCASE OR upn = ?').get(p.userId, p.userId) as { id: string }).id;
  const body: Record<string, unknown> = {};
  if (!/odata\.metadata=none/i.test(ctx.headers['accept'] ?? ''))
    body['@odata.context'] = odataContext(
      ctx,
      `users('${encodeURIComponent(p.userId ?? userId)}')/security/informationProtection/labelPolicySettings/$entity`
    );
  Object.assign(body, {
    id: crypto.createHash('sha384').update(`labelPolicySettings:${userId}`).digest('hex').toUpperCase(),
    moreInfoUrl: null,
    isMandatory: false,
    isDowngradeJustificationRequired: true
  });
  return json(applySelect(body, selectOption(ctx)));
}

export const sensitivityLabelRoutes: readonly Route[] = [
  {
    pattern: 'me/security/informationProtection/labelPolicySettings',
    ops: { GET: { scopes: betaScopes, query: ['$select'], run: labelPolicySettings } }
  },
  {
    pattern: 'users/{userId}/security/informationProtection/labelPolicySettings',
    ops: { GET: { scopes: betaScopes, query: ['$select'], run: labelPolicySettings } }
  },
  ...routesFor('security/dataSecurityAndGovernance'),
  ...routesFor('me/dataSecurityAndGovernance'),
  ...routesFor('users/{userId}/dataSecurityAndGovernance'),
  ...betaRoutesFor('me'),
  ...betaRoutesFor('users/{userId}'),
  { pattern: 'security/informationProtection/sensitivityLabels', ops: { GET: { scopes: betaScopes, query: listQuery, run: betaList } } }
];
