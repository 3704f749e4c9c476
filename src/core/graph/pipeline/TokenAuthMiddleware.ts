import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { TokenProvider } from '../../auth/TokenProvider';
import { policyOf, setHeader, urlOf } from './contextHelpers';
import { RequestPolicy } from './RequestPolicy';

/**
 * First in the chain: adds `Authorization: Bearer` from the `TokenProvider`, once per logical request (retries
 * reuse it). Only for origins it was told about, so a token never travels to another host (a nextLink or upload
 * URL pointing elsewhere), and never for a request marked anonymous. The Graph client's own
 * AuthenticationHandler is not used: it drops the header for hosts other than graph.microsoft.com.
 */
export class TokenAuthMiddleware implements Middleware {
  private next?: Middleware;

  /** `resources` maps an origin (`http://127.0.0.1:7070`) to the resource its tokens are for. */
  constructor(
    private readonly tokens: TokenProvider,
    private readonly resources: ReadonlyMap<string, string>
  ) {}

  async execute(context: Context): Promise<void> {
    try {
      await this.authorise(context);
    } catch (e) {
      const holder = context.middlewareControl?.getMiddlewareOptions(RequestPolicy);
      if (holder instanceof RequestPolicy) holder.thrown = e;
      throw e;
    }
  }

  private async authorise(context: Context): Promise<void> {
    const policy = policyOf(context);
    let resource: string | undefined;
    try {
      resource = this.resources.get(new URL(urlOf(context)).origin);
    } catch {
      resource = undefined;
    }
    if (policy.anonymous || resource === undefined) setHeader(context, 'Authorization', undefined);
    else {
      const token = await this.tokens.getAccessToken(resource, { signal: context.options?.signal ?? undefined });
      setHeader(context, 'Authorization', `Bearer ${token}`);
    }
    if (!this.next) throw new Error('TokenAuthMiddleware must not be last in the chain.');
    await this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
