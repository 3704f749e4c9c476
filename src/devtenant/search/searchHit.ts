import type { Ctx } from '../http/context';
import { type IndexRow, managedProperty } from './managedProperties';
import { isPersonalPath } from '../store/personalSites';

/**
 * One search hit in Microsoft's shape (searchHit: hitId, rank, summary, resource), its resource a listItem or a
 * driveItem as "Use the Microsoft Search API to search content in OneDrive and SharePoint" shows them: a listItem's
 * id and hitId are its unique id (a GUID, searchHit's "hitId format"), a driveItem's its drive item id. Both carry
 * `parentReference.sharepointIds` (listId, listItemId, listItemUniqueId), which Microsoft's examples leave out but a
 * client needs to act on the item.
 */

/** Graph writes instants to the second (`2019-06-10T06:37:43Z`); the index keeps milliseconds for comparisons. */
function graphDate(value: string | number | null): string | number | null {
  return typeof value === 'string' ? value.replace(/\.000Z$/, 'Z') : value;
}

function person(name: string | number | null, email: string | number | null): Record<string, unknown> {
  return { user: { displayName: name, ...(email === null ? {} : { email }) } };
}

function sharepointIds(row: IndexRow): Record<string, unknown> {
  return { listId: row.list_id, listItemId: String(row.list_item_id), listItemUniqueId: row.unique_id };
}

/** Where the item's site lives: its SharePoint host, or the OneDrive host for a personal site (public-hosts mode). */
function siteOriginOf(ctx: Ctx, row: IndexRow): string {
  return isPersonalPath(String(row.web_path)) ? ctx.oneDriveOrigin : ctx.siteOrigin;
}

/** A requested field's key: the name as requested, its first letter lower-cased (Graph's JSON casing). */
function fieldKey(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/**
 * The requested `fields` a listItem hit carries: managed properties the index keeps; "Invalid fields in the request
 * are silently ignored" (search-api-overview, "Get selected properties").
 */
function requestedFields(row: IndexRow, fields: readonly string[], origin: string): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const name of fields) {
    const prop = managedProperty(name);
    if (prop) out[fieldKey(name)] = prop.value(row, origin);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function listItemResource(ctx: Ctx, row: IndexRow, fields: readonly string[] | undefined): Record<string, unknown> {
  const fieldValues = fields ? requestedFields(row, fields, siteOriginOf(ctx, row)) : undefined;
  return {
    '@odata.type': '#microsoft.graph.listItem',
    id: row.unique_id,
    createdBy: person(row.author, row.author_email),
    createdDateTime: graphDate(row.created),
    lastModifiedBy: person(row.editor, row.editor_email),
    lastModifiedDateTime: graphDate(row.modified),
    name: row.is_library === 1 ? row.filename : row.title,
    webUrl: `${siteOriginOf(ctx, row)}${String(row.web_path)}`,
    parentReference: { siteId: row.site_id, sharepointIds: sharepointIds(row) },
    ...(fieldValues ? { fields: fieldValues } : {})
  };
}

function driveItemResource(ctx: Ctx, row: IndexRow): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.driveItem',
    id: row.item_id,
    createdBy: person(row.author, row.author_email),
    createdDateTime: graphDate(row.created),
    lastModifiedBy: person(row.editor, row.editor_email),
    lastModifiedDateTime: graphDate(row.modified),
    name: row.filename,
    webUrl: `${siteOriginOf(ctx, row)}${String(row.web_path)}`,
    size: row.size,
    parentReference: { driveId: row.drive_id, id: row.parent_id, siteId: row.site_id, sharepointIds: sharepointIds(row) },
    fileSystemInfo: { createdDateTime: graphDate(row.created), lastModifiedDateTime: graphDate(row.modified) }
  };
}

/**
 * A hit; `asDriveItem` when the request named driveItem and the item is in a library ("matches that are files and
 * folders as driveItem objects ... all other matches as listItem", search-concept-files example 4).
 */
export function searchHit(
  ctx: Ctx,
  row: IndexRow,
  rank: number,
  asDriveItem: boolean,
  fields: readonly string[] | undefined
): Record<string, unknown> {
  const driveItem = asDriveItem && row.is_library === 1;
  return {
    hitId: driveItem ? row.item_id : row.unique_id,
    rank,
    summary: '',
    resource: driveItem ? driveItemResource(ctx, row) : listItemResource(ctx, row, fields)
  };
}
