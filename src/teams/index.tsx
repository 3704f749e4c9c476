import { encodeQueryValue } from '../core/http/encodeQueryValue';
import * as React from 'react';
import { createDevTenantTokenProvider } from '../core/auth/createDevTenantTokenProvider';
import { createGraphGateway } from '../core/graph/createGraphGateway';
import { createIdbIndexStore } from '../core/services/index/createIdbIndexStore';
import { createMemoryIndexStore } from '../core/services/index/createMemoryIndexStore';
import type { IndexStore } from '../core/services/index/IndexStore';
import { ErrorCard } from '../ui/common';
import {
  composeDispositionsServices,
  DispositionsApp,
  type DemoControls,
  type DispositionsAppProps,
  type DispositionsServices
} from '../ui/dispositions';
import { mountApp } from '../ui/mountApp';
import {
  anchorLabelName,
  custodianClientId,
  demoAnchorLabelName,
  demoSharePointHost,
  readProofWriters,
  recordsSitePath,
  tabEntityId
} from './config';
import { DemoBanner } from './DemoBanner';
import { devTenantClock } from '../core/graph/devtenant/devTenantClock';
import { devTenantGeneration } from '../core/graph/devtenant/devTenantGeneration';
import type { GraphGateway } from '../core/graph/GraphGateway';
import { TabConfig } from './TabConfig';
import { connectToTeams, type TeamsHost } from './teamsHost';
import { fluentThemeForTeams } from './teamsTheme';
import { listTenantLibraries } from '../core/services/index/listTenantLibraries';
import { createDispositionService } from '../core/services/disposition/createDispositionService';
import { createDispositionWorkspace, type DispositionWorkspaceDeps } from '../core/services/disposition/dispositionWorkspace';
import { createEventsService } from '../core/services/events/createEventsService';
import { createForecastService } from '../core/services/forecast/createForecastService';
import { createHoldsService } from '../core/services/holds/createHoldsService';
import { createSearchService } from '../core/services/search/createSearchService';

/** The records manager's capabilities over one workspace (one index, one review), as the app asks for them. */
function recordsManagerServices(deps: DispositionWorkspaceDeps, demo?: DemoControls): DispositionsServices {
  const workspace = createDispositionWorkspace(deps);
  return composeDispositionsServices({
    disposition: createDispositionService(workspace),
    holds: createHoldsService(workspace),
    events: createEventsService(workspace),
    forecast: createForecastService(workspace),
    search: createSearchService(workspace),
    ...(demo ? { demo } : {})
  });
}

/** In Teams: the signed-in user through nested app authentication, the index kept in IndexedDB. */
async function teamsServices(host: TeamsHost, proofWriters: string[] | undefined): Promise<DispositionsServices> {
  // MSAL is loaded only inside Teams: the demo on the dev tenant never needs it.
  const { createNaaTokenProvider } = await import('../core/auth/createNaaTokenProvider');
  const graph = createGraphGateway({
    tokens: createNaaTokenProvider({ clientId: custodianClientId, ...(host.loginHint ? { loginHint: host.loginHint } : {}) })
  });
  let store: IndexStore;
  try {
    store = await createIdbIndexStore();
  } catch {
    // Storage refused (private mode, policy): the index is rebuilt each session instead.
    store = createMemoryIndexStore();
  }
  return recordsManagerServices({
    graph,
    store,
    libraries: () => listTenantLibraries(graph),
    now: () => Promise.resolve(new Date().toISOString()),
    recordsSiteUrl: `https://${host.sharePointDomain ?? 'contoso.sharepoint.com'}${recordsSitePath}`,
    anchorLabelName,
    ...(proofWriters ? { proofWriters } : {}),
    actorIsRecordsManager: false
  });
}

/**
 * Demo mode's index store: IndexedDB named after the dev tenant's generation, so that the tab opened again shows the
 * queue it last read at once (as in Teams), while a reset or reseeded tenant starts a fresh index; the databases of
 * earlier generations are deleted. Memory when the tenant has no generation or the browser refuses storage.
 */
async function demoIndexStore(graph: GraphGateway): Promise<IndexStore> {
  const prefix = 'custodian-disposition-index-demo-';
  try {
    const generation = await devTenantGeneration(graph);
    if (generation === undefined) return createMemoryIndexStore();
    const name = `${prefix}${generation}`;
    const known = (await indexedDB.databases?.()) ?? [];
    for (const { name: other } of known) if (other?.startsWith(prefix) && other !== name) indexedDB.deleteDatabase(other);
    return await createIdbIndexStore(name);
  } catch {
    return createMemoryIndexStore();
  }
}

/** Demo mode: the records manager persona of the dev tenant served on this page's origin (`npm start`). */
async function demoServices(): Promise<DispositionsServices> {
  const origin = window.location.origin;
  const graph = createGraphGateway({ tokens: createDevTenantTokenProvider({ url: origin, persona: 'records-manager' }), baseUrl: origin });
  const clock = devTenantClock(graph);
  return recordsManagerServices(
    {
      graph,
      store: await demoIndexStore(graph),
      libraries: () => listTenantLibraries(graph),
      now: () => clock.now(),
      recordsSiteUrl: `https://${demoSharePointHost}${recordsSitePath}`,
      anchorLabelName: demoAnchorLabelName,
      actorIsRecordsManager: true
    },
    { persona: 'Priya Raman (records manager)', now: () => clock.now(), advanceClock: (days) => clock.advance(days) }
  );
}

/** The demo's deep link: `?item=<key>` in the address bar, kept current as items are opened. */
const demoLinks: Pick<DispositionsAppProps, 'onItemOpened' | 'itemHref'> = {
  onItemOpened(key) {
    const search = key ? `?item=${encodeQueryValue(key)}` : '';
    window.history.replaceState(null, '', `${window.location.pathname}${search}`);
  },
  itemHref: (key) => `?item=${encodeQueryValue(key)}`
};

function TabRoot({
  services,
  host,
  initialItemKey
}: {
  services: DispositionsServices;
  host: TeamsHost;
  initialItemKey?: string;
}): React.ReactElement {
  const [dataVersion, setDataVersion] = React.useState(0);
  const demo = services.demo;
  return (
    <DispositionsApp
      services={services}
      initialItemKey={initialItemKey}
      dataVersion={dataVersion}
      {...(host.inTeams ? { shareItemLink: host.shareDeepLink && ((item) => host.shareDeepLink?.(item.key, item.name)) } : demoLinks)}
      banner={demo ? <DemoBanner demo={demo} onClockMoved={() => setDataVersion((v) => v + 1)} /> : undefined}
    />
  );
}

async function start(): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  const host = await connectToTeams(window);
  let render: (theme: string | undefined) => void;
  if (params.get('view') === 'config') {
    const writers = readProofWriters(params);
    host.enableConfigSave?.({
      entityId: tabEntityId,
      // The writers named in the manifest's configurationUrl are kept in the tab's content URL (see readProofWriters).
      contentUrl: `${window.location.origin}/teams/index.html${writers ? `?proofWriters=${encodeQueryValue(writers.join(','))}` : ''}`,
      suggestedDisplayName: 'Dispositions'
    });
    render = (theme) => mountApp(<TabConfig />, fluentThemeForTeams(theme));
  } else {
    // In Teams the page's query is the tab configuration's content URL; the demo always trusts on first use.
    const services = host.inTeams ? await teamsServices(host, readProofWriters(params)) : await demoServices();
    const initialItemKey = (host.inTeams ? host.subPageId : params.get('item')) || undefined;
    render = (theme) => mountApp(<TabRoot services={services} host={host} initialItemKey={initialItemKey} />, fluentThemeForTeams(theme));
  }
  // Outside Teams, `?theme=dark` or `?theme=contrast` previews the Teams theme the tab would get.
  render(host.inTeams ? host.theme : (params.get('theme') ?? undefined));
  host.onThemeChange(render);
}

start().catch((error: unknown) => {
  mountApp(
    <main style={{ padding: 24 }}>
      <h1>Dispositions</h1>
      <ErrorCard error={error} fallbackWhat="The Dispositions tab could not start." />
    </main>,
    fluentThemeForTeams(undefined)
  );
});
