import crypto from 'node:crypto';
import { ServiceError } from '../errors';
import type { Ctx, Reply } from '../http/context';
import type { Route } from '../http/router';
import { getContent } from './driveItemContent';

// Graph's `@microsoft.graph.downloadUrl`: "a URL that can be used to download this file's content. Authentication
// isn't required with this URL. Read-only." and, on driveitem-get-content, short-lived ("only valid for a short
// period of time"). The dev tenant signs the drive, the item and an expiry with a key of this process, so the URL
// works without a token, for a while, for that file only.
const key = crypto.randomBytes(32);
/** How long a download URL works, on the tenant's clock (Microsoft says only "a short period"). */
export const downloadUrlLifetimeMs = 60 * 60 * 1000;

const sign = (payload: string): string => crypto.createHmac('sha256', key).update(payload).digest('base64url');

/** A pre-authenticated URL for one file's content: `{origin}/devtenant/download/{token}`. */
export function downloadUrlOf(ctx: Ctx, driveId: string, itemId: string): string {
  const payload = Buffer.from(JSON.stringify([driveId, itemId, ctx.tenant.clock.nowMs() + downloadUrlLifetimeMs])).toString('base64url');
  return `${ctx.origin}/devtenant/download/${payload}.${sign(payload)}`;
}

function download(ctx: Ctx, p: Record<string, string>): Reply {
  const [payload, signature = ''] = p.token.split('.');
  const expected = sign(payload);
  const valid = signature.length === expected.length && crypto.timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
  if (!valid)
    throw new ServiceError({ status: 401, code: 'unauthenticated', message: 'The download URL is not one this dev tenant issued.' });
  const [driveId, itemId, expires] = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as [string, string, number];
  if (ctx.tenant.clock.nowMs() > expires)
    throw new ServiceError({
      status: 401,
      code: 'unauthenticated',
      message: 'The download URL has expired; ask Graph for the item again.'
    });
  return getContent(ctx, { driveId, itemId });
}

/** Served under `/devtenant/download/{token}`, without a token, as the download URLs Graph hands out. */
export const downloadRoutes: readonly Route[] = [{ pattern: 'download/{token}', ops: { GET: { scopes: 'none', run: download } } }];
