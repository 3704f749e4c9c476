/**
 * True when fetch can send this body again on a retry: nothing, a string, bytes, a Blob, form data.
 * A stream (web `ReadableStream`, a Node stream) is read as it is sent, so it cannot be replayed.
 */
export function isReplayableBody(body: unknown): boolean {
  if (body === undefined || body === null || typeof body === 'string') return true;
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return true;
  if (typeof Blob !== 'undefined' && body instanceof Blob) return true;
  if (typeof URLSearchParams !== 'undefined' && body instanceof URLSearchParams) return true;
  if (typeof FormData !== 'undefined' && body instanceof FormData) return true;
  return false;
}
