import crypto from 'node:crypto';
import { errors } from '../errors';
import type { Ctx, Reply } from '../http/context';
import { dispatch } from '../http/dispatch';
import { type Route, Router } from '../http/router';
import { parseCallSegment } from '../protocol/callSegment';
import type { Segment } from '../protocol/requestPath';
import { findList, getSite } from '../store/sites';
import { spEntity } from './format';
import { policyStoreRoutes } from './policyStore';
import { spListRoutes, resolveListUrl } from './lists';
import { findItemByServerRelativeUrl } from '../graph/addressing';
import { resolveFolderKey, spFolderRoutes } from './folders';

/**
 * SharePoint REST under each site's `/_api`. Function-call segments are rewritten to plain segments first
 * (`lists/getByTitle('Docs')`, `lists(guid'..')` and `GetList('/sites/x/Docs')` -> `lists/{id}`,
 * `items(3)` -> `items/3`, both spellings of SPPolicyStoreProxy -> `policyStore/{Method}`), so each operation
 * is one route.
 */

const name = (value: string): Segment => ({ kind: 'name', value });
const proxyDotted = 'sp.compliancepolicy.sppolicystoreproxy.';
const proxyUnderscored = 'sp_compliancepolicy_sppolicystoreproxy_';

function canonicalise(ctx: Ctx): void {
  const aliases: Record<string, string> = {};
  for (const [k, v] of ctx.query) if (k.startsWith('@')) aliases[k] = v;
  for (const k of Object.keys(aliases)) ctx.query.delete(k);
  const out: Segment[] = [];
  const segs = ctx.segments;
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i];
    if (s.kind !== 'name') throw errors.notImplemented('colon path addressing in SharePoint REST');
    const call = parseCallSegment(s.value, aliases);
    if (!call) throw errors.badRequest(`The segment '${s.value}' is not a valid SharePoint REST call.`);
    const lower = call.name.toLowerCase();
    if (lower.startsWith(proxyDotted) || lower.startsWith(proxyUnderscored)) {
      out.push(name('policyStore'), name(call.name.slice(proxyDotted.length)));
      ctx.callArgs = { ...call.named, ...(call.positional !== undefined ? { _: call.positional } : {}) };
      continue;
    }
    const prev = out[out.length - 1]?.value.toLowerCase();
    if (lower === 'lists' && call.hasParens) {
      out.push(name('lists'), name(String(call.positional ?? '')));
    } else if (prev === 'lists' && lower === 'getbytitle') {
      const list = findList(ctx.tenant.db, ctx.siteId as string, String(call.positional ?? ''));
      if (!list || list.display_name.toLowerCase() !== String(call.positional).toLowerCase())
        throw errors.notFound(`List '${String(call.positional)}' does not exist at site with URL '${ctx.origin}'.`);
      out.push(name(list.id));
    } else if (lower === 'getlist') {
      const list = resolveListUrl(ctx, String(call.positional ?? ''));
      out.push(name('lists'), name(list.id));
    } else if (lower === 'getfilebyid' || lower === 'getfilebyserverrelativepath' || lower === 'getfilebyserverrelativeurl') {
      out.push(
        name('files'),
        name(
          resolveFile(
            ctx,
            lower === 'getfilebyid'
              ? { uid: String(call.positional ?? '') }
              : { path: String(call.named.DecodedUrl ?? call.named.decodedurl ?? call.positional ?? '') }
          )
        )
      );
    } else if (lower === 'getfolderbyid' || lower === 'getfolderbyserverrelativepath' || lower === 'getfolderbyserverrelativeurl') {
      const decoded = Object.entries(call.named).find(([k]) => k.toLowerCase() === 'decodedurl')?.[1];
      const arg = String(decoded ?? call.positional ?? '');
      out.push(name('folders'), name(resolveFolderKey(ctx, lower === 'getfolderbyid' ? { id: arg } : { path: arg })));
    } else if (lower === 'items' && call.hasParens) {
      out.push(name('items'), name(String(call.positional ?? '')));
    } else if (call.hasParens && call.positional === undefined && Object.keys(call.named).length === 0) {
      out.push(name(call.name));
    } else if (call.hasParens) {
      throw errors.notImplemented(`the SharePoint REST function '${call.name}'`);
    } else out.push(name(call.name));
  }
  ctx.segments = out;
}

/** The driveItem id of a file named by its unique id or its server-relative path. */
function resolveFile(ctx: Ctx, key: { uid?: string; path?: string }): string {
  if (key.uid !== undefined) {
    const row = ctx.tenant.db.prepare('SELECT id FROM items WHERE uid = ? COLLATE NOCASE AND deleted = 0').get(key.uid) as
      { id: string } | undefined;
    if (!row) throw errors.notFound('File Not Found.');
    return row.id;
  }
  const hit = findItemByServerRelativeUrl(ctx, key.path ?? '');
  if (!hit?.itemId) throw errors.notFound('File Not Found.');
  return hit.itemId;
}

const readScopes = ['Sites.Read.All', 'Sites.ReadWrite.All', 'Sites.FullControl.All'] as const;

/** `POST /_api/contextinfo`: the form digest `@pnp/sp` puts in `X-RequestDigest`. */
function contextInfo(ctx: Ctx): Reply {
  const site = getSite(ctx.tenant.db, ctx.siteId as string);
  const url = `${ctx.origin}${site && site.path !== '/' ? site.path : ''}`;
  const digest = `0x${crypto.randomBytes(32).toString('hex').toUpperCase()},${new Date(ctx.tenant.clock.nowMs()).toUTCString()}`;
  return spEntity(ctx, 'SP.ContextWebInformation', {
    FormDigestTimeoutSeconds: 1800,
    FormDigestValue: digest,
    LibraryVersion: '16.0.0.0',
    SiteFullUrl: url,
    SupportedSchemaVersions: ['14.0.0.0', '15.0.0.0'],
    WebFullUrl: url
  });
}

export const sharePointRoutes: readonly Route[] = [
  { pattern: 'contextinfo', ops: { POST: { scopes: readScopes, run: contextInfo } } },
  ...spListRoutes,
  ...spFolderRoutes,
  ...policyStoreRoutes
];

const spRouter = new Router(sharePointRoutes);

/** The form digest is optional with a bearer token (as on SharePoint Online), but a malformed one is refused. */
function checkDigest(ctx: Ctx): void {
  const digest = ctx.headers['x-requestdigest'];
  if (digest !== undefined && !/^0x[0-9A-F]{64},/.test(digest)) {
    throw errors.forbidden(
      "The security validation for this page is invalid and might be corrupted. Please use your web browser's Back button to try your operation again."
    );
  }
}

export function dispatchSharePoint(ctx: Ctx): Reply {
  return dispatch(ctx, spRouter, `the SharePoint REST path '/_api/${ctx.segments.map((s) => s.value).join('/')}'`, (c) => {
    // SharePoint takes app-only tokens only from a certificate; the dev tenant's app signs in with a secret, which
    // SharePoint Online answers "Unsupported app only token." (as CLI for Microsoft 365 warns before trying).
    if (c.principal?.appOnly) throw errors.unauthenticated('Unsupported app only token.');
    checkDigest(c);
    canonicalise(c);
  });
}
