/** What one benchmark phase sent, as Graph counts it (each request inside a `$batch` is one). */
export interface Traffic {
  requests: number;
  throttled: number;
}

/**
 * Counts requests to `origin` and the 429s they got, inner `$batch` ones included, by wrapping the global fetch
 * the Graph client and PnPjs call. Node only (the benchmark).
 */
export function meterTraffic(origin: string): { read(): Traffic; reset(): void; stop(): void } {
  const original = globalThis.fetch;
  let traffic: Traffic = { requests: 0, throttled: 0 };
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
    const response = await original(input, init);
    if (!url.startsWith(origin) || url.startsWith(`${origin}/devtenant`)) return response;
    const isBatch = new URL(url).pathname.endsWith('/$batch');
    if (!isBatch || !response.ok) {
      traffic.requests++;
      if (response.status === 429) traffic.throttled++;
      return response;
    }
    const body = (await response.clone().json()) as { responses?: { status: number }[] };
    for (const r of body.responses ?? []) {
      traffic.requests++;
      if (r.status === 429) traffic.throttled++;
    }
    return response;
  }) as typeof fetch;
  return {
    read: () => ({ ...traffic }),
    reset: () => {
      traffic = { requests: 0, throttled: 0 };
    },
    stop: () => {
      globalThis.fetch = original;
    }
  };
}
