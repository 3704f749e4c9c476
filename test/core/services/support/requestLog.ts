/** One request that left the client for the dev tenant. */
export interface LoggedRequest {
  method: string;
  url: string;
  /** For a `$batch`, the inner requests (method and url), as Graph counts them. */
  inner: { method: string; url: string }[];
  body?: string;
  /** The request's headers, names in lower case. */
  headers: Record<string, string>;
}

export interface RequestLog {
  readonly requests: LoggedRequest[];
  /** Requests as Graph counts them: each inner request of a `$batch` is one. */
  count(): number;
  clear(): void;
  stop(): void;
}

/**
 * Records every request the client sends to `origin` by wrapping the global fetch the Graph client's
 * HTTPMessageHandler and PnPjs call at request time. It observes, it never answers: the dev tenant does.
 */
export function logRequests(origin: string): RequestLog {
  const original = globalThis.fetch;
  const requests: LoggedRequest[] = [];
  const spy = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
    if (url.startsWith(origin)) {
      const method = (init?.method ?? (typeof input === 'object' && 'method' in input ? input.method : 'GET')).toUpperCase();
      const body = typeof init?.body === 'string' ? init.body : undefined;
      let inner: LoggedRequest['inner'] = [];
      if (/\/\$batch$/.test(new URL(url).pathname) && body) {
        inner = ((JSON.parse(body) as { requests: { method: string; url: string }[] }).requests ?? []).map((r) => ({
          method: r.method,
          url: r.url
        }));
      }
      const headers = Object.fromEntries(
        new Headers(init?.headers ?? (typeof input === 'object' && 'headers' in input ? input.headers : undefined)).entries()
      );
      requests.push({ method, url, inner, body, headers });
    }
    return original(input, init);
  };
  globalThis.fetch = spy as typeof fetch;
  return {
    requests,
    count: () => requests.reduce((n, r) => n + (r.inner.length || 1), 0),
    clear: () => void requests.splice(0),
    stop: () => {
      globalThis.fetch = original;
    }
  };
}
