import { startDevTenant } from './index';

/**
 * A benchmark, not a test: seeds `--items` documents (default 100,000), then reports how long seeding took and
 * how many simple GETs per second one client gets over loopback without faults. Run with
 * `tsx src/devtenant/bench.ts [items] [seconds]`.
 */
export async function bench(items: number, seconds: number): Promise<{ seedMs: number; getsPerSecond: number }> {
  const t0 = Date.now();
  const tenant = await startDevTenant({ memory: true, items });
  const seedMs = Date.now() - t0;
  try {
    const token = ((await (await fetch(`${tenant.url}/devtenant/token?persona=office-worker`)).json()) as { access_token: string })
      .access_token;
    const headers = { authorization: `Bearer ${token}` };
    const site = (await (await fetch(`${tenant.url}/v1.0/sites/custodiandev.sharepoint.com:/sites/legal`, { headers })).json()) as {
      id: string;
    };
    const url = `${tenant.url}/v1.0/sites/${site.id}`;
    let count = 0;
    const end = Date.now() + seconds * 1000;
    const worker = async (): Promise<void> => {
      while (Date.now() < end) {
        const res = await fetch(url, { headers });
        await res.arrayBuffer();
        count++;
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    return { seedMs, getsPerSecond: Math.round(count / seconds) };
  } finally {
    await tenant.close();
  }
}

if (require.main === module) {
  const items = Number(process.argv[2] ?? 100_000);
  const seconds = Number(process.argv[3] ?? 5);
  bench(items, seconds).then(
    (r) =>
      process.stdout.write(
        `seeded ${items} documents in ${r.seedMs} ms; ${r.getsPerSecond} GET /sites/{id} per second (4 concurrent clients, no faults)\n`
      ),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    }
  );
}
