import type Database from 'better-sqlite3';
import { stmt } from './db';

export interface SiteRow {
  id: string;
  /** Server-relative path: `/` for the root site, `/sites/hr` otherwise. */
  path: string;
  name: string;
  display_name: string;
  description: string;
  created: string;
  data: string;
}

export interface ColumnDef {
  name: string;
  displayName: string;
  /** `person` and `term` (managed metadata) are written through SharePoint REST's `ValidateUpdateListItem` only. */
  type: 'text' | 'number' | 'dateTime' | 'choice' | 'boolean' | 'person' | 'term';
  choices?: string[];
  required?: boolean;
  readOnly?: boolean;
  hidden?: boolean;
  indexed?: boolean;
  description?: string;
}

export interface ListRow {
  id: string;
  site_id: string;
  /** The URL name: `Shared Documents`, `Contracts`. */
  url_name: string;
  display_name: string;
  template: 'documentLibrary' | 'genericList';
  drive_id: string | null;
  root_id: string | null;
  columns: string;
  created: string;
  modified: string;
  default_label: string | null;
  /** The library's default sensitivity label id (`DefaultSensitivityLabelForLibrary`), or null. */
  default_sens_label: string | null;
  next_num: number;
  description: string;
}

export function getSite(db: Database.Database, id: string): SiteRow | undefined {
  return stmt(db, 'SELECT * FROM sites WHERE id = ? COLLATE NOCASE').get(id) as SiteRow | undefined;
}

export function getSiteByPath(db: Database.Database, path: string): SiteRow | undefined {
  const norm = path === '' ? '/' : path.replace(/\/+$/, '') || '/';
  return stmt(db, 'SELECT * FROM sites WHERE path = ?').get(norm) as SiteRow | undefined;
}

export function allSites(db: Database.Database): SiteRow[] {
  return stmt(db, 'SELECT * FROM sites ORDER BY rowid').all() as SiteRow[];
}

export function getList(db: Database.Database, id: string): ListRow | undefined {
  return stmt(db, 'SELECT * FROM lists WHERE id = ? COLLATE NOCASE').get(id) as ListRow | undefined;
}

export function getListByDrive(db: Database.Database, driveId: string): ListRow | undefined {
  return stmt(db, 'SELECT * FROM lists WHERE drive_id = ?').get(driveId) as ListRow | undefined;
}

export function listsOfSite(db: Database.Database, siteId: string): ListRow[] {
  return stmt(db, 'SELECT * FROM lists WHERE site_id = ? ORDER BY rowid').all(siteId) as ListRow[];
}

/** Finds a site's list by id, URL name or display name (case-insensitive), as Graph's `/lists/{list-id or title}` does. */
export function findList(db: Database.Database, siteId: string, key: string): ListRow | undefined {
  return db
    .prepare(
      'SELECT * FROM lists WHERE site_id = ? AND (id = ? COLLATE NOCASE OR url_name = ? COLLATE NOCASE OR display_name = ? COLLATE NOCASE) ORDER BY rowid LIMIT 1'
    )
    .get(siteId, key, key, key) as ListRow | undefined;
}

export function columnsOf(list: ListRow): ColumnDef[] {
  return JSON.parse(list.columns) as ColumnDef[];
}

/** The server-relative URL of a list's root folder: `/sites/hr/Shared Documents`, or `/sites/hr/Lists/Contracts`. */
export function listServerRelativeUrl(site: SiteRow, list: ListRow): string {
  const base = site.path === '/' ? '' : site.path;
  return list.template === 'documentLibrary' ? `${base}/${list.url_name}` : `${base}/Lists/${list.url_name}`;
}

/** Finds the list whose root folder is `serverRelativeUrl` (decoded, any case). */
export function findListByUrl(db: Database.Database, serverRelativeUrl: string): { site: SiteRow; list: ListRow } | undefined {
  const want = serverRelativeUrl.replace(/\/+$/, '').toLowerCase();
  for (const site of allSites(db)) {
    const prefix = site.path === '/' ? '' : site.path.toLowerCase();
    if (!want.startsWith(prefix + '/')) continue;
    for (const list of listsOfSite(db, site.id)) {
      if (listServerRelativeUrl(site, list).toLowerCase() === want) return { site, list };
    }
  }
  return undefined;
}
