import { createReadStream, existsSync, statSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8'
};

/** Something served on the same origin as the pages, such as the dev tenant (its Graph, SharePoint REST and control routes). */
export interface MountedHandler {
  owns(url: string): boolean;
  handle(request: http.IncomingMessage, response: http.ServerResponse): void;
  close(): Promise<void>;
}

export interface LocalServerOptions {
  /** The folder to serve, normally dist/. */
  root: string;
  /** 0 picks a free port. */
  port: number;
  /** Certificate and key in PEM: serve https (Office sideloading needs it). */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Builds what shares the origin once it is known (the port may be picked at listen time). */
  mount?: (origin: string) => Promise<MountedHandler>;
}

export interface LocalServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the built pages on loopback only. A request path is resolved inside `root` and refused
 * otherwise, so `/../` or an encoded variant can never read outside dist/.
 */
export function startLocalServer(options: LocalServerOptions): Promise<LocalServer> {
  const root = path.resolve(options.root);
  let mounted: MountedHandler | undefined;
  const handler: http.RequestListener = (request, response) => {
    if (mounted?.owns(request.url ?? '/')) {
      mounted.handle(request, response);
      return;
    }
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response
        .writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' })
        .end('Only GET and HEAD are served here.\n');
      return;
    }
    const file = resolveInside(root, request.url ?? '/');
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found.\n');
      return;
    }
    response.writeHead(200, {
      'Content-Type': contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': statSync(file).size,
      'Cache-Control': 'no-cache'
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  };
  const server = options.tls ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, handler) : http.createServer(handler);
  const listening = new Promise<string>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      const scheme = options.tls ? 'https' : 'http';
      // Office and Teams expect "localhost" in https origins (the certificate names it); plain http uses the loopback address.
      const host = options.tls ? 'localhost' : '127.0.0.1';
      resolve(`${scheme}://${host}:${port}`);
    });
  });
  return listening.then(async (url) => {
    try {
      mounted = options.mount ? await options.mount(url) : undefined;
    } catch (error) {
      await closeServer(server);
      throw error;
    }
    return {
      url,
      close: async () => {
        await closeServer(server);
        await mounted?.close();
      }
    };
  });
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.closeAllConnections();
    server.close((error) => (error ? reject(error) : resolve()));
  });
}

/** The file a URL path names inside `root` (a folder's index.html), or undefined when it does not exist or escapes `root`. */
export function resolveInside(root: string, url: string): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0')) return undefined;
  let file = path.resolve(root, `.${pathname}`);
  if (file !== root && !file.startsWith(root + path.sep)) return undefined;
  if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}
