import type { DriveItem, ListItem } from '@microsoft/microsoft-graph-types';
import { createDevTenantTokenProvider } from '../../core/auth/createDevTenantTokenProvider';
import { createGraphGateway } from '../../core/graph/createGraphGateway';
import { setRetentionLabel } from '../../core/graph/driveItems/setRetentionLabel';
import type { GraphGateway } from '../../core/graph/GraphGateway';
import { iteratePages } from '../../core/graph/iteratePages';
import { createSharePoint } from '../../core/sharepoint/createSharePoint';
import { setComplianceTagOnBulkItems } from '../../core/sharepoint/policyStore/setComplianceTagOnBulkItems';
import { bulkLabel, type BulkLabelReport } from '../../core/services/bulkLabel';
import { createMemoryCheckpointStore } from '../../core/services/jobs/createMemoryCheckpointStore';
import { startDevTenant } from '../../devtenant/index';
import { meterTraffic } from './trafficMeter';

/** One JSON line of the benchmark's output. */
export type BenchResult = Record<string, unknown> & { benchmark: string };

export interface LabellingBenchOptions {
  items: number;
  latencyMs: number;
  rate: number;
  /** Items labelled one request at a time, for the speed-up (extrapolated as items per second). */
  sequentialSample: number;
  faultItems: number;
  faults: string;
  log?: (line: string) => void;
}

export const defaultLabellingBenchOptions: LabellingBenchOptions = {
  items: 10_000,
  latencyMs: 50,
  rate: 200,
  sequentialSample: 200,
  faultItems: 5_000,
  faults: '429:0.05,503:0.02,reset:0.01'
};

interface Library {
  siteUrl: string;
  siteId: string;
  listId: string;
  driveId: string;
  listUrl: string;
}

async function libraries(graph: GraphGateway, origin: string): Promise<Library[]> {
  const out: Library[] = [];
  for (const path of ['/', '/sites/hr', '/sites/finance', '/sites/legal', '/sites/projects', '/sites/records', '/sites/marketing']) {
    const site = await graph.call<{ id: string }>({
      method: 'GET',
      url: path === '/' ? '/sites/root' : `/sites/${new URL(origin).host}:${path}`,
      action: 'open the site'
    });
    for await (const page of iteratePages<{ id: string; webUrl: string; list?: { template?: string } }>(graph, {
      method: 'GET',
      url: `/sites/${encodeURIComponent(site.id)}/lists`,
      action: 'list the libraries'
    }))
      for (const list of page.items) {
        if (list.list?.template !== 'documentLibrary') continue;
        const drive = await graph.call<{ id: string }>({
          method: 'GET',
          url: `/sites/${encodeURIComponent(site.id)}/lists/${list.id}/drive`,
          action: 'open the library'
        });
        out.push({
          siteUrl: `${origin}${path === '/' ? '' : path}`,
          siteId: site.id,
          listId: list.id,
          driveId: drive.id,
          listUrl: decodeURI(list.webUrl)
        });
      }
  }
  return out;
}

async function files(graph: GraphGateway, lib: Library): Promise<{ driveId: string; itemId: string; name: string }[]> {
  const out: { driveId: string; itemId: string; name: string }[] = [];
  for await (const page of iteratePages<DriveItem>(graph, {
    method: 'GET',
    url: `/drives/${encodeURIComponent(lib.driveId)}/root/delta?$top=999`,
    action: 'list files'
  }))
    for (const i of page.items) if (i.file && !i.deleted) out.push({ driveId: lib.driveId, itemId: String(i.id), name: String(i.name) });
  return out;
}

async function listItemIds(graph: GraphGateway, lib: Library): Promise<number[]> {
  const out: number[] = [];
  for await (const page of iteratePages<ListItem & { deleted?: unknown }>(graph, {
    method: 'GET',
    url: `/sites/${encodeURIComponent(lib.siteId)}/lists/${lib.listId}/items/delta?$top=999`,
    action: 'list items'
  }))
    for (const i of page.items)
      if (!i.deleted && (i as { contentType?: { name?: string } }).contentType?.name !== 'Folder') out.push(Number(i.id));
  return out;
}

const round = (n: number, digits = 3): number => Math.round(n * 10 ** digits) / 10 ** digits;

function summary(report: BulkLabelReport): Record<string, number> {
  return { labelled: report.labelled.length, failed: report.failed.length, notDone: report.notDone.length };
}

/**
 * Labelling throughput against the dev tenant at Graph-like latency and a request-rate ceiling: the Graph path
 * (`$batch` of 20) against one request at a time, the SharePoint path (SetComplianceTagOnBulkItems, 100 ids a call),
 * and a fault run killed halfway and resumed. Not a test: numbers depend on the machine.
 */
export async function runLabellingBench(options: LabellingBenchOptions = defaultLabellingBenchOptions): Promise<BenchResult[]> {
  const log = options.log ?? (() => undefined);
  const results: BenchResult[] = [];
  const tenant = await startDevTenant({ memory: true, items: Math.ceil(options.items * 1.08) + 500 });
  const meter = meterTraffic(tenant.url);
  try {
    const tokens = createDevTenantTokenProvider({ url: tenant.url, persona: 'records-manager' });
    const setup = createGraphGateway({ baseUrl: tenant.url, tokens, governor: { initialRate: 1000 } });
    const libs = await libraries(setup, tenant.url);
    const all = (await Promise.all(libs.map((l) => files(setup, l)))).flat();
    if (all.length < options.items) throw new Error(`The dev tenant holds ${all.length} files, fewer than ${options.items}.`);
    const items = all.slice(0, options.items);
    log(`${items.length} files in ${libs.length} libraries`);

    const control = async (body: unknown): Promise<void> => {
      const res = await fetch(`${tenant.url}/devtenant/faults`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body)
      });
      if (!res.ok) throw new Error(await res.text());
    };
    await control({ latencyMs: options.latencyMs, rate: options.rate });

    // One request at a time (the way a naive loop labels), on a sample, in the same run.
    const sequentialGraph = createGraphGateway({ baseUrl: tenant.url, tokens });
    meter.reset();
    let t0 = Date.now();
    for (const item of all.slice(-options.sequentialSample))
      await setRetentionLabel(sequentialGraph, item, 'General Correspondence - 2 Years').catch(() => undefined);
    const sequentialPerSecond = options.sequentialSample / ((Date.now() - t0) / 1000);
    log(`one at a time: ${round(sequentialPerSecond, 1)} items/s`);

    // Graph $batch, with the gateway's default governor.
    const graph = createGraphGateway({ baseUrl: tenant.url, tokens });
    meter.reset();
    t0 = Date.now();
    const report = await bulkLabel(
      { jobId: 'bench-graph', label: 'Tax Records - 6 Years', target: { kind: 'driveItems', items } },
      { graph, checkpoints: createMemoryCheckpointStore(), now: Date.now }
    );
    const seconds = (Date.now() - t0) / 1000;
    const traffic = meter.read();
    const perSecond = items.length / seconds;
    results.push({
      benchmark: 'labelDriveItemsGraphBatch',
      items: items.length,
      latencyMs: options.latencyMs,
      ceilingPerSecond: options.rate,
      seconds: round(seconds, 2),
      itemsPerSecond: round(perSecond, 1),
      shareOfCeiling: round(perSecond / options.rate),
      requests: traffic.requests,
      throttled: traffic.throttled,
      throttledShare: round(traffic.throttled / Math.max(1, traffic.requests), 4),
      oneAtATimeItemsPerSecond: round(sequentialPerSecond, 1),
      speedUp: round(perSecond / sequentialPerSecond, 2),
      ...summary(report),
      goals: { shareOfCeiling: 0.95, throttledShare: 0.01, speedUp: 9 },
      met:
        perSecond / options.rate >= 0.95 &&
        traffic.throttled / Math.max(1, traffic.requests) <= 0.01 &&
        perSecond / sequentialPerSecond >= 9
    });
    log(JSON.stringify(results.at(-1)));

    // The same items as list items, through SetComplianceTagOnBulkItems.
    const byLibrary = new Map<Library, number[]>();
    const chosen = new Set(items.map((i) => i.driveId));
    for (const lib of libs.filter((l) => chosen.has(l.driveId))) byLibrary.set(lib, await listItemIds(setup, lib));
    const spGovernor = createGraphGateway({ baseUrl: tenant.url, tokens }).governor;
    const spGraph = createGraphGateway({ baseUrl: tenant.url, tokens, governor: spGovernor });
    const siteOf = (lib: Library): ReturnType<typeof createSharePoint> => createSharePoint(lib.siteUrl, { tokens, governor: spGovernor });
    const sampleLib = [...byLibrary.keys()][0];
    meter.reset();
    t0 = Date.now();
    for (const id of byLibrary.get(sampleLib)!.slice(0, 100))
      await setComplianceTagOnBulkItems(siteOf(sampleLib), sampleLib.listUrl, 'General Correspondence - 2 Years', [id]);
    const spSequentialPerSecond = Math.min(100, byLibrary.get(sampleLib)!.length) / ((Date.now() - t0) / 1000);
    meter.reset();
    t0 = Date.now();
    const spReports = await Promise.all(
      [...byLibrary.entries()].map(([lib, ids]) =>
        bulkLabel(
          {
            jobId: `bench-sp-${lib.listId}`,
            label: 'Tax Records - 6 Years',
            target: { kind: 'listItems', site: siteOf(lib), listUrl: lib.listUrl, items: ids.map((id) => ({ id })) }
          },
          { graph: spGraph, checkpoints: createMemoryCheckpointStore(), now: Date.now }
        )
      )
    );
    const spSeconds = (Date.now() - t0) / 1000;
    const spItems = spReports.reduce((n, r) => n + r.total, 0);
    const spTraffic = meter.read();
    results.push({
      benchmark: 'labelListItemsSetComplianceTagOnBulkItems',
      items: spItems,
      latencyMs: options.latencyMs,
      ceilingPerSecond: options.rate,
      seconds: round(spSeconds, 2),
      itemsPerSecond: round(spItems / spSeconds, 1),
      requests: spTraffic.requests,
      throttled: spTraffic.throttled,
      oneAtATimeItemsPerSecond: round(spSequentialPerSecond, 1),
      speedUp: round(spItems / spSeconds / spSequentialPerSecond, 2),
      labelled: spReports.reduce((n, r) => n + r.labelled.length, 0),
      failed: spReports.reduce((n, r) => n + r.failed.length, 0)
    });
    log(JSON.stringify(results.at(-1)));

    if (options.faultItems > 0) results.push(await faultRun(tenant.url, tokens, all.slice(0, options.faultItems), options, control));
  } finally {
    meter.stop();
    await tenant.close();
  }
  return results;
}

/** Labels under random faults twice, once whole and once cancelled halfway then resumed, and compares. */
async function faultRun(
  url: string,
  tokens: ReturnType<typeof createDevTenantTokenProvider>,
  items: { driveId: string; itemId: string; name: string }[],
  options: LabellingBenchOptions,
  control: (body: unknown) => Promise<void>
): Promise<BenchResult> {
  await control({ latencyMs: options.latencyMs, rate: 0, faults: options.faults });
  const job = (jobId: string) => ({ jobId, label: 'Marketing Materials - 3 Years', target: { kind: 'driveItems' as const, items } });
  const t0 = Date.now();
  const whole = await bulkLabel(job('fault-whole'), {
    graph: createGraphGateway({ baseUrl: url, tokens }),
    checkpoints: createMemoryCheckpointStore(),
    now: Date.now
  });
  const wholeSeconds = (Date.now() - t0) / 1000;
  const checkpoints = createMemoryCheckpointStore();
  const controller = new AbortController();
  const graph = createGraphGateway({ baseUrl: url, tokens });
  const first = await bulkLabel(job('fault-halves'), {
    graph,
    checkpoints,
    now: Date.now,
    signal: controller.signal,
    onProgress: (p) => {
      if (p.done >= p.total / 2) controller.abort();
    }
  });
  const resumed = await bulkLabel(job('fault-halves'), { graph, checkpoints, now: Date.now });
  await control({ faults: '' });
  const outcome = (r: BulkLabelReport): string =>
    JSON.stringify([...r.labelled.map((id) => [id, 'labelled']), ...r.failed.map((f) => [f.id, f.code])].sort());
  const named = [...whole.labelled, ...whole.failed.map((f) => f.id), ...whole.notDone];
  return {
    benchmark: 'faultRun',
    items: items.length,
    faults: options.faults,
    seconds: round(wholeSeconds, 2),
    ...summary(whole),
    eachNamedOnce: named.length === items.length && new Set(named).size === items.length,
    cancelledAt: first.labelled.length + first.failed.length,
    resumedEndsTheSame: resumed.status === 'completed' && outcome(resumed) === outcome(whole)
  };
}
