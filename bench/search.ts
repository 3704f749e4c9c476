/**
 * Search benchmark (not a test): `tsx bench/search.ts [--json] [--items N] [--pages N] [--size N] [--rounds N]`.
 * A dev tenant of 1,000,000 items (seeded by the dev tenant's own seeder straight into its store, in a temporary data
 * folder: through the API it would take hours), then `POST /v1.0/search/query` over HTTP: the first query builds the
 * search index (timed apart), then each representative query reads its first pages in order. With --json, one JSON
 * object per measure, one a line; otherwise a readable summary (progress on stderr). See bench/README.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startDevTenant } from '../src/devtenant/index';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const json = process.argv.includes('--json');
const items = flag('--items', 1_000_000);
const pages = flag('--pages', 10);
const size = flag('--size', 25);
const rounds = flag('--rounds', 3);

function log(line: string): void {
  if (!json) process.stderr.write(`${line}\n`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

interface Container {
  hits?: { resource: { fields?: Record<string, string | null> } }[];
  total: number;
  moreResultsAvailable: boolean;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'devtenant-search-bench-'));
  try {
    log(`seeding ${items.toLocaleString('en')} items into ${dataDir} ...`);
    let start = performance.now();
    const tenant = await startDevTenant({ dataDir, items, seed: 1 });
    const seedMs = performance.now() - start;
    const token = ((await (await fetch(`${tenant.url}/devtenant/token?persona=records-manager`)).json()) as { access_token: string })
      .access_token;
    const search = async (queryString: string, from: number, pageSize: number, fields: string[] = []): Promise<Container> => {
      const res = await fetch(`${tenant.url}/v1.0/search/query`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ requests: [{ entityTypes: ['listItem'], query: { queryString }, from, size: pageSize, fields }] })
      });
      const body = (await res.json()) as { value: { hitsContainers: Container[] }[] };
      if (res.status !== 200) throw new Error(`search '${queryString}' answered ${res.status}: ${JSON.stringify(body)}`);
      return body.value[0].hitsContainers[0];
    };

    log('building the search index (the first query) ...');
    start = performance.now();
    const everything = await search('*', 0, 1);
    const indexBuildMs = performance.now() - start;
    const results: Record<string, unknown>[] = [
      {
        benchmark: 'search',
        measure: 'seedAndIndex',
        items,
        indexed: everything.total,
        seedMs: Math.round(seedMs),
        indexBuildMs: Math.round(indexBuildMs)
      }
    ];

    // The queries a records search makes: the label most items carry, that label with an asset id prefix, a year.
    const labels = (await (
      await fetch(`${tenant.url}/v1.0/security/labels/retentionLabels`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { value: { displayName: string }[] };
    let busiest = { label: '', total: -1 };
    for (const { displayName } of labels.value) {
      const { total } = await search(`ComplianceTag:"${displayName}"`, 0, 0);
      if (total > busiest.total) busiest = { label: displayName, total };
    }
    const withAsset =
      (await search('ComplianceAssetId:* ComplianceTag:*', 0, 1, ['ComplianceTag', 'ComplianceAssetId'])).hits?.[0]?.resource.fields ?? {};
    const assetPrefix = String(withAsset.complianceAssetId ?? '').slice(0, 5);
    const queries: { measure: string; query: string }[] = [
      { measure: 'label', query: `ComplianceTag:"${busiest.label}"` },
      {
        measure: 'labelAndAssetIdPrefix',
        query: `ComplianceTag:"${String(withAsset.complianceTag)}" AND ComplianceAssetId:${assetPrefix}*`
      },
      { measure: 'dateRange', query: 'Created>=2020-01-01 AND Created<2021-01-01' }
    ];

    for (const { measure, query } of queries) {
      const times: number[] = [];
      let total = 0;
      let pagesRead = 0;
      for (let round = 0; round < rounds; round++) {
        for (let page = 0; page < pages; page++) {
          const t0 = performance.now();
          const c = await search(query, page * size, size, ['Title', 'Path', 'ComplianceTag', 'ComplianceAssetId', 'Created']);
          times.push(performance.now() - t0);
          total = c.total;
          if (round === 0) pagesRead++;
          if (!c.moreResultsAvailable) break;
        }
      }
      results.push({
        benchmark: 'search',
        measure,
        query,
        items,
        total,
        pageSize: size,
        pages: pagesRead,
        rounds,
        medianMsPerPage: round1(median(times)),
        maxMsPerPage: round1(Math.max(...times))
      });
      log(`${measure}: ${total} hits, median ${round1(median(times))} ms a page`);
    }
    for (const r of results)
      process.stdout.write(json ? `${JSON.stringify(r)}\n` : `${String(r.measure)}: ${JSON.stringify(r, null, 2)}\n`);
    await tenant.close();
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
