import { errors } from '../errors';
import { type Ctx, json, jsonBody } from '../http/context';
import type { Route } from '../http/router';
import { issueToken, personaNames, personas, type PersonaName } from '../auth/personas';
import { formatFaultSpec, parseFaultSpec } from '../faults';
import { clearAll, schemaVersion } from '../store/db';
import { seedTenant } from '../seed/seed';
import { getMeta } from '../tenant';
import { uploadRoutes } from '../graph/uploadSessions';
import { downloadRoutes } from '../graph/downloadUrls';
import { monitorRoutes } from '../graph/sensitivityAssignment';
import { readRecordsSettings, writeRecordsSettings } from '../records';
import { encodePath } from '../protocol/urlEncoding';
import { insertMimeMessage } from '../graph/messages';
import { findUser } from '../graph/users';

/**
 * Control routes under `/devtenant`: persona tokens, reset, faults, the clock and the records settings.
 * They need no token and are never subject to faults; the server answers them only on a loopback `Host`, from
 * its own origin, with JSON bodies (`http/loopbackGuard.ts`), so a web page on another origin cannot call them.
 */

function token(ctx: Ctx): ReturnType<typeof json> {
  const persona = (ctx.query.get('persona') ??
    (ctx.method === 'POST' && ctx.body.length ? String(jsonBody(ctx).persona ?? '') : '')) as PersonaName;
  if (!(personaNames as readonly string[]).includes(persona))
    throw errors.badRequest(`Unknown persona '${persona}'; use one of ${personaNames.join(', ')}.`);
  const user = ctx.tenant.db.prepare('SELECT id FROM users WHERE upn = ?').get(personas[persona].userPrincipalName) as { id: string };
  return json(issueToken(ctx.tenant.db, persona, user.id), 200, { 'cache-control': 'no-store' });
}

function faultsView(ctx: Ctx): Record<string, unknown> {
  const s = ctx.tenant.faults.settings;
  return { latencyMs: s.latencyMs, rate: s.rate, faults: formatFaultSpec(s.probabilities), seed: ctx.tenant.options.seed };
}

/** Example ids for the route list: the first seeded site (not a OneDrive: only its owner reads it), its default library, a document. */
function examples(ctx: Ctx): { siteId?: string; siteUrl?: string; driveId?: string; itemId?: string } {
  const db = ctx.tenant.db;
  const site = db.prepare("SELECT id, path FROM sites WHERE path <> '/' AND path NOT LIKE '/personal/%' ORDER BY path LIMIT 1").get() as
    { id: string; path: string } | undefined;
  const list = site
    ? (db
        .prepare(
          "SELECT id, drive_id FROM lists WHERE site_id = ? AND drive_id IS NOT NULL ORDER BY url_name = 'Shared Documents' DESC LIMIT 1"
        )
        .get(site.id) as { id: string; drive_id: string } | undefined)
    : undefined;
  const item = list
    ? (db.prepare('SELECT id FROM items WHERE list_id = ? AND is_folder = 0 AND deleted = 0 ORDER BY num LIMIT 1').get(list.id) as
        { id: string } | undefined)
    : undefined;
  return {
    siteId: site?.id,
    siteUrl: site ? `${ctx.origin}${encodePath(site.path)}` : undefined,
    driveId: list?.drive_id,
    itemId: item?.id
  };
}

/**
 * `GET /devtenant`: what a person exploring the dev tenant needs first: the personas and how to get a token,
 * the clock, the fault settings, the store, and the main routes with working example URLs.
 */
function overview(ctx: Ctx): Record<string, unknown> {
  const o = ctx.origin;
  const ex = examples(ctx);
  const site = ex.siteId ?? '{site-id}';
  const drive = ex.driveId ?? '{drive-id}';
  const item = ex.itemId ?? '{item-id}';
  return {
    name: 'Custodian dev tenant: a local stand-in for the parts of Microsoft 365 that Custodian uses',
    publicOrigin: o,
    documentation: 'docs/devtenant.md',
    store: {
      dataDir: ctx.tenant.options.dataDir ?? null,
      memory: ctx.tenant.options.dataDir === undefined,
      seed: Number(getMeta(ctx.tenant.db, 'seed')),
      items: Number(getMeta(ctx.tenant.db, 'items')),
      generation: getMeta(ctx.tenant.db, 'generation') ?? null,
      schemaVersion
    },
    clock: { now: ctx.tenant.clock.nowIso(), offsetMs: ctx.tenant.clock.offset, move: `POST ${o}/devtenant/clock {"days":30}` },
    faults: { ...faultsView(ctx), change: `PUT ${o}/devtenant/faults {"latencyMs":0,"rate":0,"faults":"429:0.05"}` },
    personas: personaNames.map((p) => ({
      persona: p,
      userPrincipalName: personas[p].userPrincipalName,
      scopes: personas[p].scopes,
      token: `${o}/devtenant/token?persona=${p}`
    })),
    usage: 'Get a token for a persona, then call Graph or SharePoint REST with "Authorization: Bearer {access_token}".',
    routes: {
      control: [
        `GET ${o}/devtenant`,
        `GET ${o}/devtenant/token?persona=office-worker`,
        `POST ${o}/devtenant/reset {"seed":1,"items":2000}`,
        `GET|PUT ${o}/devtenant/faults`,
        `GET|POST ${o}/devtenant/clock`,
        `GET|PATCH ${o}/devtenant/settings`
      ],
      graph: [
        `GET ${o}/v1.0/sites?search=finance`,
        `GET ${o}/v1.0/sites/${site}`,
        `GET ${o}/v1.0/sites/${site}/drive`,
        `GET ${o}/v1.0/drives/${drive}/root/children`,
        `GET ${o}/v1.0/drives/${drive}/items/${item}?$expand=listItem($expand=fields),retentionLabel`,
        `GET|PATCH|DELETE ${o}/v1.0/drives/${drive}/items/${item}/retentionLabel`,
        `POST ${o}/v1.0/drives/${drive}/items/${item}/assignSensitivityLabel`,
        `POST ${o}/v1.0/drives/${drive}/items/${item}/extractSensitivityLabels`,
        `PUT ${o}/v1.0/drives/${drive}/root:/New%20folder/new.txt:/content`,
        `GET ${o}/v1.0/sites/${site}/lists/{list-id}/items?$expand=fields`,
        `GET ${o}/v1.0/security/labels/retentionLabels?$expand=descriptors`,
        `GET ${o}/v1.0/security/dataSecurityAndGovernance/sensitivityLabels`,
        `GET|POST ${o}/v1.0/security/triggers/retentionEvents`,
        `GET ${o}/v1.0/security/cases/ediscoveryCases`,
        `GET ${o}/v1.0/me/messages`,
        `POST ${o}/v1.0/$batch`,
        `(the same under ${o}/beta)`
      ],
      sharepoint: [
        `GET ${ex.siteUrl ?? o}/_api/web/lists`,
        `POST ${ex.siteUrl ?? o}/_api/contextinfo`,
        `GET ${ex.siteUrl ?? o}/_api/SP.CompliancePolicy.SPPolicyStoreProxy.GetAvailableTagsForSite(siteUrl=@a1)?@a1='${ex.siteUrl ?? o}'`,
        `POST ${ex.siteUrl ?? o}/_api/SP_CompliancePolicy_SPPolicyStoreProxy_GetListComplianceTag {"listUrl":"..."}`,
        `POST ${ex.siteUrl ?? o}/_api/SP_CompliancePolicy_SPPolicyStoreProxy_SetListComplianceTag`
      ]
    }
  };
}

function nonNegative(body: Record<string, unknown>, key: string): number | undefined {
  const v = body[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw errors.badRequest(`'${key}' must be a number of at least 0.`);
  return v;
}

export const controlRoutes: readonly Route[] = [
  {
    pattern: '',
    ops: { GET: { scopes: 'none', run: (ctx) => json(overview(ctx)) } }
  },
  {
    pattern: 'token',
    ops: { GET: { scopes: 'none', query: ['persona'], run: token }, POST: { scopes: 'none', query: ['persona'], run: token } }
  },
  {
    pattern: 'reset',
    ops: {
      POST: {
        scopes: 'none',
        run: (ctx) => {
          const body = ctx.body.length ? jsonBody(ctx) : {};
          const seed = body.seed === undefined ? ctx.tenant.options.seed : body.seed;
          const items = body.items === undefined ? ctx.tenant.options.items : body.items;
          if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
            throw errors.badRequest("'seed' must be an integer from 0 to 4294967295.");
          if (typeof items !== 'number' || !Number.isInteger(items) || items < 0 || items > 1_000_000)
            throw errors.badRequest("'items' must be an integer from 0 to 1000000.");
          const db = ctx.tenant.db;
          const tokens = db.prepare('SELECT * FROM tokens').all() as Record<string, unknown>[];
          clearAll(db);
          const insert = db.prepare(
            'INSERT INTO tokens (hash, persona, scopes, user_id, expires) VALUES (@hash, @persona, @scopes, @user_id, @expires)'
          );
          for (const t of tokens) insert.run(t);
          // clearAll dropped the clock's offset too: the reset tenant is back on real time.
          seedTenant(db, seed, items, Date.now());
          ctx.tenant.options.seed = seed;
          ctx.tenant.options.items = items;
          ctx.tenant.afterReset();
          return json({ seed, items, seedDay: getMeta(db, 'seedDay'), now: ctx.tenant.clock.nowIso() });
        }
      }
    }
  },
  {
    pattern: 'faults',
    ops: {
      GET: { scopes: 'none', run: (ctx) => json(faultsView(ctx)) },
      PUT: {
        scopes: 'none',
        run: (ctx) => {
          const body = jsonBody(ctx);
          const latencyMs = nonNegative(body, 'latencyMs');
          const rate = nonNegative(body, 'rate');
          let probabilities;
          if (body.faults !== undefined) {
            if (typeof body.faults !== 'string') throw errors.badRequest("'faults' must be a string such as '429:0.05,503:0.02'.");
            const parsed = parseFaultSpec(body.faults);
            if (!parsed.ok) throw errors.badRequest(parsed.reason);
            probabilities = parsed.value;
          }
          ctx.tenant.faults.update({
            ...(latencyMs !== undefined ? { latencyMs } : {}),
            ...(rate !== undefined ? { rate } : {}),
            ...(probabilities ? { probabilities } : {})
          });
          return json(faultsView(ctx));
        }
      }
    }
  },
  {
    pattern: 'clock',
    ops: {
      GET: { scopes: 'none', run: (ctx) => json({ now: ctx.tenant.clock.nowIso(), offsetMs: ctx.tenant.clock.offset }) },
      POST: {
        scopes: 'none',
        run: (ctx) => {
          const body = jsonBody(ctx);
          const ms =
            (nonNegative(body, 'days') ?? 0) * 86_400_000 +
            (nonNegative(body, 'hours') ?? 0) * 3_600_000 +
            (nonNegative(body, 'minutes') ?? 0) * 60_000 +
            (nonNegative(body, 'seconds') ?? 0) * 1000;
          if (ms <= 0) throw errors.badRequest("Move the clock forward with 'days', 'hours', 'minutes' or 'seconds' (it never goes back).");
          if (ms > 200 * 365 * 86_400_000) throw errors.badRequest('The clock can move forward at most 200 years at a time.');
          ctx.tenant.clock.advance(ms);
          return json({ now: ctx.tenant.clock.nowIso(), offsetMs: ctx.tenant.clock.offset });
        }
      }
    }
  },
  {
    pattern: 'settings',
    ops: {
      GET: { scopes: 'none', run: (ctx) => json(readRecordsSettings(ctx.tenant.db)) },
      PATCH: {
        scopes: 'none',
        run: (ctx) => {
          const body = jsonBody(ctx);
          const current = readRecordsSettings(ctx.tenant.db);
          for (const key of Object.keys(body)) {
            if (!(key in current)) throw errors.badRequest(`Unknown setting '${key}'; use one of ${Object.keys(current).join(', ')}.`);
            if (typeof body[key] !== 'boolean') throw errors.badRequest(`'${key}' must be true or false.`);
          }
          const next = { ...current, ...(body as Partial<typeof current>) };
          writeRecordsSettings(ctx.tenant.db, next);
          return json(next);
        }
      }
    }
  },
  {
    // Inbound mail (what Exchange does on SMTP delivery): raw RFC 5322 MIME into a mailbox's Inbox, up to 60 MB,
    // which Graph's 4 MB request limit keeps out of `POST .../messages`.
    pattern: 'mail',
    ops: {
      POST: {
        scopes: 'none',
        query: ['to'],
        run: (ctx) => {
          const user = findUser(ctx.tenant.db, ctx.query.get('to') ?? '');
          if (!user) throw errors.badRequest("'to' must name a user (id or user principal name).");
          if (!ctx.body.length) throw errors.badRequest('The body must be the message as MIME (message/rfc822).');
          return json(insertMimeMessage(ctx, user.id, ctx.body, false), 201);
        }
      }
    }
  },
  ...uploadRoutes,
  ...downloadRoutes,
  ...monitorRoutes
];
