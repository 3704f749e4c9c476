/**
 * Gives an access token for one resource. Every host supplies one: NAA (Office add-in, Teams tab), SPFx
 * (the web part hands in its AadTokenProvider), the dev tenant (a persona's token).
 *
 * `resource` is the origin the token is for: `https://graph.microsoft.com` for Graph, a SharePoint origin
 * (`https://contoso.sharepoint.com`) for SharePoint REST. Implementations cache tokens; callers ask per request.
 * A token is a secret: never log it, never put it in a URL or an error.
 */
export interface TokenProvider {
  getAccessToken(resource: string, options?: TokenRequestOptions): Promise<string>;
  /**
   * The delegated permissions (`RecordsManagement.ReadWrite.All`, ...) the person's token for `resource` carries,
   * as the sign-in answered them (MSAL's result, the dev tenant's token answer); undefined when the host does not
   * say (SPFx's AadTokenProvider gives the token only). Lets a surface say "you can't" before offering an action.
   * Having the permission is not the whole story: Purview also checks the person's role, so a refusal can still come.
   */
  grantedScopes?(resource: string, options?: TokenRequestOptions): Promise<readonly string[] | undefined>;
}

/** A scope as Graph's permission reference names it: `https://graph.microsoft.com/Sites.Read.All` becomes `Sites.Read.All`. */
export function shortScopeName(scope: string): string {
  return scope.slice(scope.lastIndexOf('/') + 1);
}

export interface TokenRequestOptions {
  signal?: AbortSignal;
  /** Skip any cached token (after a 401 that says the token was revoked). */
  forceRefresh?: boolean;
}

/** The Graph resource, as Entra names it. */
export const graphResource = 'https://graph.microsoft.com';
