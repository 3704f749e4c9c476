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
}

export interface TokenRequestOptions {
  signal?: AbortSignal;
  /** Skip any cached token (after a 401 that says the token was revoked). */
  forceRefresh?: boolean;
}

/** The Graph resource, as Entra names it. */
export const graphResource = 'https://graph.microsoft.com';
