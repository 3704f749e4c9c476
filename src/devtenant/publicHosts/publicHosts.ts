import { sharePointHost } from '../auth/personas';

/**
 * The host names Microsoft 365 answers on, which the dev tenant takes in its public-hosts mode so that clients it
 * was not written for (CLI for Microsoft 365) run unchanged: each name resolves to the dev tenant only inside the
 * client's own process (`hostMap.mjs`), over TLS with a certificate from a local certificate authority
 * (`certificates.ts`). Nothing is written to the machine's hosts file or trust store.
 */
const tenantName = sharePointHost.split('.')[0];

export const publicHostNames = {
  graph: 'graph.microsoft.com',
  login: 'login.microsoftonline.com',
  sharePoint: sharePointHost,
  sharePointAdmin: `${tenantName}-admin.sharepoint.com`,
  oneDrive: `${tenantName}-my.sharepoint.com`
} as const;

export type PublicHostKind = keyof typeof publicHostNames;

const byName = new Map<string, PublicHostKind>(
  Object.entries(publicHostNames).map(([kind, name]): [string, PublicHostKind] => [name, kind as PublicHostKind])
);

/** Which Microsoft 365 host a request's `Host` names (a port, if any, is ignored); undefined for any other. */
export function publicHostKind(host: string | undefined): PublicHostKind | undefined {
  if (!host) return undefined;
  return byName.get(host.toLowerCase().replace(/:\d+$/, ''));
}

/** The origins URLs are built from: where a request came in, and where sites and OneDrives live. */
export interface Origins {
  /** Links back to the API answering (`@odata.nextLink`, upload and monitor URLs). */
  origin: string;
  /** SharePoint sites' `webUrl`s. */
  siteOrigin: string;
  /** OneDrive personal sites' `webUrl`s. */
  oneDriveOrigin: string;
}

/** In public-hosts mode: the origin of the host the request named; sites and OneDrives on their own hosts. */
export function publicOrigins(kind: PublicHostKind): Origins {
  return {
    origin: `https://${publicHostNames[kind]}`,
    siteOrigin: `https://${publicHostNames.sharePoint}`,
    oneDriveOrigin: `https://${publicHostNames.oneDrive}`
  };
}
