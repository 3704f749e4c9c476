import type http from 'node:http';

/**
 * How much of a refused body is still read and thrown away after the 413 is sent. A client such as `fetch`
 * or a browser only reads the answer once it has sent its body, or when the connection closes: cutting it off
 * at once turns the 413 into a connection reset. Past this much more, the connection is closed anyway.
 */
const discardBytes = 256 * 1024 * 1024;

export type BodyRead = { tooLarge: false; body: Buffer } | { tooLarge: true };

/** Reads and throws away the rest of a refused body, closing the connection once `budget` bytes have passed. */
export function discardBody(req: http.IncomingMessage, budget = discardBytes): void {
  let seen = 0;
  req.removeAllListeners('data');
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > budget) req.destroy();
  });
  req.on('error', () => undefined);
  req.resume();
}

/**
 * Reads the request body up to `limit` bytes. A body that declares or reaches more settles as `tooLarge` at
 * once, without waiting for the rest, so the caller can answer 413 while the client is still sending; the
 * rest is read and discarded (see `discardBytes`). A body is never cut short and then answered as if whole.
 */
export function readBody(req: http.IncomingMessage, limit: number): Promise<BodyRead> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    discardBody(req, declared + discardBytes);
    return Promise.resolve({ tooLarge: true });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      settled = true;
      chunks.length = 0;
      discardBody(req);
      resolve({ tooLarge: true });
    });
    req.on('end', () => {
      if (!settled) resolve({ tooLarge: false, body: Buffer.concat(chunks) });
    });
    req.on('error', (err) => {
      if (!settled) reject(err);
    });
  });
}
