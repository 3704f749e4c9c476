import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface PeerReply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Destroy the socket instead of answering (a dropped connection). */
  drop?: boolean;
  /** Answer only after this promise settles (to test aborts). */
  after?: Promise<unknown>;
}

export type PeerHandler = (req: SeenRequest) => PeerReply | Promise<PeerReply>;

export interface LoopbackPeer {
  url: string;
  seen: SeenRequest[];
  /** Answers the next requests in order, then falls back to `otherwise`. */
  queue(...replies: PeerReply[]): void;
  otherwise: PeerHandler;
  close(): Promise<void>;
}

/**
 * A small HTTP server on 127.0.0.1 that a test controls: it answers exactly what the test queues, so the
 * pipeline's behaviour (retries, Retry-After, dropped connections, batching, paging) is tested over real HTTP.
 * It is a peer for the pipeline, not a fake gateway: operations are tested against the dev tenant.
 */
export async function startLoopbackPeer(): Promise<LoopbackPeer> {
  const seen: SeenRequest[] = [];
  const queued: PeerReply[] = [];
  const peer: LoopbackPeer = {
    url: '',
    seen,
    queue: (...replies) => void queued.push(...replies),
    otherwise: () => ({ status: 500, body: { error: { code: 'unexpected', message: 'The test queued no answer for this request.' } } }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      })
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request: SeenRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8')
      };
      seen.push(request);
      const next = queued.shift();
      void Promise.resolve(next ?? peer.otherwise(request)).then(async (reply) => {
        if (reply.after) await reply.after.catch(() => undefined);
        if (reply.drop) {
          req.socket.destroy();
          return;
        }
        const headers: Record<string, string> = { ...(reply.headers ?? {}) };
        let payload = '';
        if (reply.body !== undefined) {
          payload = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
          if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
            headers['Content-Type'] = typeof reply.body === 'string' ? 'text/plain' : 'application/json';
        }
        if (res.destroyed) return;
        res.writeHead(reply.status ?? 200, headers);
        res.end(payload);
      });
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  peer.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return peer;
}

/** A token provider for tests: a fixed token per resource, counting requests. */
export function staticTokens(token = 'test-token-not-a-secret'): {
  getAccessToken: (resource: string) => Promise<string>;
  asked: string[];
} {
  const asked: string[] = [];
  return {
    asked,
    getAccessToken: async (resource: string) => {
      asked.push(resource);
      return token;
    }
  };
}
