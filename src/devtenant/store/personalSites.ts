import type Database from 'better-sqlite3';
import { sharePointHost } from '../auth/personas';
import { stmt } from './db';
import { getSiteByPath, listsOfSite, type ListRow, type SiteRow } from './sites';

/**
 * Personal sites (OneDrive for work or school). Each is a SharePoint site collection on the tenant's `-my` host
 * ("View OneDrive URLs for users in your organization", https://learn.microsoft.com/sharepoint/list-onedrive-urls:
 * `https://<tenant name>-my.sharepoint.com/personal/<user principal name>`, with "any special characters, such as
 * period, comma, space, and the at sign" turned into underscores), holding one document library, "Documents".
 * The owner is kept in the site row's `data` (`{ "personalSiteOwner": userId }`).
 */

/** `custodiandev-my.sharepoint.com`: the host name personal sites carry in their site ids. */
export const personalSiteHost = sharePointHost.replace(/^([^.]+)\./, '$1-my.');

/** The URL name of a personal site's document library (its drive). */
export const personalLibraryUrlName = 'Documents';

/** `/personal/ana_ortiz_custodiandev_onmicrosoft_com` for `ana.ortiz@custodiandev.onmicrosoft.com`. */
export function personalSitePath(userPrincipalName: string): string {
  return `/personal/${userPrincipalName.toLowerCase().replace(/[^a-z0-9]/g, '_')}`;
}

/** Whether a server-relative path is under the personal sites (`/personal/{name}`), as OneDrive URLs are. */
export function isPersonalPath(path: string): boolean {
  return path.toLowerCase().startsWith('/personal/');
}

/** The user id owning a personal site, or undefined for any other site. */
export function personalSiteOwner(site: SiteRow): string | undefined {
  if (!isPersonalPath(site.path)) return undefined;
  try {
    const owner = (JSON.parse(site.data) as { personalSiteOwner?: unknown }).personalSiteOwner;
    return typeof owner === 'string' ? owner : undefined;
  } catch {
    return undefined;
  }
}

export function isPersonalSite(site: SiteRow): boolean {
  return personalSiteOwner(site) !== undefined;
}

/** A user's personal site and its Documents library, or undefined when the user has none. */
export function personalDriveOf(db: Database.Database, userId: string): { site: SiteRow; list: ListRow } | undefined {
  const user = stmt(db, 'SELECT upn FROM users WHERE id = ?').get(userId) as { upn: string } | undefined;
  if (!user) return undefined;
  const site = getSiteByPath(db, personalSitePath(user.upn));
  if (!site || personalSiteOwner(site) !== userId) return undefined;
  const list = listsOfSite(db, site.id).find((l) => l.url_name === personalLibraryUrlName && l.drive_id);
  return list ? { site, list } : undefined;
}

/**
 * Graph's `driveType` (drive resource: "personal" for OneDrive personal, "business" for OneDrive for Business and
 * "documentLibrary" for SharePoint document libraries): a personal site's library is a business drive.
 */
export function driveTypeOfSite(site: SiteRow): 'business' | 'documentLibrary' {
  return isPersonalSite(site) ? 'business' : 'documentLibrary';
}

/** Ids of the personal sites `userId` does not own: what security trimming hides from them. */
export function othersPersonalSiteIds(db: Database.Database, userId: string): string[] {
  return (stmt(db, "SELECT * FROM sites WHERE path LIKE '/personal/%'").all() as SiteRow[])
    .filter((site) => personalSiteOwner(site) !== undefined && personalSiteOwner(site) !== userId)
    .map((site) => site.id);
}
