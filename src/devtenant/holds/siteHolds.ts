import type Database from 'better-sqlite3';
import { listEntities } from '../store/entities';

/**
 * Whether an enabled eDiscovery legal hold lists the site among its site sources. The hold's content query is not
 * evaluated: the dev tenant, like Custodian, treats every file of a held site as held (Graph cannot say whether a
 * query covers one item; see docs/devtenant.md, "Preservation Hold library").
 */
export function siteUnderHold(db: Database.Database, siteId: string): boolean {
  const want = siteId.toLowerCase();
  return listEntities(db, 'legalHold').some(
    (hold) => hold.isEnabled === true && listEntities(db, 'siteSource', hold.id).some((s) => String(s.siteId).toLowerCase() === want)
  );
}
