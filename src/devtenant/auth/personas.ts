import crypto from 'node:crypto';
import type Database from 'better-sqlite3';

/** The demo personas and the delegated scopes Custodian's app registration would hold for each. */
export const personaNames = ['office-worker', 'site-owner', 'records-manager', 'admin'] as const;
export type PersonaName = (typeof personaNames)[number];

export interface PersonaDefinition {
  name: PersonaName;
  /** The seeded user the token signs in as (`/me`). */
  userPrincipalName: string;
  displayName: string;
  jobTitle: string;
  scopes: readonly string[];
  /** Site collection administrator on every site (the domain's `actor.isContainerAdmin`). */
  isContainerAdmin: boolean;
}

export const tenantDomain = 'custodiandev.onmicrosoft.com';
export const sharePointHost = 'custodiandev.sharepoint.com';
export const tenantId = '6f1c2a4e-5b7d-4c3e-9a8f-0d1e2f3a4b5c';

/**
 * Why each scope: reading and labelling documents needs Files.* / Sites.*; applying or removing a label that
 * classifies content as a record needs Sites.FullControl.All (driveitem-setretentionlabel, "Note"), which the
 * add-in's declare flow therefore requests; the file plan is RecordsManagement.*; holds are eDiscovery.*.
 */
export const personas: Record<PersonaName, PersonaDefinition> = {
  'office-worker': {
    name: 'office-worker',
    userPrincipalName: `ana.ortiz@${tenantDomain}`,
    displayName: 'Ana Ortiz',
    jobTitle: 'Contracts Officer',
    scopes: [
      'User.Read',
      'Mail.ReadWrite',
      'Files.ReadWrite.All',
      'Sites.ReadWrite.All',
      'Sites.FullControl.All',
      'RecordsManagement.Read.All',
      'SensitivityLabel.Read'
    ],
    isContainerAdmin: false
  },
  'site-owner': {
    name: 'site-owner',
    userPrincipalName: `sam.okafor@${tenantDomain}`,
    displayName: 'Sam Okafor',
    jobTitle: 'Legal Operations Lead',
    scopes: [
      'User.Read',
      'Files.ReadWrite.All',
      'Sites.ReadWrite.All',
      'Sites.FullControl.All',
      'RecordsManagement.Read.All',
      'SensitivityLabel.Read'
    ],
    isContainerAdmin: true
  },
  'records-manager': {
    name: 'records-manager',
    userPrincipalName: `priya.raman@${tenantDomain}`,
    displayName: 'Priya Raman',
    jobTitle: 'Records Manager',
    scopes: [
      'User.Read',
      'Mail.Read',
      'Files.ReadWrite.All',
      'Sites.ReadWrite.All',
      'Sites.FullControl.All',
      'RecordsManagement.ReadWrite.All',
      'eDiscovery.Read.All',
      'SensitivityLabel.Read'
    ],
    isContainerAdmin: true
  },
  admin: {
    name: 'admin',
    userPrincipalName: `devadmin@${tenantDomain}`,
    displayName: 'Dev Tenant Admin',
    jobTitle: 'Global Administrator',
    scopes: [
      'User.Read',
      'User.Read.All',
      'Mail.ReadWrite',
      'Files.ReadWrite.All',
      'Sites.ReadWrite.All',
      'Sites.FullControl.All',
      'RecordsManagement.ReadWrite.All',
      'eDiscovery.ReadWrite.All',
      'SensitivityLabel.Read',
      'SensitivityLabels.Read.All'
    ],
    isContainerAdmin: true
  }
};

export interface Principal {
  /** The persona signed in, or `app` for an application signed in as itself (app-only, client credentials). */
  persona: PersonaName | 'app';
  /** The user's id; for an app, its service principal's id (no user). */
  userId: string;
  /** Delegated scopes, or an app's application permissions (its token's `roles`). */
  scopes: ReadonlySet<string>;
  isContainerAdmin: boolean;
  /** Signed in as an application: APIs whose permissions table says "Application: Not supported" refuse it. */
  appOnly?: boolean;
}

/**
 * The dev tenant's app registration as an application identity: its service principal, and the application
 * permissions an administrator granted it (Sites.FullControl.All for SharePoint, RecordsManagement.ReadWrite.All for
 * retention events and their types, which support application permissions; retention labels do not).
 */
export const devTenantApp = {
  servicePrincipalId: '3d0b5e7a-9c41-4f2e-8a6d-1b7c2e9f4a05',
  displayName: 'Custodian dev tenant app',
  applicationPermissions: ['Sites.FullControl.All', 'Files.ReadWrite.All', 'RecordsManagement.ReadWrite.All', 'User.Read.All']
} as const;

/** An access token's life, as Entra's default (one hour). */
export const tokenLifetimeSeconds = 3600;

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/**
 * Makes `token` a live bearer token of the dev tenant for `persona` (or the app) with `scopes`, for an hour. Only its
 * hash is stored; the token itself is never logged or persisted.
 */
export function registerToken(
  db: Database.Database,
  token: string,
  grant: { persona: PersonaName | 'app'; scopes: readonly string[]; userId: string }
): void {
  db.prepare('INSERT INTO tokens (hash, persona, scopes, user_id, expires) VALUES (?, ?, ?, ?, ?)').run(
    hashToken(token),
    grant.persona,
    grant.scopes.join(' '),
    grant.userId,
    Date.now() + tokenLifetimeSeconds * 1000
  );
}

/** Issues an opaque bearer token. Only its hash is stored; the token itself is never logged or persisted. */
export function issueToken(
  db: Database.Database,
  persona: PersonaName,
  userId: string
): { access_token: string; token_type: 'Bearer'; expires_in: number; scope: string } {
  const token = `dt1.${crypto.randomBytes(32).toString('base64url')}`;
  const def = personas[persona];
  registerToken(db, token, { persona, scopes: def.scopes, userId });
  return { access_token: token, token_type: 'Bearer', expires_in: tokenLifetimeSeconds, scope: def.scopes.join(' ') };
}

/** Resolves `Authorization: Bearer ...`; undefined when there is no header, 'invalid' when it names no live token. */
export function resolveToken(db: Database.Database, authorization: string | undefined): Principal | undefined | 'invalid' {
  if (!authorization) return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!m) return 'invalid';
  const row = db.prepare('SELECT persona, scopes, user_id, expires FROM tokens WHERE hash = ?').get(hashToken(m[1])) as
    { persona: PersonaName | 'app'; scopes: string; user_id: string; expires: number } | undefined;
  if (!row || row.expires < Date.now()) return 'invalid';
  if (row.persona === 'app')
    return { persona: 'app', userId: row.user_id, scopes: new Set(row.scopes.split(' ')), isContainerAdmin: true, appOnly: true };
  // The user is looked up by the persona's sign-in name, so tokens stay valid across `/devtenant/reset`.
  const user = db.prepare('SELECT id FROM users WHERE upn = ?').get(personas[row.persona].userPrincipalName) as { id: string } | undefined;
  if (!user) return 'invalid';
  return {
    persona: row.persona,
    userId: user.id,
    scopes: new Set(row.scopes.split(' ')),
    isContainerAdmin: personas[row.persona].isContainerAdmin
  };
}

export function hasAnyScope(principal: Principal, anyOf: readonly string[]): boolean {
  return anyOf.some((s) => principal.scopes.has(s));
}
