import { errors } from '../errors';
import { type Ctx, requirePrincipal } from '../http/context';
import { base64UrlDecode } from '../protocol/urlEncoding';
import type { Segment } from '../protocol/requestPath';
import { getItem, getItemByNum, getItemByPath } from '../store/items';
import { findList, type getList, getListByDrive, getSite, getSiteByPath, listsOfSite, findListByUrl } from '../store/sites';
import { sharePointHost } from '../auth/personas';
import { isPersonalSite, personalDriveOf, personalSiteHost } from '../store/personalSites';
import { findUser } from './users';

/**
 * Graph reaches one resource by many addresses. Before routing, every alias is rewritten to one canonical
 * form, so each operation is written once:
 * - `sites/{hostname}:/{path}` and `sites/root` -> `sites/{site-id}`
 * - `sites/{id}/drive`, `sites/{id}/drives/{d}`, `sites/{id}/lists/{l}/drive` -> `drives/{d}`
 * - `sites/{id}/lists/{l}/items/{n}/driveItem` -> `drives/{d}/items/{item-id}`
 * - `drives/{d}/items/{i}/listItem` -> `sites/{id}/lists/{l}/items/{n}`
 * - `drives/{d}/root:/{path}:` and `drives/{d}/items/{folder}:/{path}:` -> `drives/{d}/items/{item-id}` when it exists
 * - `shares/u!{base64url}/driveItem|listItem` -> the item it names (a OneDrive's `/personal/...` URLs too)
 * - `me/drive`, `users/{id or userPrincipalName}/drive` -> `drives/{d}` of the user's OneDrive
 */
export function canonicalise(ctx: Ctx): void {
  let segs = ctx.segments;
  for (let guard = 0; guard < 8; guard++) {
    const next = rewrite(ctx, segs);
    if (!next) break;
    segs = next;
  }
  ctx.segments = segs;
}

const name = (value: string): Segment => ({ kind: 'name', value });
const isName = (s: Segment | undefined, v?: string): boolean =>
  !!s && s.kind === 'name' && (v === undefined || s.value.toLowerCase() === v.toLowerCase());

function rewrite(ctx: Ctx, s: Segment[]): Segment[] | undefined {
  const db = ctx.tenant.db;
  if (isName(s[0], 'sites') && s[1]) {
    // sites/{hostname}:/{path}[:/rest]
    if (s[1].kind === 'name' && s[2]?.kind === 'path') {
      const host = s[1].value.toLowerCase();
      const site = getSiteByPath(db, s[2].value);
      // Personal sites live on the tenant's -my host, the others on its SharePoint host; the dev tenant's own host
      // (the one origin it serves everything from) reaches both.
      const hostFits =
        host === new URL(ctx.origin).host.toLowerCase() ||
        (site !== undefined && host === (isPersonalSite(site) ? personalSiteHost : sharePointHost).toLowerCase());
      if (!site || !hostFits) throw errors.notFound('Requested site could not be found.');
      return [name('sites'), name(site.id), ...s.slice(3)];
    }
    if (isName(s[1], 'root')) {
      const root = getSiteByPath(db, '/');
      if (!root) throw errors.notFound('Requested site could not be found.');
      return [name('sites'), name(root.id), ...s.slice(2)];
    }
    if (s[1].kind === 'name' && s[1].value.split(',').length === 1 && /^[0-9a-f-]{36}$/i.test(s[1].value)) {
      // A bare site collection id: Graph accepts {hostname},{spsite-id},{spweb-id}; be as strict.
      return undefined;
    }
    const siteId = s[1].kind === 'name' ? s[1].value : '';
    if (isName(s[2], 'drive')) {
      const site = getSite(db, siteId);
      if (!site) throw errors.notFound('Requested site could not be found.');
      const lists = listsOfSite(db, site.id).filter((l) => l.template === 'documentLibrary');
      const def = lists.find((l) => l.url_name === 'Shared Documents') ?? lists[0];
      if (!def?.drive_id) throw errors.notFound('The site has no document library.');
      return [name('drives'), name(def.drive_id), ...s.slice(3)];
    }
    if (isName(s[2], 'drives') && s[3]?.kind === 'name') {
      const list = getListByDrive(db, s[3].value);
      if (!list || list.site_id.toLowerCase() !== siteId.toLowerCase()) throw errors.notFound(`The drive '${s[3].value}' was not found.`);
      return [name('drives'), s[3], ...s.slice(4)];
    }
    if (
      isName(s[2], 'lists') &&
      s[3]?.kind === 'name' &&
      (isName(s[4], 'drive') || (isName(s[4], 'items') && s[5] && isName(s[6], 'driveItem')))
    ) {
      const list = findList(db, siteId, s[3].value);
      if (!list) throw errors.notFound(`List '${s[3].value}' was not found.`);
      if (!list.drive_id) throw errors.badRequest('The list is not a document library, so it has no drive.');
      if (isName(s[4], 'drive')) return [name('drives'), name(list.drive_id), ...s.slice(5)];
      const item = getItemByNum(db, list.id, Number(s[5].value));
      if (!item || !/^\d+$/.test(s[5].value)) throw errors.notFound('The resource could not be found.');
      return [name('drives'), name(list.drive_id), name('items'), name(item.id), ...s.slice(7)];
    }
    return undefined;
  }
  // me/drive[/rest] and users/{id or userPrincipalName}/drive[/rest] -> drives/{the user's OneDrive}[/rest] (drive-get).
  // Whether the caller may read it is decided where every drive is loaded (loadDrive, personalAccess).
  if ((isName(s[0], 'me') && isName(s[1], 'drive')) || (isName(s[0], 'users') && s[1]?.kind === 'name' && isName(s[2], 'drive'))) {
    const key = isName(s[0], 'me') ? requirePrincipal(ctx).userId : s[1].value;
    const user = findUser(db, key);
    if (!user) throw errors.notFound(`Resource '${key}' does not exist or one of its queried reference-property objects are not present.`);
    const drive = personalDriveOf(db, user.id);
    // drive-get: "If the drive does not exist and cannot be provisioned automatically ... an HTTP 404".
    if (!drive?.list.drive_id) throw errors.notFound(`The OneDrive of '${user.userPrincipalName}' was not found.`);
    return [name('drives'), name(drive.list.drive_id), ...s.slice(isName(s[0], 'me') ? 2 : 3)];
  }
  if (isName(s[0], 'drives') && s[1]?.kind === 'name') {
    const driveId = s[1].value;
    // drives/{d}/root:/path:  or  drives/{d}/items/{folder}:/path:
    let basePath: string | undefined;
    let pathSeg: Segment | undefined;
    let restAt = 0;
    if (isName(s[2], 'root') && s[3]?.kind === 'path') {
      basePath = '';
      pathSeg = s[3];
      restAt = 4;
    } else if (isName(s[2], 'items') && s[3]?.kind === 'name' && s[4]?.kind === 'path') {
      const list = getListByDrive(db, driveId);
      if (!list) throw errors.notFound(`The drive '${driveId}' was not found.`);
      if (s[3].value === list.root_id || isName(s[3], 'root')) basePath = '';
      else {
        const folder = getItem(db, s[3].value);
        if (!folder || folder.list_id !== list.id || !folder.is_folder) throw errors.notFound('The resource could not be found.');
        basePath = folder.path;
      }
      pathSeg = s[4];
      restAt = 5;
    }
    if (pathSeg && basePath !== undefined) {
      const list = getListByDrive(db, driveId);
      if (!list) throw errors.notFound(`The drive '${driveId}' was not found.`);
      const full = (basePath + pathSeg.value).replace(/\/+$/, '');
      if (full.split('/').some((p) => p === '..' || p === '.'))
        throw errors.badRequest("A path must not contain '.' or '..' segments.", 'invalidPath');
      const rest = s.slice(restAt);
      if (full === '') return [name('drives'), name(driveId), name('root'), ...rest];
      const item = getItemByPath(db, list.id, full);
      if (item) return [name('drives'), name(driveId), name('items'), name(item.id), ...rest];
      // Not there yet: only an upload may name it.
      if (rest.length === 1 && (isName(rest[0], 'content') || isName(rest[0], 'createUploadSession'))) {
        const slash = full.lastIndexOf('/');
        return [
          name('drives'),
          name(driveId),
          name('upload'),
          { kind: 'path', value: full.slice(0, slash) || '/' },
          name(full.slice(slash + 1)),
          ...rest
        ];
      }
      throw errors.notFound('The resource could not be found.');
    }
    if (isName(s[2], 'root') && s.length > 3 && !isName(s[3], 'delta')) {
      const list = getListByDrive(db, driveId);
      if (list?.root_id) return [name('drives'), name(driveId), name('items'), name(list.root_id), ...s.slice(3)];
    }
    if (isName(s[2], 'items') && s[3]?.kind === 'name' && isName(s[4], 'listItem')) {
      const list = getListByDrive(db, driveId);
      if (!list) throw errors.notFound(`The drive '${driveId}' was not found.`);
      const item = getItem(db, s[3].value);
      if (!item || item.list_id !== list.id) throw errors.notFound('The resource could not be found.');
      return [name('sites'), name(list.site_id), name('lists'), name(list.id), name('items'), name(String(item.num)), ...s.slice(5)];
    }
    if (isName(s[2], 'list') && s.length >= 3) {
      const list = getListByDrive(db, driveId);
      if (!list) throw errors.notFound(`The drive '${driveId}' was not found.`);
      return [name('sites'), name(list.site_id), name('lists'), name(list.id), ...s.slice(3)];
    }
    return undefined;
  }
  if (isName(s[0], 'shares') && s[1]?.kind === 'name' && (isName(s[2], 'driveItem') || isName(s[2], 'listItem'))) {
    const shareId = s[1].value;
    if (!shareId.startsWith('u!')) throw errors.notImplemented('sharing ids other than u!{base64url} encoded URLs');
    const url = base64UrlDecode(shareId.slice(2));
    let parsed: URL | undefined;
    try {
      parsed = url ? new URL(url) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!parsed) throw errors.badRequest('The sharing URL is not a valid base64url-encoded absolute URL.', 'invalidShareId');
    let path: string;
    try {
      path = decodeURIComponent(parsed.pathname);
    } catch {
      throw errors.badRequest('The sharing URL is not correctly percent-encoded.', 'invalidShareId');
    }
    const found = findItemByServerRelativeUrl(ctx, path);
    if (!found) throw errors.notFound('The sharing link no longer exists, or you do not have permission to access it.');
    if (isName(s[2], 'driveItem')) {
      if (!found.list.drive_id) throw errors.notFound('The item is not a file or folder.');
      return found.itemId
        ? [name('drives'), name(found.list.drive_id), name('items'), name(found.itemId), ...s.slice(3)]
        : [name('drives'), name(found.list.drive_id), name('root'), ...s.slice(3)];
    }
    if (!found.num) throw errors.notFound('The item is not a list item.');
    return [
      name('sites'),
      name(found.list.site_id),
      name('lists'),
      name(found.list.id),
      name('items'),
      name(String(found.num)),
      ...s.slice(3)
    ];
  }
  return undefined;
}

/** Resolves `/sites/hr/Shared Documents/Folder/file.docx` (decoded) to its list and item. */
export function findItemByServerRelativeUrl(
  ctx: Ctx,
  path: string
): { list: NonNullable<ReturnType<typeof getList>>; itemId?: string; num?: number } | undefined {
  const db = ctx.tenant.db;
  const parts = path.replace(/\/+$/, '').split('/');
  // Try the longest list URL prefix first.
  for (let n = parts.length; n >= 2; n--) {
    const hit = findListByUrl(db, parts.slice(0, n).join('/'));
    if (!hit) continue;
    const rest = '/' + parts.slice(n).join('/');
    if (rest === '/') return { list: hit.list };
    const item = getItemByPath(db, hit.list.id, rest);
    if (!item) return undefined;
    return { list: hit.list, itemId: item.id, num: item.num };
  }
  return undefined;
}
