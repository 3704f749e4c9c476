import type Database from 'better-sqlite3';
import { errors } from '../errors';
import { type Ctx, json, type Reply, requirePrincipal } from '../http/context';
import type { Route } from '../http/router';
import { applySelect, countOption, odataContext, pageCollection, selectOption } from '../http/query';

/** Users (https://learn.microsoft.com/graph/api/resources/user): `/me`, `/users/{id | userPrincipalName}`, `/users`. */

export interface UserDoc {
  id: string;
  displayName: string;
  userPrincipalName: string;
  mail: string;
  [key: string]: unknown;
}

export function findUser(db: Database.Database, key: string): UserDoc | undefined {
  const row = db.prepare('SELECT data FROM users WHERE id = ? COLLATE NOCASE OR upn = ?').get(key, key) as { data: string } | undefined;
  return row ? (JSON.parse(row.data) as UserDoc) : undefined;
}

/** `me` is the signed-in persona; anyone else needs User.Read.All (or is refused 403, as Graph does). */
export function resolveUser(ctx: Ctx, key: string | undefined, otherScopes: readonly string[]): UserDoc {
  const principal = requirePrincipal(ctx);
  const user = findUser(ctx.tenant.db, key ?? principal.userId);
  if (!user)
    throw errors.notFound(`Resource '${key ?? ''}' does not exist or one of its queried reference-property objects are not present.`);
  if (user.id !== principal.userId && !otherScopes.some((s) => principal.scopes.has(s))) throw errors.missingScope(otherScopes);
  return user;
}

function shape(u: UserDoc): Record<string, unknown> {
  const out: Record<string, unknown> = { ...u };
  delete out['@devtenant.persona'];
  return out;
}

const me = (ctx: Ctx): Reply => json(applySelect(shape(resolveUser(ctx, undefined, [])), selectOption(ctx)));
const one = (ctx: Ctx, p: Record<string, string>): Reply =>
  json(applySelect(shape(resolveUser(ctx, p.userId, ['User.Read.All'])), selectOption(ctx)));

function all(ctx: Ctx): Reply {
  const rows = (ctx.tenant.db.prepare('SELECT data FROM users ORDER BY rowid').all() as { data: string }[]).map((r) =>
    shape(JSON.parse(r.data) as UserDoc)
  );
  // `$count` on directory objects is an advanced query: Graph needs `ConsistencyLevel: eventual` for it.
  if (countOption(ctx) && ctx.headers['consistencylevel']?.toLowerCase() !== 'eventual')
    throw errors.badRequest("$count on users needs the header 'ConsistencyLevel: eventual' (an advanced query).", 'unsupportedQuery');
  const select = selectOption(ctx);
  return json({
    '@odata.context': odataContext(ctx, select ? `users(${select.join(',')})` : 'users'),
    ...pageCollection(ctx, rows, { defaultPageSize: 100, count: true })
  });
}

export const userRoutes: readonly Route[] = [
  { pattern: 'me', ops: { GET: { scopes: ['User.Read', 'User.Read.All'], query: ['$select'], run: me } } },
  {
    pattern: 'users',
    ops: { GET: { scopes: ['User.Read.All'], query: ['$select', '$filter', '$top', '$orderby', '$skiptoken', '$count'], run: all } }
  },
  { pattern: 'users/{userId}', ops: { GET: { scopes: ['User.Read', 'User.Read.All'], query: ['$select'], run: one } } }
];
