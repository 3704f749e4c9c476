/// <reference types="office-js" />
import * as React from 'react';
import { createDevTenantTokenProvider, type DevTenantPersona } from '../core/auth/createDevTenantTokenProvider';
import { createNaaTokenProvider } from '../core/auth/createNaaTokenProvider';
import type { TokenProvider } from '../core/auth/TokenProvider';
import { createGraphGateway } from '../core/graph/createGraphGateway';
import { mountApp } from '../ui/mountApp';
import { custodianClientId } from './config';
import { DemoToolbar } from './DemoToolbar';
import { createDemoHost, type DemoChoice } from './hosts/demo';
import { detectHost, supportsNaa } from './hosts/detectHost';
import type { HostAdapter } from './hosts/HostAdapter';
import { createOutlookComposeHost } from './hosts/outlookCompose';
import { createOutlookReadHost } from './hosts/outlookRead';
import { createWordHost } from './hosts/word';
import { isInsideOffice, loadOfficeJs } from './officeHost';
import { createPaneServices, type PaneServices } from './paneServices';
import { TaskPaneApp, type PaneNotice } from './TaskPaneApp';

/** Builds the pane's services for one signed-in identity. Only the base URL and the token provider differ by host. */
function servicesFor(tokens: TokenProvider, baseUrl?: string, actor?: { isContainerAdmin: boolean }): PaneServices {
  const graph = createGraphGateway({ tokens, ...(baseUrl ? { baseUrl } : {}) });
  return createPaneServices({ graph, ...(actor ? { actor } : {}) });
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
    host = kind === 'outlookRead' ? createOutlookReadHost({ mailbox }) : createOutlookComposeHost({ context: Office.context });
    loginHint = mailbox.userProfile?.emailAddress || undefined;
  }
  // NAA where the host supports it; elsewhere MSAL's nestable client falls back to a standard one and signs in with a pop-up.
  const services = servicesFor(createNaaTokenProvider({ clientId: custodianClientId, ...(loginHint ? { loginHint } : {}) }));
  mountApp(<TaskPaneApp hostName={host.label} session={{ host, services }} notices={naa ? [] : [popupNotice]} />);
}

/** Personas that administer every site in the dev tenant (may relabel a locked record). */
const containerAdmins: readonly DevTenantPersona[] = ['site-owner', 'records-manager', 'admin'];

/** Demo mode: the dev tenant is served on this page's origin (`/v1.0`, `/devtenant`) by `npm start`. */
function DemoRoot(): React.ReactElement {
  const [persona, setPersona] = React.useState<DevTenantPersona>('office-worker');
  const [choice, setChoice] = React.useState<DemoChoice | undefined>(undefined);
  const origin = window.location.origin;
  const services = React.useMemo(
    () =>
      servicesFor(createDevTenantTokenProvider({ url: origin, persona }), origin, { isContainerAdmin: containerAdmins.includes(persona) }),
    [origin, persona]
  );
  const host = React.useMemo(() => (choice ? createDemoHost(choice) : undefined), [choice]);
  return (
    <TaskPaneApp
      hostName="Demo"
      session={host ? { host, services } : undefined}
      toolbar={<DemoToolbar persona={persona} onPersonaChange={setPersona} choice={choice} onOpen={setChoice} canOpenMessage={false} />}
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
