import type { GraphGateway } from '../../../../../src/core/graph/GraphGateway';
import { CustodianError } from '../../../../../src/core/http/CustodianError';
import { startDevTenantWithFaults, type DevTenantWithFaults } from '../../holds/support/devTenantWithFaults';
import { driveFiles, driveNamed } from '../../support/driveFiles';

/** A dev tenant behind the fault server, with the Finance site's invoices as a bulk labelling job's items. */
export async function startInvoicesWithFaults(): Promise<{
  tenant: DevTenantWithFaults;
  graph: GraphGateway;
  items: { driveId: string; itemId: string; name: string }[];
}> {
  const tenant = await startDevTenantWithFaults(400);
  const graph = tenant.graph('records-manager');
  const site = await graph.call<{ id: string }>({
    method: 'GET',
    url: '/sites/custodiandev.sharepoint.com:/sites/finance',
    action: 'open'
  });
  const items = await driveFiles(graph, await driveNamed(graph, site.id, 'Invoices'));
  return { tenant, graph, items };
}

/** A `$batch` answer with every inner response turned into SharePoint's 503 under load. */
const busyBatch = (body: unknown): unknown => ({
  responses: (body as { responses: { id: string }[] }).responses.map((r) => ({
    id: r.id,
    status: 503,
    headers: { 'Content-Type': 'application/json' },
    body: { error: { code: 'serviceNotAvailable', message: 'Server Busy' } }
  }))
});

/**
 * Answers the first `count` `$batch` requests (every one when undefined) with 503 inside, the dev tenant's real answer
 * rewritten; counts them all. `onSend` sees each one's number as it arrives.
 */
export function busyFor(tenant: DevTenantWithFaults, count?: number, onSend?: (n: number) => void): { sends: () => number } {
  let sends = 0;
  tenant.fault = ({ method, path }) => {
    if (method !== 'POST' || !path.endsWith('/$batch')) return undefined;
    sends += 1;
    onSend?.(sends);
    return count === undefined || sends <= count ? { rewrite: busyBatch } : undefined;
  };
  return { sends: () => sends };
}

/** The records site refusing a job's checkpoint (no write permission there). */
export const refusedSave = new CustodianError({
  status: 403,
  code: 'accessDenied',
  serviceMessage: 'Access denied.',
  source: 'graph',
  what: 'Custodian could not save the job.',
  why: 'You cannot write to the records site.',
  whatToDo: 'Ask for access.'
});
