import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startDevTenant } from '../../src/devtenant/index';
import { TestTenant } from './helpers';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'devtenant-'));
}

async function mattersList(t: TestTenant): Promise<{ siteId: string; listId: string }> {
  const site = (await t.get('office-worker', '/v1.0/sites/custodiandev.sharepoint.com:/sites/legal')).json;
  const list = (await t.get('office-worker', `/v1.0/sites/${site.id}/lists/Matters`)).json;
  return { siteId: site.id, listId: list.id };
}

describe('persistence', () => {
  test('data is kept across a restart with a data folder', async () => {
    const dir = tempDir();
    try {
      const a = await TestTenant.start({ dataDir: dir, seed: 4, items: 60 });
      const { siteId, listId } = await mattersList(a);
      const created = await a.call('office-worker', 'POST', `/v1.0/sites/${siteId}/lists/${listId}/items`, {
        fields: { Title: 'Survives restart ✓' }
      });
      await fetch(`${a.url}/devtenant/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ days: 10 })
      });
      await a.close();
      // Flags for another seed do not reseed an existing store.
      const b = await TestTenant.start({ dataDir: dir, seed: 99, items: 5 });
      const got = await b.get('office-worker', `/v1.0/sites/${siteId}/lists/${listId}/items/${created.json.id}?$expand=fields`);
      expect(got.json.fields.Title).toBe('Survives restart ✓');
      const clock = (await (await fetch(`${b.url}/devtenant/clock`)).json()) as { offsetMs: number };
      expect(clock.offsetMs).toBe(10 * 86_400_000);
      await b.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('every acknowledged write survives kill -9 in the middle of a 1,000-write loop', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, [path.join(__dirname, 'support', 'runCli.js'), '--data', dir, '--items', '0', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe']
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /devtenant listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m) resolve(m[1]);
        });
        child.on('exit', (code) => reject(new Error(`child exited ${code}`)));
      });
      const token = ((await (await fetch(`${url}/devtenant/token?persona=office-worker`)).json()) as { access_token: string }).access_token;
      const site = (await (
        await fetch(`${url}/v1.0/sites/custodiandev.sharepoint.com:/sites/legal`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as { id: string };
      const list = (await (
        await fetch(`${url}/v1.0/sites/${site.id}/lists/Matters`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as { id: string };
      const acknowledged: string[] = [];
      let killed = false;
      for (let i = 0; i < 1000 && !killed; i++) {
        const pending = fetch(`${url}/v1.0/sites/${site.id}/lists/${list.id}/items`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ fields: { Title: `write ${i}` } })
        });
        if (i === 400) {
          child.kill('SIGKILL');
          killed = true;
        }
        try {
          const res = await pending;
          if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
        } catch {
          // Not acknowledged: the process died first.
        }
      }
      expect(killed).toBe(true);
      expect(acknowledged.length).toBeGreaterThanOrEqual(400);
      const reopened = await startDevTenant({ dataDir: dir });
      try {
        const t2token = ((await (await fetch(`${reopened.url}/devtenant/token?persona=office-worker`)).json()) as { access_token: string })
          .access_token;
        const ids = new Set<string>();
        let next: string | undefined = `${reopened.url}/v1.0/sites/${site.id}/lists/${list.id}/items?$top=999`;
        while (next) {
          const page = (await (await fetch(next, { headers: { authorization: `Bearer ${t2token}` } })).json()) as {
            value: { id: string }[];
            '@odata.nextLink'?: string;
          };
          page.value.forEach((v) => ids.add(v.id));
          next = page['@odata.nextLink'];
        }
        expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
      } finally {
        await reopened.close();
      }
    } finally {
      child.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

describe('seed', () => {
  test('the same seed gives the same organisation; another seed differs', async () => {
    const snapshot = async (seed: number): Promise<string> => {
      const t = await TestTenant.start({ seed, items: 150 });
      try {
        const drive = (await t.get('records-manager', '/v1.0/sites/custodiandev.sharepoint.com:/sites/finance/drive')).json;
        const children = (
          await t.get('records-manager', `/v1.0/drives/${drive.id}/root/children?$top=999&$select=id,name,createdDateTime,size`)
        ).json.value;
        const labels = (await t.get('records-manager', '/v1.0/security/labels/retentionLabels?$select=id,displayName')).json.value;
        const mail = (await t.get('records-manager', '/v1.0/me/messages?$top=5&$select=id,subject,receivedDateTime')).json.value;
        return JSON.stringify({ drive: drive.id, children, labels, mail });
      } finally {
        await t.close();
      }
    };
    const a = await snapshot(42);
    expect(await snapshot(42)).toBe(a);
    expect(await snapshot(43)).not.toBe(a);
  });

  test('the organisation has what the issue asks for', async () => {
    const t = await TestTenant.start({ seed: 1, items: 2000 });
    try {
      const sites = (await t.get('admin', '/v1.0/sites?search=*')).json.value;
      expect(sites.length).toBeGreaterThanOrEqual(5);
      let libraries = 0;
      let documents = 0;
      const years = new Set<number>();
      for (const s of sites) {
        const drives = (await t.get('admin', `/v1.0/sites/${s.id}/drives`)).json.value;
        libraries += drives.length;
        for (const d of drives) {
          let next: string | undefined = `/v1.0/drives/${d.id}/root/delta?$top=999`;
          while (next) {
            const page = await t.get('admin', next);
            for (const it of page.json.value) {
              if (it.file) {
                documents++;
                years.add(new Date(it.createdDateTime).getUTCFullYear());
              }
            }
            next = page.json['@odata.nextLink']?.slice(t.url.length);
          }
        }
      }
      expect(libraries).toBeGreaterThanOrEqual(10);
      expect(documents).toBeGreaterThanOrEqual(2000);
      expect(years.size).toBeGreaterThanOrEqual(12);
      const mail = await t.get('admin', '/v1.0/users?$top=100');
      let messages = 0;
      const db = mail.json.value.length;
      expect(db).toBeGreaterThan(3);
      for (const p of ['office-worker', 'records-manager'] as const) {
        let next: string | undefined = '/v1.0/me/messages?$top=1000';
        while (next) {
          const page = await t.get(p, next);
          messages += page.json.value.length;
          next = page.json['@odata.nextLink']?.slice(t.url.length);
        }
      }
      expect(messages).toBeGreaterThanOrEqual(200);
    } finally {
      await t.close();
    }
  });
});
