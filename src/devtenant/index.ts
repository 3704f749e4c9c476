import { openDatabase } from './store/db';
import { DevTenantServer } from './server';
import { parseFaultSpec } from './faults';
import { seedTenant } from './seed/seed';
import { getMeta } from './tenant';

export interface DevTenantOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** A folder for the SQLite store; data there survives restarts. */
  dataDir?: string;
  /** Keep everything in memory (the default when no dataDir is given). */
  memory?: boolean;
  /** The seed the organisation is generated from (default 1). */
  seed?: number;
  /** How many documents to seed (default 2,000). */
  items?: number;
  /** Delay added to every Graph and SharePoint request. */
  latencyMs?: number;
  /** Request-rate ceiling in requests per second (0 = none). */
  rate?: number;
  /** Random faults, e.g. `429:0.05,503:0.02,reset:0.01`. */
  faults?: string;
}

export interface RunningDevTenant {
  url: string;
  close(): Promise<void>;
}

export const defaultItems = 2000;

/**
 * Starts a dev tenant on 127.0.0.1. A new store is seeded from `seed`; an existing data folder is reopened as
 * it was left (its own seed is kept, so the flags do not silently reseed it; use `/devtenant/reset`).
 */
export async function startDevTenant(options: DevTenantOptions = {}): Promise<RunningDevTenant> {
  if (options.memory && options.dataDir) throw new Error('Give either a data folder or memory, not both.');
  const faults = parseFaultSpec(options.faults ?? '');
  if (!faults.ok) throw new Error(faults.reason);
  const seed = options.seed ?? 1;
  const items = options.items ?? defaultItems;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error('The seed must be an integer from 0 to 4294967295.');
  if (!Number.isInteger(items) || items < 0 || items > 1_000_000)
    throw new Error('The number of items must be an integer from 0 to 1,000,000.');
  const db = openDatabase(options.memory ? undefined : options.dataDir);
  try {
    if (getMeta(db, 'seed') === undefined) db.transaction(() => seedTenant(db, seed, items))();
    const server = new DevTenantServer({
      port: options.port ?? 0,
      db,
      tenantOptions: { seed: Number(getMeta(db, 'seed')), items: Number(getMeta(db, 'items')), dataDir: options.dataDir },
      faults: { latencyMs: options.latencyMs ?? 0, rate: options.rate ?? 0, probabilities: faults.value }
    });
    const url = await server.listen();
    let closed = false;
    return {
      url,
      async close() {
        if (closed) return;
        closed = true;
        await server.close();
        db.close();
      }
    };
  } catch (e) {
    db.close();
    throw e;
  }
}
