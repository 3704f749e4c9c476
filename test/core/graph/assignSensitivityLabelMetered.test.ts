// assignSensitivityLabel is metered. Outside truth: "driveItem: assignSensitivityLabel"
// (https://learn.microsoft.com/graph/api/driveitem-assignsensitivitylabel: "Before you call this API, you must enable
// metered APIs and services in Microsoft Graph"), "Metered APIs and services in Microsoft Graph"
// (https://learn.microsoft.com/graph/metered-api-list), the errors page (402 Payment Required: "The payment
// requirements for the API haven't been met") and SharePoint's tenant limit "Assign Sensitivity Label: 100 per 5 min"
// ("Avoid getting throttled or blocked in SharePoint Online"). The dev tenant emulates both with `metered`.
import { createDevTenantTokenProvider } from '../../../src/core/auth/createDevTenantTokenProvider';
import { createGraphGateway } from '../../../src/core/graph/createGraphGateway';
import { assignSensitivityLabel } from '../../../src/core/graph/driveItems/assignSensitivityLabel';
import type { GraphGateway } from '../../../src/core/graph/GraphGateway';
import { abortError, type Timing } from '../../../src/core/http/Timing';
import { startDevTenant, type RunningDevTenant } from '../../../src/devtenant/index';

let tenant: RunningDevTenant;
const realFetch = globalThis.fetch.bind(globalThis);

/** Virtual time shared with the dev tenant: every wait moves the dev tenant's clock forward by as much, at once. */
function tenantTiming(url: string, waits: number[]): Timing {
  let now = Date.now();
  return {
    now: () => now,
    random: () => 0.5,
    async sleep(ms, signal) {
      if (signal?.aborted) throw abortError(signal);
      waits.push(ms);
      now += Math.max(0, ms);
      await realFetch(`${url}/devtenant/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ seconds: Math.ceil(Math.max(0, ms) / 1000) })
      });
    }
  };
}

async function start(
  metered: string,
  waits: number[]
): Promise<{ graph: GraphGateway; ref: { driveId: string; itemId: string }; labelId: string }> {
  tenant = await startDevTenant({ memory: true, items: 0, metered });
  const token = ((await (await realFetch(`${tenant.url}/devtenant/token?persona=office-worker`)).json()) as { access_token: string })
    .access_token;
  const auth = { authorization: `Bearer ${token}` };
  const site = (await (
    await realFetch(`${tenant.url}/v1.0/sites/custodiandev.sharepoint.com:/sites/records`, { headers: auth })
  ).json()) as { id: string };
  const drive = (
    (await (await realFetch(`${tenant.url}/v1.0/sites/${encodeURIComponent(site.id)}/drives`, { headers: auth })).json()) as {
      value: { id: string }[];
    }
  ).value[0];
  const file = (await (
    await realFetch(`${tenant.url}/v1.0/drives/${drive.id}/root:/Metered.txt:/content`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'text/plain' },
      body: 'x'
    })
  ).json()) as { id: string };
  const labels = (await (
    await realFetch(`${tenant.url}/v1.0/security/dataSecurityAndGovernance/sensitivityLabels`, { headers: auth })
  ).json()) as {
    value: { id: string; isAppliable?: boolean }[];
  };
  const graph = createGraphGateway({
    baseUrl: tenant.url,
    tokens: createDevTenantTokenProvider({ url: tenant.url, persona: 'office-worker' }),
    timing: tenantTiming(tenant.url, waits),
    governor: { initialRate: 2000 }
  });
  return { graph, ref: { driveId: drive.id, itemId: file.id }, labelId: labels.value.find((l) => l.isAppliable !== false)!.id };
}

afterEach(async () => {
  jest.restoreAllMocks();
  await tenant.close();
});

describe('assignSensitivityLabel, a metered API', () => {
  it('explains a 402 (billing not set up) in plain words, with what to do', async () => {
    const { graph, ref, labelId } = await start('unbilled', []);
    const e = await assignSensitivityLabel(graph, ref, { sensitivityLabelId: labelId }, { itemName: 'Metered.txt' }).catch(
      (x: unknown) => x
    );
    expect(e).toMatchObject({
      name: 'CustodianError',
      status: 402,
      what: "Custodian couldn't apply the sensitivity label to 'Metered.txt'.",
      why: 'This Microsoft 365 feature is metered and billing is not set up for Custodian in your organisation.',
      whatToDo: 'Ask your Microsoft 365 administrator to link Custodian to an Azure subscription.'
    });
  });

  it('keeps to 100 calls in five minutes: the 101st waits for the window instead of meeting a 429', async () => {
    const waits: number[] = [];
    const { graph, ref, labelId } = await start('billed', waits);
    const statuses: number[] = [];
    jest.spyOn(globalThis, 'fetch').mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
      const answer = await realFetch(input, init);
      if (String(typeof input === 'object' && 'url' in input ? input.url : input).includes('/assignSensitivityLabel'))
        statuses.push(answer.status);
      return answer;
    });
    const monitors: string[] = [];
    for (let i = 0; i < 101; i++) monitors.push(await assignSensitivityLabel(graph, ref, { sensitivityLabelId: labelId }));
    expect(monitors.every((m) => m.includes('/devtenant/monitor/'))).toBe(true);
    expect(statuses.filter((s) => s === 429)).toHaveLength(0);
    expect(statuses).toHaveLength(101);
    expect(waits).toHaveLength(1); // the 101st call, once
  });
});
