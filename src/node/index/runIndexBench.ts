import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDevTenantTokenProvider } from '../../core/auth/createDevTenantTokenProvider';
import { createGraphGateway } from '../../core/graph/createGraphGateway';
import type { GraphGateway } from '../../core/graph/GraphGateway';
import { listAll } from '../../core/graph/iteratePages';
import type { ListRef } from '../../core/graph/listItems/ListRef';
import { updateListItemFieldsCall } from '../../core/graph/listItems/updateListItemFields';
import { runBatch } from '../../core/graph/runBatch';
import { createDispositionIndex } from '../../core/services/index/createDispositionIndex';
import { startDevTenant } from '../../devtenant/index';
import { createFileIndexStore } from './createFileIndexStore';

export interface IndexBenchOptions {
  items: number;
  changes: number;
  /** Delta page size. */
  pageSize: number;
  log?: (line: string) => void;
}

export const defaultIndexBenchOptions: IndexBenchOptions = { items: 100_000, changes: 100, pageSize: 999 };

export interface IndexBenchResult {
  benchmark: 'index-refresh';
  items: number;
  indexedItems: number;
  libraries: number;
  changes: number;
  initialSyncMs: number;
  initialSyncRequests: number;
  refreshMs: number;
  refreshRequests: number;
  /** Items re-read by the refresh (should equal the changes). */
  refreshUpserts: number;
  /** Refresh time as a share of the initial sync; goal at most 0.05. */
  timeShare: number;
  goal: number;
  pass: boolean;
}

/** Counts requests to one origin at the fetch the Graph client calls (each `$batch` inner request counts, as Graph counts them). */
function countRequests(origin: string): { count: () => number; reset: () => void; stop: () => void } {
  const original = globalThis.fetch;
  let n = 0;
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
    if (url.startsWith(origin)) {
      const body = typeof init?.body === 'string' ? init.body : undefined;
      n += url.endsWith('/$batch') && body ? ((JSON.parse(body) as { requests: unknown[] }).requests ?? []).length : 1;
    }
    return original(input, init);
  }) as typeof fetch;
  return { count: () => n, reset: () => (n = 0), stop: () => (globalThis.fetch = original) };
}

async function documentLibraries(graph: GraphGateway): Promise<ListRef[]> {
  const sites = ['/', '/sites/hr', '/sites/finance', '/sites/legal', '/sites/projects', '/sites/records', '/sites/marketing'];
  const out: ListRef[] = [];
  for (const path of sites) {
    const site = await graph.call<{ id: string }>({
      method: 'GET',
      url: `/sites/custodiandev.sharepoint.com:${path}`,
      action: 'open the site'
    });
    const lists = await listAll<{ id: string; list?: { template?: string } }>(graph, {
      method: 'GET',
      url: `/sites/${encodeURIComponent(site.id)}/lists`,
      action: 'list the libraries'
    });
    for (const l of lists) if (l.list?.template === 'documentLibrary') out.push({ siteId: site.id, listId: l.id });
  }
  return out;
}

/**
 * The index benchmark (not a test): a dev tenant with `items` documents, a disposition index over every library
 * (file store, as a scheduled Node job would keep it), a full sync, `changes` items changed through Graph, then a
 * refresh: its requests and its time as a share of the initial sync (goal at most 0.05).
 */
export async function runIndexBench(options: IndexBenchOptions = defaultIndexBenchOptions): Promise<IndexBenchResult[]> {
  const log = options.log ?? (() => undefined);
  log(`seeding ${options.items} items...`);
  const tenant = await startDevTenant({ memory: true, items: options.items });
  const folder = await mkdtemp(join(tmpdir(), 'custodian-index-bench-'));
  const counter = countRequests(tenant.url);
  try {
    const graph = createGraphGateway({
      baseUrl: tenant.url,
      tokens: createDevTenantTokenProvider({ url: tenant.url, persona: 'records-manager' }),
      governor: { initialRate: 2000 }
    });
    const libraries = await documentLibraries(graph);
    const index = createDispositionIndex({ graph, store: await createFileIndexStore(folder), libraries, pageSize: options.pageSize });
    const now = new Date().toISOString();
    counter.reset();
    let started = performance.now();
    const initial = await index.refresh({ now });
    const initialSyncMs = performance.now() - started;
    const initialSyncRequests = counter.count();
    log(`initial sync: ${initial.itemCount} items, ${initialSyncRequests} requests, ${Math.round(initialSyncMs)} ms`);

    // Items that are not records: a regulatory record's properties cannot be edited by anyone.
    const entries = index.entries().filter((e) => !e.item.isRecord);
    const step = Math.max(1, Math.floor(entries.length / options.changes));
    const targets = Array.from({ length: options.changes }, (_, i) => entries[(i * step) % entries.length]);
    const results = await runBatch(
      graph,
      targets.map((e, i) =>
        updateListItemFieldsCall({ siteId: e.item.siteId, listId: e.item.listId }, e.item.id, { ComplianceAssetId: `BENCH-${i}` })
      )
    );
    const failed = results.find((r) => !r.ok);
    if (failed && !failed.ok) throw new Error(`A change failed: ${failed.error.what} ${failed.error.why}`);

    counter.reset();
    started = performance.now();
    const refresh = await index.refresh({ now });
    const refreshMs = performance.now() - started;
    const refreshRequests = counter.count();
    const refreshUpserts = refresh.libraries.reduce((sum, l) => sum + l.upserts, 0);
    log(`refresh: ${refreshUpserts} items re-read, ${refreshRequests} requests, ${Math.round(refreshMs)} ms`);
    const timeShare = refreshMs / initialSyncMs;
    return [
      {
        benchmark: 'index-refresh',
        items: options.items,
        indexedItems: initial.itemCount,
        libraries: libraries.length,
        changes: options.changes,
        initialSyncMs: Math.round(initialSyncMs),
        initialSyncRequests,
        refreshMs: Math.round(refreshMs),
        refreshRequests,
        refreshUpserts,
        timeShare: Number(timeShare.toFixed(4)),
        goal: 0.05,
        pass: timeShare <= 0.05
      }
    ];
  } finally {
    counter.stop();
    await tenant.close();
    await rm(folder, { recursive: true, force: true });
  }
}
