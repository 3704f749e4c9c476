import { errors } from '../errors';
import { hasAnyScope } from '../auth/personas';
import type { Ctx } from '../http/context';
import { personalSiteOwner } from '../store/personalSites';
import type { SiteRow } from '../store/sites';

/**
 * Who reaches a drive, and a personal site, through Graph.
 *
 * - Files.Read and Files.ReadWrite reach only the signed-in user's own files (Microsoft's answer in
 *   microsoftgraph/microsoft-graph-docs#587: "Files.ReadWrite delegated permission scope ... only allows the calling
 *   app to access the signed-in user's files. Please configure Files.Read.All ... to access all files the signed-in
 *   user can access"). The drive routes list them first, as the drive and driveItem pages do, and any other drive
 *   then needs one of `otherFilesScopes`.
 * - A personal site (OneDrive) is its owner's. Delegated Files.Read.All reaches another user's OneDrive only where it
 *   is shared (drive-get, "Get a user's OneDrive": `/users/{idOrUserPrincipalName}/drive`, scopes `files.read.all`),
 *   and the dev tenant has no sharing: anyone else is refused `403 accessDenied`, whatever their scopes or roles, as
 *   Graph answers a global administrator who is not the OneDrive's site collection administrator
 *   (microsoftgraph/msgraph-sdk-powershell#2338).
 */

/** Scopes that reach files beyond the signed-in user's own (least privileged first). */
export const otherFilesScopes = [
  'Files.Read.All',
  'Files.ReadWrite.All',
  'Sites.Read.All',
  'Sites.ReadWrite.All',
  'Sites.Manage.All',
  'Sites.FullControl.All'
] as const;

/** The signed-in user's own files only. */
export const ownFilesScopes = ['Files.Read', 'Files.ReadWrite'] as const;

/** Refuses a personal site to anyone but its owner. Requests without a principal (pre-authenticated upload URLs) pass. */
export function checkPersonalSiteAccess(ctx: Ctx, site: SiteRow): void {
  const owner = personalSiteOwner(site);
  if (owner === undefined || !ctx.principal || ctx.principal.userId === owner) return;
  throw errors.forbidden('Access denied. You do not have permission to perform this action or access this resource.', 'notShared');
}

/** A drive that is not the signed-in user's own OneDrive needs more than Files.Read / Files.ReadWrite, and must not be someone else's OneDrive. */
export function checkDriveAccess(ctx: Ctx, site: SiteRow): void {
  const principal = ctx.principal;
  if (!principal || personalSiteOwner(site) === principal.userId) return;
  if (!hasAnyScope(principal, otherFilesScopes)) throw errors.missingScope(otherFilesScopes);
  checkPersonalSiteAccess(ctx, site);
}
