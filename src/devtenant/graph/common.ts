import type Database from 'better-sqlite3';
import { errors } from '../errors';
import type { Ctx } from '../http/context';
import { encodePath } from '../protocol/urlEncoding';
import { hasControlCharacters } from '../protocol/controlCharacters';
import { tenantId } from '../auth/personas';
import { stmt } from '../store/db';
import { getItem, type ItemMeta } from '../store/items';
import { getList, getListByDrive, getSite, type ListRow, listServerRelativeUrl, type SiteRow } from '../store/sites';
import { checkDriveAccess, checkPersonalSiteAccess } from './personalAccess';
import { isPersonalSite } from '../store/personalSites';

/** `{ user: { id, displayName, email } }` for a user id, as Graph's identitySet. */
export function identitySet(db: Database.Database, userId: string | null): Record<string, unknown> | null {
  if (!userId) return null;
  const row = stmt(db, 'SELECT data FROM users WHERE id = ?').get(userId) as { data: string } | undefined;
  if (!row) return { user: { id: userId, displayName: null } };
  const u = JSON.parse(row.data) as { id: string; displayName: string; mail: string };
  return { user: { id: u.id, displayName: u.displayName, email: u.mail } };
}

/** Where a site's URLs start: its SharePoint host, or the OneDrive host for a personal site (the same origin but in public-hosts mode). */
export function originOfSite(ctx: Ctx, site: SiteRow): string {
  return isPersonalSite(site) ? ctx.oneDriveOrigin : ctx.siteOrigin;
}

export function siteWebUrl(ctx: Ctx, site: SiteRow): string {
  return `${originOfSite(ctx, site)}${site.path === '/' ? '' : encodePath(site.path)}`;
}

export function listWebUrl(ctx: Ctx, site: SiteRow, list: ListRow): string {
  return `${originOfSite(ctx, site)}${encodePath(listServerRelativeUrl(site, list))}`;
}

export function itemWebUrl(ctx: Ctx, site: SiteRow, list: ListRow, item: ItemMeta): string {
  if (list.template !== 'documentLibrary') return `${listWebUrl(ctx, site, list)}/DispForm.aspx?ID=${item.num}`;
  return `${originOfSite(ctx, site)}${encodePath(listServerRelativeUrl(site, list) + item.path)}`;
}

/** The eTag Graph gives a driveItem and its listItem: `"{UID},version"`. */
export function etagOf(item: ItemMeta): string {
  return `"{${item.uid.toUpperCase()}},${item.version}"`;
}

export function ctagOf(item: ItemMeta): string {
  return `"c:{${item.uid.toUpperCase()}},${item.version}"`;
}

/** Refuses with 412 when `If-Match` names another version. `*` and either eTag spelling match. */
export function checkIfMatch(ctx: Ctx, item: ItemMeta): void {
  const header = ctx.headers['if-match'];
  if (header === undefined) return;
  const wanted = [header.trim()];
  const current = [
    etagOf(item),
    `"${item.uid},${item.version}"`,
    `${item.uid},${item.version}`,
    `{${item.uid.toUpperCase()}},${item.version}`
  ].map((s) => s.toLowerCase());
  if (wanted.some((w) => w === '*' || current.includes(w.replace(/^W\//, '').toLowerCase()))) return;
  throw errors.preconditionFailed();
}

export interface ItemContext {
  site: SiteRow;
  list: ListRow;
  item: ItemMeta;
}

/** The drive and its site; someone else's OneDrive, or a drive beyond the token's reach, is refused (personalAccess). */
export function loadDrive(ctx: Ctx, driveId: string): { site: SiteRow; list: ListRow } {
  const list = getListByDrive(ctx.tenant.db, driveId);
  if (!list) throw errors.notFound(`The drive '${driveId}' was not found.`);
  const site = getSite(ctx.tenant.db, list.site_id) as SiteRow;
  checkDriveAccess(ctx, site);
  return { site, list };
}

export function loadDriveItem(ctx: Ctx, driveId: string, itemId: string): ItemContext {
  const { site, list } = loadDrive(ctx, driveId);
  const item = getItem(ctx.tenant.db, itemId);
  if (!item || item.list_id !== list.id) throw errors.notFound('The resource could not be found.');
  return { site, list, item };
}

/** The site; a personal site (OneDrive) is its owner's alone (personalAccess). */
export function loadSite(ctx: Ctx, siteId: string): SiteRow {
  const site = getSite(ctx.tenant.db, siteId);
  if (!site) throw errors.notFound(`Requested site could not be found.`);
  checkPersonalSiteAccess(ctx, site);
  return site;
}

export function loadListOfSite(
  ctx: Ctx,
  siteId: string,
  listKey: string,
  find: (db: Database.Database, siteId: string, key: string) => ListRow | undefined
): { site: SiteRow; list: ListRow } {
  const site = loadSite(ctx, siteId);
  const list = find(ctx.tenant.db, site.id, listKey);
  if (!list) throw errors.notFound(`List '${listKey}' does not exist at site with URL '${siteWebUrl(ctx, site)}'.`);
  return { site, list };
}

export function listOf(db: Database.Database, item: ItemMeta): ListRow {
  return getList(db, item.list_id) as ListRow;
}

export function sharepointIds(ctx: Ctx, site: SiteRow, list: ListRow, item: ItemMeta | undefined): Record<string, unknown> {
  const [, siteGuid, webGuid] = site.id.split(',');
  return {
    listId: list.id,
    ...(item ? { listItemId: String(item.num), listItemUniqueId: item.uid } : {}),
    siteId: siteGuid,
    siteUrl: siteWebUrl(ctx, site),
    tenantId,
    webId: webGuid
  };
}

const forbiddenNameChars = /["*:<>?/\\|]/;

/**
 * SharePoint's file and folder naming rules: no `" * : < > ? / \ |`, no control characters, not `.`/`..`,
 * no leading or trailing space, at most 400 characters of path. A refusal changes nothing.
 */
export function validateItemName(name: string, parentPath: string): void {
  if (name.length === 0) throw errors.badRequest('The name must not be empty.', 'invalidName');
  if (hasControlCharacters(name))
    throw errors.badRequest('The name contains a control character, which SharePoint does not allow.', 'invalidName');
  if (forbiddenNameChars.test(name))
    throw errors.badRequest(`The name '${name}' contains a character SharePoint does not allow (" * : < > ? / \\ |).`, 'invalidName');
  if (name === '.' || name === '..' || name.startsWith(' ') || name.endsWith(' ') || name.endsWith('.'))
    throw errors.badRequest(`The name '${name}' is not allowed.`, 'invalidName');
  if (/^~\$|^\.lock$|^desktop\.ini$|^_vti_/i.test(name)) throw errors.badRequest(`The name '${name}' is reserved.`, 'invalidName');
  if ([...name].length > 255 || [...(parentPath + '/' + name)].length > 400)
    throw errors.badRequest('The name is too long: SharePoint allows 255 characters per name and 400 per path.', 'invalidName');
}
