/// <reference types="office-js" />
import * as React from 'react';
import { createDevTenantTokenProvider, type DevTenantPersona } from '../core/auth/createDevTenantTokenProvider';
import { createNaaTokenProvider } from '../core/auth/createNaaTokenProvider';
import type { TokenProvider } from '../core/auth/TokenProvider';
import { createGraphGateway } from '../core/graph/createGraphGateway';
import { createSharePoint } from '../core/sharepoint/createSharePoint';
import { mountApp } from '../ui/mountApp';
import type { GraphGateway } from '../core/graph/GraphGateway';
import { createDeclareService } from '../core/services/declare/createDeclareService';
import { readNewestMessage } from '../core/services/demo/readNewestMessage';
import { createFileEmailService } from '../core/services/fileEmail/createFileEmailService';
import { tenantRecordsSiteUrl } from '../core/services/recordsSite/tenantRecordsSiteUrl';
import { custodianClientId, demoSharePointHost, recordsSitePath } from './config';
import { DemoToolbar } from './DemoToolbar';
import { createDemoHost, demoDocuments, type DemoChoice } from './hosts/demo';
import { createLocalPreferences } from './hosts/preferences';
import { detectHost, supportsNaa } from './hosts/detectHost';
import type { HostAdapter } from './hosts/HostAdapter';
import { createOutlookComposeHost } from './hosts/outlookCompose';
import { createOutlookReadHost } from './hosts/outlookRead';
import { createWordHost } from './hosts/word';
import { isInsideOffice, loadOfficeJs } from './officeHost';
import { createPaneServices } from './services/createPaneServices';
import type { PaneServices } from './services/PaneServices';
import { TaskPaneApp, type PaneNotice } from './TaskPaneApp';

/** Builds the pane's services for one signed-in identity. Only the base URL and the token provider differ by host. */
function servicesFor(
  tokens: TokenProvider,
  options: { baseUrl?: string; actor?: { isContainerAdmin: boolean }; recordsSiteUrl?: string } = {}
): { services: PaneServices; graph: GraphGateway } {
  const graph = createGraphGateway({ tokens, ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}) });
  const fixedSite = options.recordsSiteUrl;
  const recordsSiteUrl = fixedSite ? () => Promise.resolve(fixedSite) : tenantRecordsSiteUrl(graph, recordsSitePath);
  const sharePoint = (siteUrl: string): ReturnType<typeof createSharePoint> => createSharePoint(siteUrl, { tokens });
  const declare = createDeclareService({
    graph,
    // Person and managed metadata columns go through SharePoint REST (ValidateUpdateListItem): Graph cannot write them.
    sharePoint,
    ...(options.actor ? { actor: options.actor } : {}),
    recordsSiteUrl
  });
  const services = createPaneServices({ declare, fileEmail: createFileEmailService({ graph, recordsSiteUrl, sharePoint }) });
  return { services, graph };
}

/** Word's signed-in user, for `ssoSilent`; absent when the host cannot say (older builds). */
async function wordLoginHint(): Promise<string | undefined> {
  try {
    const context = await Office.auth.getAuthContext();
    return context.userPrincipalName || undefined;
  } catch {
    return undefined;
  }
}

const popupNotice: PaneNotice = {
  id: 'no-naa',
  intent: 'warning',
  title: 'Sign-in opens a window.',
  text: 'This version of Office does not support signing in inside the add-in (nested app authentication). Custodian will open a Microsoft sign-in window when it needs one: allow pop-ups for it if your browser asks, or update Office to sign in without one.'
};

async function startInOffice(): Promise<void> {
  await loadOfficeJs();
  const info = await Office.onReady();
  const kind = detectHost(info, Office.context.mailbox);
  const naa = supportsNaa(Office.context.requirements);
  let host: HostAdapter;
  let loginHint: string | undefined;
  if (kind === 'word') {
    host = createWordHost({ document: Office.context.document, run: (batch) => Word.run(batch) });
    loginHint = naa ? await wordLoginHint() : undefined;
  } else {
    const mailbox = Office.context.mailbox;
    host =
      kind === 'outlookRead'
        ? createOutlookReadHost({ mailbox, roamingSettings: Office.context.roamingSettings })
        : createOutlookComposeHost({ context: Office.context });
    loginHint = mailbox.userProfile?.emailAddress || undefined;
  }
  // NAA where the host supports it; elsewhere MSAL's nestable client falls back to a standard one and signs in with a pop-up.
  const { services } = servicesFor(createNaaTokenProvider({ clientId: custodianClientId, ...(loginHint ? { loginHint } : {}) }));
  mountApp(<TaskPaneApp hostName={host.label} session={{ host, services }} notices={naa ? [] : [popupNotice]} />);
}

function initialDemoChoice(search: string): DemoChoice | undefined {
  const wanted = new URLSearchParams(search).get('demo');
  if (wanted === 'message') return { kind: 'message' };
  const known = demoDocuments.find((d) => d.id === wanted);
  return known ? { kind: 'document', id: known.id } : undefined;
}

/** localStorage, or undefined where the browser refuses it (storage disabled). */
function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Personas that administer every site in the dev tenant (may relabel a locked record). */
const containerAdmins: readonly DevTenantPersona[] = ['site-owner', 'records-manager', 'admin'];

/** Demo mode: the dev tenant is served on this page's origin (`/v1.0`, `/devtenant`) by `npm start`. */
function DemoRoot(): React.ReactElement {
  const [persona, setPersona] = React.useState<DevTenantPersona>('office-worker');
  // `?demo=contract` (a demo document's id) or `?demo=message` opens that item at once (links, the benchmark).
  const [choice, setChoice] = React.useState<DemoChoice | undefined>(() => initialDemoChoice(window.location.search));
  const origin = window.location.origin;
  const { services, graph } = React.useMemo(
    () =>
      servicesFor(createDevTenantTokenProvider({ url: origin, persona }), {
        baseUrl: origin,
        actor: { isContainerAdmin: containerAdmins.includes(persona) },
        recordsSiteUrl: `https://${demoSharePointHost}${recordsSitePath}`
      }),
    [origin, persona]
  );
  // The persona's choices (the records library for email) in localStorage, one key per persona: ids only, no token.
  const preferences = React.useMemo(() => createLocalPreferences(safeLocalStorage(), persona), [persona]);
  const host = React.useMemo(
    () => (choice ? createDemoHost(choice, { readMessage: (signal) => readNewestMessage(graph, signal), preferences }) : undefined),
    [choice, graph, preferences]
  );
  return (
    <TaskPaneApp
      hostName="Demo"
      session={host ? { host, services } : undefined}
      toolbar={<DemoToolbar persona={persona} onPersonaChange={setPersona} choice={choice} onOpen={setChoice} canOpenMessage />}
    />
  );
}

function start(): Promise<void> {
  if (!isInsideOffice(window.location.search)) {
    mountApp(<DemoRoot />);
    return Promise.resolve();
  }
  return startInOffice();
}

start().catch((error: unknown) => {
  mountApp(<TaskPaneApp hostName="Office" startupError={error} />);
});
