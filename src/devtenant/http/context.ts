import type { Segment } from '../protocol/requestPath';
import { errors, type ApiKind, type RequestIds } from '../errors';
import type { Tenant } from '../tenant';
import type { Principal } from '../auth/personas';

/** What a handler receives: one parsed request, already authenticated, with the tenant it runs against. */
export interface Ctx {
  tenant: Tenant;
  api: ApiKind;
  method: string;
  /** Graph: the version segment (`v1.0` or `beta`). */
  version: string;
  /** Path segments after the API prefix (`/v1.0`, or a site's `/_api`). */
  segments: Segment[];
  /** Decoded query parameters (first value of each). */
  query: Map<string, string>;
  /** The path and query exactly as received, for building `@odata.nextLink`. */
  rawUrl: string;
  headers: Record<string, string>;
  body: Buffer;
  principal: Principal | undefined;
  /** `http://127.0.0.1:PORT`, the base every link back to this API starts with (`https://graph.microsoft.com` in public-hosts mode). */
  origin: string;
  /** The base of SharePoint sites' `webUrl`s: `origin`, or `https://{tenant}.sharepoint.com` in public-hosts mode. */
  siteOrigin: string;
  /** The base of OneDrive personal sites' `webUrl`s: `origin`, or `https://{tenant}-my.sharepoint.com` in public-hosts mode. */
  oneDriveOrigin: string;
  ids: RequestIds;
  /** For SharePoint REST: the site the `/_api` belongs to. */
  siteId?: string;
  /** For SharePoint REST: arguments of a function segment (`GetAvailableTagsForSite(siteUrl=@a1)`). */
  callArgs?: Record<string, string | number | boolean | null>;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** A JSON value, raw bytes, or nothing. */
  body?: unknown;
}

export function json(body: unknown, status = 200, headers?: Record<string, string>): Reply {
  return { status, body, headers };
}

export function noContent(headers?: Record<string, string>): Reply {
  return { status: 204, headers };
}

/** Parses the JSON body as an object; malformed JSON or a non-object is a 400 in the API's envelope. */
export function jsonBody(ctx: Ctx): Record<string, unknown> {
  if (ctx.body.length === 0) throw errors.badRequest('A request body is required.');
  const type = (ctx.headers['content-type'] ?? 'application/json').toLowerCase();
  if (!type.includes('json')) throw errors.unsupportedMedia(`The content type '${type}' is not supported; send application/json.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(ctx.body.toString('utf8'));
  } catch {
    throw errors.badRequest(
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.'
    );
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw errors.badRequest('The request body must be a JSON object.');
  return parsed as Record<string, unknown>;
}

export function requirePrincipal(ctx: Ctx): Principal {
  if (!ctx.principal) throw errors.unauthenticated('Access token is empty.');
  return ctx.principal;
}

/** Reads a string property of a body, or refuses with 400 naming the property. */
export function stringProp(
  body: Record<string, unknown>,
  name: string,
  opts: { optional?: boolean; allowEmpty?: boolean } = {}
): string | undefined {
  const v = body[name];
  if (v === undefined || v === null) {
    if (opts.optional) return undefined;
    throw errors.badRequest(`The property '${name}' is required.`);
  }
  if (typeof v !== 'string') throw errors.badRequest(`The property '${name}' must be a string.`);
  if (!opts.allowEmpty && v === '') throw errors.badRequest(`The property '${name}' must not be empty.`);
  return v;
}
