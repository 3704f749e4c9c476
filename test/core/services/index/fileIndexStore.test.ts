import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { IndexedItem } from '../../../../src/core/services/index/IndexedItem';
import { createFileIndexStore } from '../../../../src/node/index/createFileIndexStore';

const item = (id: string): IndexedItem => ({
  id,
  siteId: 's',
  listId: 'l',
  name: `${id}.docx`,
  created: '2020-01-01T00:00:00Z',
  isRecord: false,
  columns: {}
});

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'custodian-filestore-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

describe('createFileIndexStore (Node)', () => {
  it('writes a small journal per refresh, folds journals into a snapshot, and reloads the same state', async () => {
    const store = await createFileIndexStore(folder, { maxJournals: 4 });
    await store.commit('lib', {
      reset: true,
      deltaLink: 'd0',
      syncedAt: 't0',
      upserts: Array.from({ length: 50 }, (_, i) => item(String(i))),
      removals: []
    });
    for (let n = 1; n <= 6; n++)
      await store.commit('lib', { reset: false, deltaLink: `d${n}`, syncedAt: `t${n}`, upserts: [item(`new${n}`)], removals: [String(n)] });
    const [dir] = await readdir(folder);
    const files = await readdir(join(folder, dir));
    expect(files.filter((f) => f.startsWith('journal-')).length).toBeLessThan(4);
    expect(files).toContain('snapshot.json');
    // Files a crash could leave behind are ignored: a temporary file, and a journal already in the snapshot.
    await writeFile(join(folder, dir, 'snapshot.json.abc.tmp'), '{"broken');
    await writeFile(
      join(folder, dir, 'journal-0000000001.json'),
      '{"format":1,"number":1,"change":{"reset":true,"deltaLink":"old","syncedAt":"x","upserts":[],"removals":[]}}'
    );
    const again = await (await createFileIndexStore(folder)).load('lib');
    expect(again?.deltaLink).toBe('d6');
    expect(again?.items).toHaveLength(50);
    expect(again?.items.some((i) => i.id === 'new6')).toBe(true);
    expect(again?.items.some((i) => i.id === '3')).toBe(false);
  });

  it('keeps the last queue in a file of its own, and reads a missing or broken one as nothing', async () => {
    const store = await createFileIndexStore(folder);
    expect(await store.loadQueueSnapshot()).toBeUndefined();
    await store.saveQueueSnapshot({ now: '2026-01-01T00:00:00.000Z', items: [] });
    await store.close();
    expect(await (await createFileIndexStore(folder)).loadQueueSnapshot()).toEqual({ now: '2026-01-01T00:00:00.000Z', items: [] });
    await writeFile(join(folder, 'queue.json'), '{"now": "2026-01');
    expect(await (await createFileIndexStore(folder)).loadQueueSnapshot()).toBeUndefined();
  });

  it('a process killed while writing loses no committed refresh', async () => {
    const script = join(folder, 'writer.ts');
    const storeModule = resolve(__dirname, '../../../../src/node/index/createFileIndexStore');
    await writeFile(
      script,
      `import { createFileIndexStore } from ${JSON.stringify(storeModule)};
(async () => {
  const store = await createFileIndexStore(${JSON.stringify(join(folder, 'data'))}, { maxJournals: 5 });
  const big = Array.from({ length: 3000 }, (_, i) => ({ id: 'b' + i, siteId: 's', listId: 'l', name: 'x'.repeat(40), created: '2020-01-01T00:00:00Z', isRecord: false, columns: {} }));
  await store.commit('lib', { reset: true, deltaLink: 'd0', syncedAt: 't', upserts: big, removals: [] });
  for (let n = 1; ; n++) {
    await store.commit('lib', { reset: false, deltaLink: 'd' + n, syncedAt: 't', upserts: [{ ...big[0], id: 'n' + n }], removals: [] });
    process.stdout.write(n + '\\n');
  }
})();
`
    );
    // tsx as a loader in this one process (its CLI would run the script in a grandchild that SIGKILL would miss).
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
      cwd: resolve(__dirname, '../../../..')
    });
    let acknowledged = 0;
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const lines = chunk.toString().trim().split('\n');
        acknowledged = Number(lines[lines.length - 1]);
        if (acknowledged >= 40) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((resolve) => child.on('exit', resolve));
    const state = await (await createFileIndexStore(join(folder, 'data'))).load('lib');
    const n = Number(state!.deltaLink.slice(1));
    expect(n).toBeGreaterThanOrEqual(acknowledged);
    // Exactly the items of commits 1..n: the link and the items come from the same commit.
    expect(state!.items.filter((i) => i.id.startsWith('n')).length).toBe(n);
    expect(state!.items.length).toBe(3000 + n);
  }, 30_000);
});
