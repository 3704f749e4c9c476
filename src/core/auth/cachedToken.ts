import type { Timing } from '../http/Timing';

export interface IssuedToken {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresOn: number;
}

/** Tokens are renewed this long before they expire, so a request never leaves with one about to lapse. */
export const renewBeforeExpiryMs = 5 * 60 * 1000;

/**
 * A per-resource, in-memory token cache that also merges concurrent requests for the same resource into one
 * fetch. Memory only: a token never reaches localStorage.
 */
export class TokenCache {
  private readonly tokens = new Map<string, IssuedToken>();
  private readonly pending = new Map<string, Promise<IssuedToken>>();

  constructor(private readonly timing: Pick<Timing, 'now'>) {}

  async get(resource: string, fetchToken: () => Promise<IssuedToken>, forceRefresh = false): Promise<string> {
    const cached = this.tokens.get(resource);
    if (!forceRefresh && cached && cached.expiresOn - renewBeforeExpiryMs > this.timing.now()) return cached.accessToken;
    let inFlight = this.pending.get(resource);
    if (!inFlight) {
      inFlight = fetchToken().finally(() => this.pending.delete(resource));
      this.pending.set(resource, inFlight);
    }
    const token = await inFlight;
    this.tokens.set(resource, token);
    return token.accessToken;
  }

  clear(): void {
    this.tokens.clear();
  }
}
