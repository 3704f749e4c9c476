import type Database from 'better-sqlite3';
import { personas } from '../auth/personas';
import { driveId, driveItemId, guid, seededRng } from '../store/ids';
import { insertItem, type ItemRow, newItemRow } from '../store/items';
import { stmt } from '../store/db';
import { personalLibraryUrlName, personalSiteHost, personalSitePath } from '../store/personalSites';
import type { ColumnDef } from '../store/sites';
import { mimeOf } from './seed';

const day = 86_400_000;

/** A OneDrive's Documents library has Title and, as every SharePoint library, the hidden Compliance Asset Id. */
const oneDriveColumns: ColumnDef[] = [
  { name: 'Title', displayName: 'Title', type: 'text' },
  { name: 'ComplianceAssetId', displayName: 'Compliance Asset Id', type: 'text' }
];

interface PersonalFile {
  name: string;
  folder?: string;
  daysOld: number;
  title: string;
  /** A retention label from the file plan (labels apply to OneDrive items as to SharePoint ones). */
  label?: string;
}

/** What the office worker keeps in OneDrive: the demo's "Contract draft.docx", a labelled note, a file in a folder. */
const officeWorkerFiles: readonly PersonalFile[] = [
  { name: 'Contract draft.docx', daysOld: 3, title: 'Contract draft' },
  { name: 'Meeting notes - Fabrikam.docx', daysOld: 40, title: 'Meeting notes with Fabrikam', label: 'General Correspondence - 2 Years' },
  { name: "Supplier NDA - O'Brien (v2).docx", folder: 'Drafts', daysOld: 12, title: "Supplier NDA with O'Brien, second draft" }
];

/**
 * Gives every seeded user a personal site (OneDrive for work or school) with its Documents library, and puts a few
 * documents in the office worker's. Runs after the rest of the seed, from its own random stream, so everything
 * seeded before keeps its ids; change numbers continue after the last one used.
 */
export function seedPersonalSites(db: Database.Database, seed: number, epochMs: number): void {
  const rng = seededRng((seed ^ 0x6f6e6564) >>> 0);
  const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  let seq = (stmt(db, 'SELECT COALESCE(MAX(seq), 0) AS m FROM items').get() as { m: number }).m;
  const users = stmt(db, 'SELECT id, upn, data FROM users ORDER BY rowid').all() as { id: string; upn: string; data: string }[];
  const insertSite = stmt(db, 'INSERT INTO sites (id, path, name, display_name, description, created, data) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertList = stmt(
    db,
    'INSERT INTO lists (id, site_id, url_name, display_name, template, drive_id, root_id, columns, created, modified, default_label, next_num, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)'
  );
  for (const user of users) {
    const path = personalSitePath(user.upn);
    const created = iso(epochMs - 900 * day);
    const siteId = `${personalSiteHost},${guid(rng)},${guid(rng)}`;
    const displayName = (JSON.parse(user.data) as { displayName: string }).displayName;
    insertSite.run(siteId, path, path.slice('/personal/'.length), displayName, '', created, JSON.stringify({ personalSiteOwner: user.id }));
    const listId = guid(rng);
    const rootId = driveItemId(rng);
    const files = user.upn.toLowerCase() === personas['office-worker'].userPrincipalName.toLowerCase() ? officeWorkerFiles : [];
    let num = 1;
    const folders = new Map<string, string>();
    const add = (name: string, parentPath: string, parentId: string, createdMs: number, extra: Partial<ItemRow>): string => {
      const id = driveItemId(rng);
      insertItem(
        db,
        newItemRow({
          id,
          list_id: listId,
          num: num++,
          uid: guid(rng),
          parent_id: parentId,
          path: `${parentPath}/${name}`,
          name,
          created: iso(createdMs),
          created_by: user.id,
          seq: ++seq,
          ...extra
        })
      );
      return id;
    };
    for (const f of files) {
      const createdMs = epochMs - f.daysOld * day;
      let parentId = rootId;
      let parentPath = '';
      if (f.folder) {
        parentPath = `/${f.folder}`;
        parentId =
          folders.get(f.folder) ?? add(f.folder, '', rootId, createdMs, { is_folder: 1, fields: JSON.stringify({ Title: f.folder }) });
        folders.set(f.folder, parentId);
      }
      add(f.name, parentPath, parentId, createdMs, {
        size: 20_480 + Math.floor(rng() * 60_000),
        mime: mimeOf(f.name),
        fields: JSON.stringify({ Title: f.title }),
        ...(f.label ? { label: f.label, label_at: iso(createdMs + 3600_000), label_by: user.id, label_explicit: 1 } : {})
      });
    }
    insertList.run(
      listId,
      siteId,
      personalLibraryUrlName,
      personalLibraryUrlName,
      'documentLibrary',
      driveId(rng),
      rootId,
      JSON.stringify(oneDriveColumns),
      created,
      iso(epochMs - day),
      num,
      ''
    );
  }
}
