/* eslint-disable @typescript-eslint/no-explicit-any -- tests read Graph and SharePoint JSON as a client would, loosely. */
import crypto from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { registerToken } from '../../src/devtenant/auth/personas';
import { startDevTenant, type DevTenantOptions, type RunningDevTenant } from '../../src/devtenant/index';

export type Persona = 'office-worker' | 'site-owner' | 'records-manager' | 'admin';

/** A dev tenant on a free loopback port, with a token per persona fetched on demand. */
export class TestTenant {
  private tokens = new Map<Persona, string>();
  private constructor(
    readonly running: RunningDevTenant,
    readonly url: string
  ) {}

  static async start(options: DevTenantOptions = {}): Promise<TestTenant> {
    const running = await startDevTenant({ memory: options.dataDir ? undefined : true, items: 120, ...options });
    return new TestTenant(running, running.url);
  }

  async token(persona: Persona): Promise<string> {
    let t = this.tokens.get(persona);
    if (!t) {
      const res = await fetch(`${this.url}/devtenant/token?persona=${persona}`);
      t = ((await res.json()) as { access_token: string }).access_token;
      this.tokens.set(persona, t);
    }
    return t;
  }

  /** A Graph or SharePoint call as a persona; `path` starts with `/`. */
  async call(
    persona: Persona | null,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {}
  ): Promise<{ status: number; headers: Headers; json: any; text: string }> {
    const h: Record<string, string> = { ...headers };
    if (persona) h.authorization = `Bearer ${await this.token(persona)}`;
    let payload: string | Buffer | undefined;
    if (Buffer.isBuffer(body)) payload = body;
    else if (typeof body === 'string') payload = body;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await fetch(`${this.url}${path}`, { method, headers: h, body: payload });
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, json, text };
  }

  get(persona: Persona | null, path: string, headers?: Record<string, string>) {
    return this.call(persona, 'GET', path, undefined, headers);
  }

  close(): Promise<void> {
    return this.running.close();
  }
}

/** Graph's error envelope, as a client reads it. */
export function expectGraphError(res: { status: number; json: any; headers: Headers }, status: number, code?: string): void {
  expect(res.status).toBe(status);
  expect(typeof res.json?.error?.code).toBe('string');
  expect(typeof res.json?.error?.message).toBe('string');
  expect(res.json.error.innerError['request-id']).toBe(res.headers.get('request-id'));
  expect(typeof res.json.error.innerError.date).toBe('string');
  if (code) expect(res.json.error.code).toBe(code);
}

export function encodeShareUrl(url: string): string {
  return 'u!' + Buffer.from(url, 'utf8').toString('base64').replace(/=+$/, '').replace(/\//g, '_').replace(/\+/g, '-');
}

/**
 * A token as Entra would issue it to an app granted only `scopes`, written straight into a dev tenant's store (started
 * with `dataDir`), which keeps only its hash: how a test meets a client with fewer permissions than the personas have.
 */
export function tokenWithScopes(dataDir: string, scopes: string, persona: Persona = 'office-worker'): string {
  const token = `dt1.${crypto.randomBytes(16).toString('base64url')}`;
  const db = new Database(path.join(dataDir, 'devtenant.sqlite'));
  try {
    registerToken(db, token, { persona, scopes: scopes.split(' '), userId: 'unused' });
  } finally {
    db.close();
  }
  return token;
}
