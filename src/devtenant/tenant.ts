import type Database from 'better-sqlite3';
import { type FaultController } from './faults';

export interface TenantOptions {
  seed: number;
  items: number;
  dataDir?: string;
}

/** The dev tenant's clock: real time plus an offset kept in the store, so it only moves forward. */
export class Clock {
  private offsetMs: number;
  constructor(private readonly db: Database.Database) {
    this.offsetMs = Number(this.readMeta() ?? '0');
  }
  private readMeta(): string | undefined {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'clockOffsetMs'").get() as { value: string } | undefined;
    return row?.value;
  }
  reload(): void {
    this.offsetMs = Number(this.readMeta() ?? '0');
  }
  nowMs(): number {
    return Date.now() + this.offsetMs;
  }
  nowIso(): string {
    return new Date(this.nowMs()).toISOString();
  }
  get offset(): number {
    return this.offsetMs;
  }
  advance(ms: number): void {
    this.offsetMs += ms;
    this.db
      .prepare("INSERT INTO meta (key, value) VALUES ('clockOffsetMs', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
      .run(String(this.offsetMs));
  }
}

/** Everything a handler can reach: the store, the clock, the faults and the seed the data came from. */
export interface Tenant {
  db: Database.Database;
  clock: Clock;
  faults: FaultController;
  options: TenantOptions;
  /** The origin the dev tenant is reached at, which every URL it hands out starts with. */
  publicOrigin: string;
  /** Next change number for delta (items, messages). */
  nextSeq(): number;
  /** The last change number handed out (no query: delta reads it on every page). */
  lastSeq(): number;
  /** Re-reads what the server caches (change counter, clock) after `/devtenant/reset` rewrote the store. */
  afterReset(): void;
}

export function getMeta(db: Database.Database, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function setMeta(db: Database.Database, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}
