import type * as Msal from '@azure/msal-browser';
import type { Configuration, IPublicClientApplication } from '@azure/msal-browser';
import { authFailure } from './authFailure';
import { shortScopeName, type TokenProvider } from './TokenProvider';

export interface NaaTokenOptions {
  /** Custodian's app registration (SPA redirect `brk-multihub://<origin>`). */
  clientId: string;
  /** Defaults to `https://login.microsoftonline.com/common`. */
  authority?: string;
  /** The signed-in user's UPN (Word/Excel/PowerPoint: `Office.auth.getAuthContext()`), for `ssoSilent`. */
  loginHint?: string;
  /** For tests: builds the client (defaults to MSAL's `createNestablePublicClientApplication`). */
  createClient?: (configuration: Configuration) => Promise<IPublicClientApplication>;
}

/**
 * Tokens through nested app authentication (Office add-ins, Teams tabs): silent first (`acquireTokenSilent`
 * with the known account, else `ssoSilent` with the login hint), then a popup when MSAL says interaction is
 * required. The token cache is MSAL's in sessionStorage: a token never reaches localStorage.
 * Scopes are `<resource>/.default`, i.e. what the app registration was granted.
 * MSAL (about 300 KB) is loaded on the first token request, so a page that never signs in (demo mode) never
 * downloads it.
 */
export function createNaaTokenProvider(options: NaaTokenOptions): TokenProvider {
  const configuration: Configuration = {
    auth: { clientId: options.clientId, authority: options.authority ?? 'https://login.microsoftonline.com/common' },
    cache: { cacheLocation: 'sessionStorage' }
  };
  let client: Promise<IPublicClientApplication> | undefined;
  const createClient = options.createClient ?? (async (c: Configuration) => (await loadMsal()).createNestablePublicClientApplication(c));
  const getClient = (): Promise<IPublicClientApplication> => (client ??= createClient(configuration));

  // The scopes of the last token per resource, as MSAL's AuthenticationResult gives them.
  const granted = new Map<string, readonly string[]>();
  const remember = (resource: string, result: { scopes?: string[] }): void => {
    if (Array.isArray(result.scopes)) granted.set(resource, result.scopes.map(shortScopeName));
    else granted.delete(resource);
  };
  const provider: TokenProvider = {
    async grantedScopes(resource, request) {
      await provider.getAccessToken(resource, request);
      return granted.get(resource);
    },
    async getAccessToken(resource, request) {
      const scopes = [`${resource.replace(/\/+$/, '')}/.default`];
      let pca: IPublicClientApplication;
      try {
        pca = await getClient();
      } catch (e) {
        client = undefined;
        throw authFailure(e);
      }
      const account = pca.getActiveAccount() ?? pca.getAllAccounts()[0];
      try {
        const result = account
          ? await pca.acquireTokenSilent({ scopes, account, forceRefresh: request?.forceRefresh })
          : await pca.ssoSilent({ scopes, loginHint: options.loginHint });
        remember(resource, result);
        return result.accessToken;
      } catch (e) {
        const { InteractionRequiredAuthError } = await loadMsal();
        if (!(e instanceof InteractionRequiredAuthError) && !(account === undefined && isSsoMiss(e))) throw authFailure(e);
      }
      try {
        const result = await pca.acquireTokenPopup({ scopes, loginHint: options.loginHint, account });
        if (result.account) pca.setActiveAccount(result.account);
        remember(resource, result);
        return result.accessToken;
      } catch (e) {
        throw authFailure(e);
      }
    }
  };
  return provider;
}

let msal: Promise<typeof Msal> | undefined;
const loadMsal = (): Promise<typeof Msal> => (msal ??= import('@azure/msal-browser'));

/** `ssoSilent` without a usable session fails with codes that a popup can fix. */
function isSsoMiss(e: unknown): boolean {
  const code = (e as { errorCode?: unknown } | null)?.errorCode;
  return typeof code === 'string' && /login_required|interaction_required|consent_required|no_account|silent_sso/i.test(code);
}
