import type Database from 'better-sqlite3';

/**
 * Site user ids, as SharePoint REST names people (`AuthorId`, `EditorId`, `Author/Id`).
 *
 * SharePoint keeps people in each site collection's user information list and names them by an integer there, not
 * by their Entra object id. Microsoft's [MS-WSSFO] "User Identifier"
 * (https://msdn.microsoft.com/en-us/library/hh632903(v=office.12).aspx): "a 4-byte integer value used to uniquely
 * identify a principal within a site collection", "assigned from the same numbering space as site group
 * identifiers"; "the system account (1073741823)"; "-1 and 0 are reserved".
 *
 * The dev tenant's numbering (its own choice, stated in docs/devtenant.md): 3, 4 and 5 are the site's Owners,
 * Visitors and Members groups (the ids CLI for Microsoft 365's `spo web get --withGroups` example shows), and the
 * organisation's users follow from 6 in the order they were created, the same in every site. Users are only added
 * by the seed, so an id never changes while a tenant lives. Anyone else (an app, or no one: seeded content has no
 * author) is the system account.
 */

export const systemAccountId = 1073741823;
const firstUserId = 6;

export const siteGroupIds = { owners: 3, visitors: 4, members: 5 } as const;

/**
 * A person as an expanded person field (`$expand=Author&$select=Author/Title,Author/EMail`) shows one: fields of the
 * user information list, where the address is `EMail` and the claims login `Name`.
 */
interface SiteUser {
  Id: number;
  Title: string;
  EMail: string;
  Name: string;
}

interface UserRow {
  id: string;
  upn: string;
  data: string;
}

const cache = new WeakMap<Database.Database, { byGuid: Map<string, number>; rows: UserRow[] }>();

function table(db: Database.Database): { byGuid: Map<string, number>; rows: UserRow[] } {
  let t = cache.get(db);
  if (!t) {
    const rows = db.prepare('SELECT id, upn, data FROM users ORDER BY rowid').all() as UserRow[];
    t = { rows, byGuid: new Map(rows.map((r, n) => [r.id.toLowerCase(), firstUserId + n])) };
    cache.set(db, t);
  }
  return t;
}

/** The site user id of an Entra user id; the system account for anyone who is not a user of the organisation. */
export function siteUserId(db: Database.Database, userId: string | null | undefined): number {
  if (!userId) return systemAccountId;
  return table(db).byGuid.get(userId.toLowerCase()) ?? systemAccountId;
}

/** The user information list entry of a site user id (the system account for an id that is no user's). */
export function siteUser(db: Database.Database, id: number): SiteUser {
  const t = table(db);
  const row = id >= firstUserId ? t.rows[id - firstUserId] : undefined;
  if (!row) return { Id: systemAccountId, Title: 'System Account', EMail: '', Name: 'SHAREPOINT\\system' };
  const doc = JSON.parse(row.data) as { displayName?: string; mail?: string | null };
  return {
    Id: id,
    Title: doc.displayName ?? row.upn,
    EMail: doc.mail ?? row.upn,
    // Entra users sign in with claims: `i:0#.f|membership|{upn}` (the form ValidateUpdateListItem takes too).
    Name: `i:0#.f|membership|${row.upn.toLowerCase()}`
  };
}
