import crypto from 'node:crypto';
import { errors, ServiceError } from '../errors';
import { type Ctx, json, jsonBody, noContent, type Reply } from '../http/context';
import type { Route } from '../http/router';
import { getItem } from '../store/items';
import { getList, getSite, type ListRow, type SiteRow } from '../store/sites';
import { conflictBehavior, type ConflictBehavior } from './conflictBehavior';
import { createFile } from './driveFileUpload';
import { replaceContent } from './driveItemContent';
import { loadDrive, validateItemName } from './common';

/**
 * Upload sessions (https://learn.microsoft.com/graph/api/driveitem-createuploadsession): create one, then PUT
 * byte ranges to its `uploadUrl` (no Authorization header, as with Graph's pre-authenticated URL) in order.
 * A fragment is kept only once all its bytes have arrived ("If an upload request is disconnected or fails before
 * the request is completed, all bytes in that request are ignored"), so a dropped fragment leaves what came before.
 */

interface SessionRow {
  id: string;
  list_id: string;
  parent_id: string;
  name: string;
  replace_id: string | null;
  total: number;
  received: number;
  data: Buffer;
  expires: string;
  user_id: string;
}

const sessionLifetimeMs = 24 * 3600_000;

function createSession(ctx: Ctx, list: ListRow, parentPath: string, name: string, replaceId: string | null): Reply {
  const body = ctx.body.length ? jsonBody(ctx) : {};
  const item = (body.item ?? {}) as Record<string, unknown>;
  const behavior = (item['@microsoft.graph.conflictBehavior'] as ConflictBehavior | undefined) ?? conflictBehavior(ctx, 'replace');
  if (!['fail', 'replace', 'rename'].includes(behavior)) throw errors.badRequest('Invalid @microsoft.graph.conflictBehavior.');
  if (!replaceId) validateItemName(name, parentPath === '/' ? '' : parentPath);
  const id = crypto.randomBytes(18).toString('base64url');
  const expires = new Date(ctx.tenant.clock.nowMs() + sessionLifetimeMs).toISOString();
  ctx.tenant.db
    .prepare(
      'INSERT INTO upload_sessions (id, list_id, parent_id, name, replace_id, total, received, data, expires, user_id) VALUES (?, ?, ?, ?, ?, -1, 0, ?, ?, ?)'
    )
    .run(id, list.id, `${behavior}|${parentPath}`, name, replaceId, Buffer.alloc(0), expires, ctx.principal?.userId ?? '');
  return json({ uploadUrl: `${ctx.origin}/devtenant/upload/${id}`, expirationDateTime: expires, nextExpectedRanges: ['0-'] });
}

function createForNew(ctx: Ctx, p: Record<string, string>): Reply {
  const { list } = loadDrive(ctx, p.driveId);
  return createSession(ctx, list, p.parentPath, p.fileName, null);
}

function createForExisting(ctx: Ctx, p: Record<string, string>): Reply {
  const { list } = loadDrive(ctx, p.driveId);
  const item = getItem(ctx.tenant.db, p.itemId);
  if (!item || item.list_id !== list.id || item.is_folder) throw errors.notFound('The resource could not be found.');
  return createSession(ctx, list, '', item.name, item.id);
}

/**
 * 416 for a fragment the session already holds or one that skips ahead ("Uploading fragments out of order results
 * in an error"), in the shape of the Graph errors page's example: code `badRequest`, innerError code `invalidRange`,
 * "Uploaded fragment overlaps with existing data." (https://learn.microsoft.com/graph/errors).
 */
function rangeNotSatisfiable(start: number, received: number): ServiceError {
  return new ServiceError({
    status: 416,
    code: 'badRequest',
    innerCode: 'invalidRange',
    message:
      start < received
        ? 'Uploaded fragment overlaps with existing data.'
        : `Fragment starts at ${start}, but the next expected byte is ${received}; fragments must be uploaded in order.`
  });
}

function loadSession(ctx: Ctx, id: string): SessionRow {
  const row = ctx.tenant.db.prepare('SELECT * FROM upload_sessions WHERE id = ?').get(id) as SessionRow | undefined;
  if (!row || Date.parse(row.expires) < ctx.tenant.clock.nowMs()) throw errors.notFound('The upload session was not found or has expired.');
  return row;
}

/** `PUT {uploadUrl}` with `Content-Range: bytes start-end/total`: 202 with the next range, 201/200 when complete. */
function putRange(ctx: Ctx, p: Record<string, string>): Reply {
  const s = loadSession(ctx, p.sessionId);
  const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(ctx.headers['content-range'] ?? '');
  if (!m) throw errors.badRequest("Each fragment needs a 'Content-Range: bytes start-end/total' header.", 'invalidRange');
  const [start, end, total] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (end < start || end >= total || end - start + 1 !== ctx.body.length)
    throw errors.badRequest('The Content-Range does not match the bytes sent.', 'invalidRange');
  if (s.total !== -1 && s.total !== total) throw errors.badRequest('The total size changed between fragments.', 'invalidRange');
  if (start !== s.received) throw rangeNotSatisfiable(start, s.received);
  const data = Buffer.concat([s.data, ctx.body]);
  if (end + 1 < total) {
    ctx.tenant.db.prepare('UPDATE upload_sessions SET data = ?, received = ?, total = ? WHERE id = ?').run(data, end + 1, total, s.id);
    return json({ expirationDateTime: s.expires, nextExpectedRanges: [`${end + 1}-`] }, 202);
  }
  ctx.tenant.db.prepare('DELETE FROM upload_sessions WHERE id = ?').run(s.id);
  const list = getList(ctx.tenant.db, s.list_id) as ListRow;
  const site = getSite(ctx.tenant.db, list.site_id) as SiteRow;
  // The session's user uploads, even though the uploadUrl carries no token.
  ctx.principal = ctx.principal ?? { persona: 'office-worker', userId: s.user_id, scopes: new Set(), isContainerAdmin: false };
  if (s.replace_id) {
    const item = getItem(ctx.tenant.db, s.replace_id);
    if (!item) throw errors.notFound('The file being replaced no longer exists.');
    return replaceContent(ctx, site, list, item, data);
  }
  const [behavior, ...rest] = s.parent_id.split('|');
  return createFile(ctx, site, list, rest.join('|'), s.name, data, behavior as ConflictBehavior);
}

function cancel(ctx: Ctx, p: Record<string, string>): Reply {
  loadSession(ctx, p.sessionId);
  ctx.tenant.db.prepare('DELETE FROM upload_sessions WHERE id = ?').run(p.sessionId);
  return noContent();
}

/** `GET {uploadUrl}` ("Resuming an in-progress upload"): the session's expiry and the bytes it still misses. */
function status(ctx: Ctx, p: Record<string, string>): Reply {
  const s = loadSession(ctx, p.sessionId);
  return json({ expirationDateTime: s.expires, nextExpectedRanges: [`${s.received}-`] });
}

// driveitem-createuploadsession: Files.ReadWrite first, which reaches only the user's own OneDrive (personalAccess).
const writeScopes = ['Files.ReadWrite', 'Files.ReadWrite.All', 'Sites.ReadWrite.All'] as const;

export const uploadSessionRoutes: readonly Route[] = [
  {
    pattern: 'drives/{driveId}/upload/{parentPath:path}/{fileName}/createUploadSession',
    ops: { POST: { scopes: writeScopes, query: ['@microsoft.graph.conflictBehavior'], run: createForNew } }
  },
  { pattern: 'drives/{driveId}/items/{itemId}/createUploadSession', ops: { POST: { scopes: writeScopes, run: createForExisting } } }
];

/** Served under `/devtenant/upload/{id}` (the session's uploadUrl). */
export const uploadRoutes: readonly Route[] = [
  {
    pattern: 'upload/{sessionId}',
    ops: { PUT: { scopes: 'none', run: putRange }, DELETE: { scopes: 'none', run: cancel }, GET: { scopes: 'none', run: status } }
  }
];
