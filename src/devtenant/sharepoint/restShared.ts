import { getItemByNum, type ItemMeta } from '../store/items';
import { errors } from '../errors';
import { type Ctx } from '../http/context';
import { expandOption } from '../http/query';
import { getList, getSite, type ListRow, listServerRelativeUrl, type SiteRow } from '../store/sites';
import { spSelect, spSelectOption } from './format';

// What the SharePoint REST handlers share: the site and list a request names, `$select`/`$expand`, change tokens.

export function site(ctx: Ctx): SiteRow {
  return getSite(ctx.tenant.db, ctx.siteId as string) as SiteRow;
}

export function loadList(ctx: Ctx, id: string): ListRow {
  const list = getList(ctx.tenant.db, id);
  if (!list || list.site_id !== ctx.siteId)
    throw errors.notFound(`List '${id}' does not exist at site with URL '${ctx.origin}${site(ctx).path}'.`);
  return list;
}

export function rootFolder(ctx: Ctx, s: SiteRow, list: ListRow): Record<string, unknown> {
  const count = (ctx.tenant.db.prepare('SELECT COUNT(*) AS n FROM items WHERE list_id = ? AND deleted = 0').get(list.id) as { n: number })
    .n;
  return {
    Exists: true,
    ItemCount: count,
    Name: list.url_name,
    ServerRelativeUrl: listServerRelativeUrl(s, list),
    TimeCreated: list.created,
    TimeLastModified: list.modified,
    UniqueId: list.id,
    WelcomePage: ''
  };
}

/**
 * Navigation properties: SharePoint returns them only when `$expand` names them, and `$select=*` leaves them out.
 * The ones the dev tenant serves: a list's `RootFolder` and `VersionPolicies`, a file's `ListItemAllFields` and its
 * `ParentList`, an item's `Author` and `Editor`, a web's associated groups.
 */
export const navigation = [
  'RootFolder',
  'VersionPolicies',
  'ListItemAllFields',
  'ParentList',
  'Author',
  'Editor',
  'AssociatedOwnerGroup',
  'AssociatedMemberGroup',
  'AssociatedVisitorGroup'
] as const;

/** `$select` on a SharePoint object; see `spSelect` in format.ts. */
export function select(ctx: Ctx, obj: Record<string, unknown>, more?: Record<string, unknown>): Record<string, unknown> {
  return spSelect(obj, spSelectOption(ctx), navigation, more);
}

/** `$expand` names (`a/b/c` expands `a` and `a/b` too), lower case, from those `allowed`. */
export function expanded(ctx: Ctx, allowed: readonly string[]): Set<string> {
  return new Set(
    [...expandOption(ctx, allowed).keys()].flatMap((k) =>
      k
        .toLowerCase()
        .split('/')
        .map((_, n, parts) => parts.slice(0, n + 1).join('/'))
    )
  );
}

/**
 * A change token as SharePoint writes one (`CurrentChangeToken.StringValue`): version 1; the scope (2 a web, 3 a
 * list); the object's id; the time in .NET ticks; the change number. The dev tenant uses its change sequence.
 */
export function changeToken(scope: 2 | 3, id: string, iso: string, seq: number): { StringValue: string } {
  const ticks = BigInt(Date.parse(iso)) * 10000n + 621355968000000000n;
  return { StringValue: `1;${scope};${id};${ticks};${seq}` };
}

export const noGuid = '00000000-0000-0000-0000-000000000000';

/** The item `items(n)` names in the list `lists(...)` names, or SharePoint's 404. */
export function loadItem(ctx: Ctx, p: Record<string, string>): { s: SiteRow; list: ListRow; item: ItemMeta } {
  const s = site(ctx);
  const list = loadList(ctx, p.listId);
  const item = /^\d+$/.test(p.itemId) ? getItemByNum(ctx.tenant.db, list.id, Number(p.itemId)) : undefined;
  if (!item) throw errors.notFound('Item does not exist. It may have been deleted by another user.');
  return { s, list, item };
}
