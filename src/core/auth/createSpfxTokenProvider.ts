import { authFailure } from './authFailure';
import type { TokenProvider } from './TokenProvider';

/**
 * Adapts the token function an SPFx web part hands in, since core cannot import SPFx:
 * `createSpfxTokenProvider(async (resource) => (await this.context.aadTokenProviderFactory.getTokenProvider()).getToken(resource))`.
 * SPFx caches and renews its tokens itself. Graph permissions come from `webApiPermissionRequests` in
 * package-solution.json, approved in the SharePoint admin center.
 */
export function createSpfxTokenProvider(getToken: (resource: string) => Promise<string>): TokenProvider {
  return {
    async getAccessToken(resource) {
      try {
        return await getToken(resource);
      } catch (e) {
        throw authFailure(e);
      }
    }
  };
}
