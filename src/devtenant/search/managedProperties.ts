/**
 * The managed properties the dev tenant's search index keeps, under the names Microsoft Search uses for them in KQL,
 * in `fields` and in `sortProperties`. Names ignore case, as SharePoint's search schema does for queries.
 *
 * Sources: Title, Author, Filename, FileType, Path, Created, LastModifiedTime, contentclass and IsDocument appear in
 * Microsoft's KQL syntax reference and "Use the Microsoft Search API to search content in OneDrive and SharePoint";
 * CreatedBy in search-query's queryTemplate example; ComplianceAssetId in Purview's "Start retention when an event
 * occurs" (`ComplianceAssetId:1234`); ComplianceTag, IsRecord, SiteId, WebId, ListId, ListItemID, UniqueId,
 * FileExtension, IsContainer, ModifiedBy and Size are SharePoint's default schema names (the dev tenant found
 * ComplianceTag and IsRecord in no Microsoft page; they are served under the names Custodian's issue #14 uses).
 */

export type ManagedPropertyType = 'text' | 'fullText' | 'path' | 'dateTime' | 'integer' | 'yesNo' | 'guid';

/** A row of `search_index`, as `fields` and hits read it. */
export type IndexRow = Record<string, string | number | null>;

export interface ManagedProperty {
  name: string;
  type: ManagedPropertyType;
  /** The `search_index` column compared (lower-cased text for text properties). */
  column: string;
  /** For full-text properties: the FTS5 column their words are in. */
  ftsColumn?: string;
  /** The value a hit's `fields` carries; `origin` starts URLs. */
  value(row: IndexRow, origin: string): string | number | boolean | null;
}

const text = (v: string | number | null): string | null => (v === null ? null : String(v));

const list: readonly ManagedProperty[] = [
  { name: 'Title', type: 'fullText', column: 'title_lc', ftsColumn: 'title', value: (r) => text(r.title) },
  { name: 'Filename', type: 'text', column: 'filename_lc', value: (r) => text(r.filename) },
  { name: 'FileExtension', type: 'text', column: 'file_ext', value: (r) => text(r.file_ext) },
  { name: 'FileType', type: 'text', column: 'file_ext', value: (r) => text(r.file_ext) },
  { name: 'Path', type: 'path', column: 'path_lc', value: (r, origin) => `${origin}${String(r.path)}` },
  { name: 'ComplianceTag', type: 'text', column: 'compliance_tag_lc', value: (r) => text(r.compliance_tag) },
  { name: 'ComplianceAssetId', type: 'text', column: 'asset_id_lc', value: (r) => text(r.asset_id) },
  { name: 'IsRecord', type: 'yesNo', column: 'is_record', value: (r) => r.is_record === 1 },
  { name: 'Created', type: 'dateTime', column: 'created', value: (r) => text(r.created) },
  { name: 'LastModifiedTime', type: 'dateTime', column: 'modified', value: (r) => text(r.modified) },
  { name: 'Author', type: 'fullText', column: 'author_lc', ftsColumn: 'author', value: (r) => text(r.author) },
  { name: 'CreatedBy', type: 'fullText', column: 'author_lc', ftsColumn: 'author', value: (r) => text(r.author) },
  { name: 'ModifiedBy', type: 'fullText', column: 'editor_lc', ftsColumn: 'editor', value: (r) => text(r.editor) },
  { name: 'SiteId', type: 'guid', column: 'site_id', value: (r) => String(r.site_id).split(',')[1] ?? null },
  { name: 'WebId', type: 'guid', column: 'site_id', value: (r) => String(r.site_id).split(',')[2] ?? null },
  { name: 'ListId', type: 'guid', column: 'list_id', value: (r) => text(r.list_id) },
  { name: 'ListItemID', type: 'integer', column: 'list_item_id', value: (r) => r.list_item_id },
  { name: 'UniqueId', type: 'guid', column: 'unique_id', value: (r) => text(r.unique_id) },
  {
    name: 'contentclass',
    type: 'text',
    column: 'is_library',
    value: (r) => (r.is_library === 1 ? 'STS_ListItem_DocumentLibrary' : 'STS_ListItem_GenericList')
  },
  { name: 'IsDocument', type: 'yesNo', column: 'is_document', value: (r) => r.is_library === 1 && r.is_folder === 0 },
  { name: 'IsContainer', type: 'yesNo', column: 'is_folder', value: (r) => r.is_folder === 1 },
  { name: 'Size', type: 'integer', column: 'size', value: (r) => r.size }
];

const byName = new Map(list.map((p) => [p.name.toLowerCase(), p]));

/** Graph property names `sortProperties` may use instead of managed property names (search-api-overview, "Sort search results"). */
const graphNames: Record<string, string> = {
  createddatetime: 'Created',
  lastmodifieddatetime: 'LastModifiedTime',
  name: 'Filename',
  size: 'Size',
  title: 'Title'
};

export function managedProperty(name: string): ManagedProperty | undefined {
  return byName.get(name.toLowerCase());
}

export function sortableProperty(name: string): ManagedProperty | undefined {
  return managedProperty(graphNames[name.toLowerCase()] ?? name);
}

export const managedPropertyNames: readonly string[] = list.map((p) => p.name);
