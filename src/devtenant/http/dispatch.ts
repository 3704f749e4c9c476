import { errors, graphErrorBody, ServiceError, sharePointErrorBody } from '../errors';
import { hasAnyScope } from '../auth/personas';
import type { Ctx, Reply } from './context';
import type { Method, Router } from './router';
import { checkQueryAllowed } from './query';
import { settleOperations } from '../store/operations';

const methods: readonly string[] = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'];

/** True when a SharePoint client asked for the verbose (`{ d: ... }`) shape. */
export function wantsVerbose(ctx: Ctx): boolean {
  return /odata=verbose/i.test(ctx.headers['accept'] ?? '');
}

/** Renders any error in the envelope of the API the request was for. */
export function errorReply(ctx: Ctx, err: unknown): Reply {
  let info;
  if (err instanceof ServiceError) info = err.info;
  else {
    // Only the message: never the request, whose headers carry the bearer token.
    console.error(
      `devtenant: internal error on ${ctx.method} request ${ctx.ids.requestId}: ${err instanceof Error ? err.message : String(err)}`
    );
    info = errors.internal().info;
  }
  const body = ctx.api === 'sharepoint' ? sharePointErrorBody(info, wantsVerbose(ctx)) : graphErrorBody(info, ctx.ids);
  return { status: info.status, headers: info.headers, body };
}

/** `Prefer` values the dev tenant honours (or, for the first, that change nothing here); any other is refused. */
const supportedPreferences = ['honornonindexedquerieswarningmayfailrandomly'];

/** Request headers that change what Graph does and that the dev tenant does not implement are refused, not ignored. */
function checkHeaders(ctx: Ctx): void {
  const prefer = ctx.headers['prefer'];
  if (prefer !== undefined) {
    for (const p of prefer
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x !== '')) {
      if (!supportedPreferences.includes(p.toLowerCase()))
        throw errors.unsupportedQuery(`The header 'Prefer: ${p}' is not supported by the dev tenant.`);
    }
  }
  // A browser revalidating a cached GET sends If-None-Match (answered in `notModified`); on a write it would ask
  // for create-only semantics, which the dev tenant does not implement.
  if (ctx.headers['if-none-match'] !== undefined && ctx.method !== 'GET')
    throw errors.unsupportedQuery("The header 'If-None-Match' is supported by the dev tenant on GET only.");
  const consistency = ctx.headers['consistencylevel'];
  if (consistency !== undefined && consistency.toLowerCase() !== 'eventual')
    throw errors.badRequest(`ConsistencyLevel '${consistency}' is not valid; use 'eventual'.`);
}

/** A GET whose If-None-Match names the current ETag (or `*`) is answered 304 without a body, as HTTP caches expect. */
function notModified(ctx: Ctx, reply: Reply): Reply {
  const wanted = ctx.headers['if-none-match'];
  const etag = reply.headers?.['etag'];
  if (wanted === undefined || reply.status !== 200 || etag === undefined) return reply;
  // Entity tags are quoted and may hold commas themselves (SharePoint's are `"{GUID},1"`): match them whole.
  const tags = (wanted.match(/\*|(?:W\/)?"[^"]*"/g) ?? []).map((tag) => tag.replace(/^W\//, ''));
  return tags.includes('*') || tags.includes(etag) ? { status: 304, headers: { etag } } : reply;
}

/**
 * Runs one request through a router: 501 for a path it does not serve, 401/403 for the token and its scopes,
 * 400 for a query option the operation does not support, then the handler. Every write runs in one SQLite
 * transaction, so a refusal or a crash part-way leaves nothing half done.
 */
export function dispatch(ctx: Ctx, router: Router, what: string, prepare?: (ctx: Ctx) => void): Reply {
  try {
    if (ctx.api !== 'control' && !ctx.principal) {
      throw errors.unauthenticated(
        ctx.headers['authorization'] ? 'Access token validation failure. Invalid audience or expired token.' : 'Access token is empty.'
      );
    }
    if (ctx.api === 'graph') checkHeaders(ctx);
    if (prepare) prepare(ctx);
    const found = router.match(ctx.segments);
    if (!found) throw errors.notImplemented(`${ctx.method} ${what}`);
    const op = methods.includes(ctx.method) ? found.route.ops[ctx.method as Method] : undefined;
    if (!op) throw errors.notImplemented(`${ctx.method} on ${what}`);
    if (op.scopes !== 'none') {
      if (!ctx.principal)
        throw errors.unauthenticated(
          ctx.headers['authorization'] ? 'Access token validation failure. Invalid audience or expired token.' : 'Access token is empty.'
        );
      if (!hasAnyScope(ctx.principal, op.scopes)) throw errors.missingScope(op.scopes);
      if (op.delegatedOnly && ctx.principal.appOnly)
        throw errors.forbidden(
          'This API does not support application permissions ("Application: Not supported" in its permissions table); call it on behalf of a signed-in user.'
        );
    }
    checkQueryAllowed(ctx.query, op.query ?? []);
    const db = ctx.tenant.db;
    settleOperations(ctx.tenant);
    if (ctx.method === 'GET') return notModified(ctx, op.run(ctx, found.params));
    return db.transaction(() => op.run(ctx, found.params))();
  } catch (err) {
    return errorReply(ctx, err);
  }
}
