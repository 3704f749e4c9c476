/**
 * SHA-256 of a string's UTF-8 bytes as 64 lowercase hex digits, with Web Crypto
 * (`globalThis.crypto.subtle`), so the same code runs in browsers, Office add-ins, SPFx and Node 20.
 * Rejects only when the host has no Web Crypto (an insecure http: page, for instance).
 *
 * @example await sha256Hex('abc') // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export async function sha256Hex(text: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) {
    throw new Error('Web Crypto (crypto.subtle) is not available here; it needs a secure (https) context.');
  }
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
