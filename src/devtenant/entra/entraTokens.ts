import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  devTenantApp,
  hashToken,
  type PersonaName,
  personas,
  registerToken,
  tenantDomain,
  tenantId,
  tokenLifetimeSeconds
} from '../auth/personas';
import { getMeta, setMeta } from '../tenant';

/**
 * Tokens as Microsoft Entra ID issues them to a public client (the OAuth 2.0 resource owner password credentials
 * grant, "Microsoft identity platform and OAuth 2.0 Resource Owner Password Credentials"): a JWT access token for the
 * resource asked for, an ID token, a refresh token and `client_info`. Clients such as CLI for Microsoft 365 read the
 * access token's claims (who is signed in, app-only or not), so it is a JWT here too, signed with the tenant's own key;
 * the dev tenant still keeps only its hash and resolves it like any of its tokens.
 */

/** The dev tenant's app registration: the client id a client signs in with (`m365 login --appId`). */
export const devTenantAppId = '8a6f2f0e-4c1b-4d7e-9f3a-c0d5e1b2a3f4';

/** The dev tenant app's client secret, for app-only sign-in (`m365 login --authType secret`); documented, as the password. */
export const devTenantAppSecret = 'Custodian-dev-app-secret-1';

/** The password of every persona in the dev tenant (documented in docs/devtenant.md; the dev tenant holds no secrets). */
export const devTenantPassword = 'Custodian-dev-tenant-1';

function signingKey(db: Database.Database): Buffer {
  let key = getMeta(db, 'entraSigningKey');
  if (!key) {
    key = crypto.randomBytes(32).toString('base64url');
    setMeta(db, 'entraSigningKey', key);
  }
  return Buffer.from(key, 'base64url');
}

const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

function jwt(db: Database.Database, claims: Record<string, unknown>): string {
  const body = `${part({ typ: 'JWT', alg: 'HS256' })}.${part(claims)}`;
  return `${body}.${crypto.createHmac('sha256', signingKey(db)).update(body).digest('base64url')}`;
}

/** Refresh tokens live as long as the process: a client whose refresh token is gone signs in again, as after a revocation. */
const refreshTokens = new Map<string, { persona: PersonaName; clientId: string; expires: number }>();

export function personaBySignInName(name: string): PersonaName | undefined {
  const lower = name.trim().toLowerCase();
  return (Object.keys(personas) as PersonaName[]).find((p) => personas[p].userPrincipalName.toLowerCase() === lower);
}

/** The resource a `.default` scope names (`https://graph.microsoft.com/.default` -> `https://graph.microsoft.com`). */
export function resourceOfScope(scope: string): string | undefined {
  const wanted = scope.split(/\s+/).find((s) => s.endsWith('/.default'));
  return wanted?.slice(0, -'/.default'.length);
}

export interface TokenResponse {
  token_type: 'Bearer';
  scope: string;
  expires_in: number;
  ext_expires_in: number;
  access_token: string;
  refresh_token: string;
  id_token: string;
  client_info: string;
}

/** Signs a persona in for `resource`: the token answer Entra gives, its access token registered with the dev tenant. */
export function issueUserTokens(
  db: Database.Database,
  persona: PersonaName,
  clientId: string,
  resource: string,
  nowMs: number
): TokenResponse {
  const def = personas[persona];
  const user = db.prepare('SELECT id FROM users WHERE upn = ?').get(def.userPrincipalName) as { id: string } | undefined;
  const oid = user?.id ?? crypto.randomUUID();
  const now = Math.floor(nowMs / 1000);
  const times = { iat: now, nbf: now, exp: now + tokenLifetimeSeconds };
  const scopes = def.scopes.join(' ');
  const accessToken = jwt(db, {
    aud: resource,
    iss: `https://sts.windows.net/${tenantId}/`,
    ...times,
    appid: clientId,
    idtyp: 'user',
    name: def.displayName,
    oid,
    scp: scopes,
    sub: hashToken(`${oid}:${clientId}`).slice(0, 43),
    tid: tenantId,
    unique_name: def.userPrincipalName,
    upn: def.userPrincipalName,
    ver: '1.0'
  });
  registerToken(db, accessToken, { persona, scopes: def.scopes, userId: oid });
  const refreshToken = `dtr.${crypto.randomBytes(32).toString('base64url')}`;
  refreshTokens.set(hashToken(refreshToken), { persona, clientId, expires: Date.now() + 24 * 3600 * 1000 });
  return {
    token_type: 'Bearer',
    scope: scopes,
    expires_in: tokenLifetimeSeconds,
    ext_expires_in: tokenLifetimeSeconds,
    access_token: accessToken,
    refresh_token: refreshToken,
    id_token: jwt(db, {
      aud: clientId,
      iss: `https://login.microsoftonline.com/${tenantId}/v2.0`,
      ...times,
      name: def.displayName,
      oid,
      preferred_username: def.userPrincipalName,
      sub: hashToken(`${oid}:${clientId}`).slice(0, 43),
      tid: tenantId,
      ver: '2.0'
    }),
    client_info: part({ uid: oid, utid: tenantId })
  };
}

export interface AppTokenResponse {
  token_type: 'Bearer';
  expires_in: number;
  ext_expires_in: number;
  access_token: string;
}

/**
 * Signs the dev tenant's app in as itself (client credentials grant): an app-only token whose `roles` are the
 * application permissions granted to it (`devTenantApp`), with no user (`idtyp: app`), and no refresh token, as
 * Entra answers that grant ("Microsoft identity platform and the OAuth 2.0 client credentials flow").
 */
export function issueAppToken(db: Database.Database, clientId: string, resource: string, nowMs: number): AppTokenResponse {
  const now = Math.floor(nowMs / 1000);
  const roles = [...devTenantApp.applicationPermissions];
  const accessToken = jwt(db, {
    aud: resource,
    iss: `https://sts.windows.net/${tenantId}/`,
    iat: now,
    nbf: now,
    exp: now + tokenLifetimeSeconds,
    app_displayname: devTenantApp.displayName,
    appid: clientId,
    idtyp: 'app',
    oid: devTenantApp.servicePrincipalId,
    roles,
    sub: devTenantApp.servicePrincipalId,
    tid: tenantId,
    ver: '1.0'
  });
  registerToken(db, accessToken, { persona: 'app', scopes: roles, userId: devTenantApp.servicePrincipalId });
  return { token_type: 'Bearer', expires_in: tokenLifetimeSeconds, ext_expires_in: tokenLifetimeSeconds, access_token: accessToken };
}

/** The persona a live refresh token was issued to, for the client that holds it. */
export function redeemRefreshToken(token: string, clientId: string): PersonaName | undefined {
  const found = refreshTokens.get(hashToken(token));
  if (!found || found.expires < Date.now() || found.clientId !== clientId) return undefined;
  return found.persona;
}

/** The tenant names a token request may carry in its path. */
export function isThisTenant(segment: string): boolean {
  const lower = segment.toLowerCase();
  return lower === tenantId || lower === tenantDomain || lower === 'organizations' || lower === 'common';
}
