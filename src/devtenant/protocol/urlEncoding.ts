/** Percent-encoding of URL path segments and the base64url Graph uses inside ids and sharing URLs. */

/** Encodes one URL path segment (a file name, a title); `/` inside the value is encoded too. */
export function encodePathSegment(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Encodes a server-relative path segment by segment, keeping the `/` separators. */
export function encodePath(path: string): string {
  return path.split('/').map(encodePathSegment).join('/');
}

/** Decodes a percent-encoded segment; malformed escapes give `undefined` rather than throwing. */
export function decodeSegment(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/** base64url without padding, as `/shares/u!{...}` and drive ids use it. */
export function base64UrlEncode(text: string | Buffer): string {
  const buf = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  return buf.toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

export function base64UrlDecode(value: string): string | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(value)) return undefined;
  const b64 = value.replace(/-/g, '+').replace(/_/g, '/');
  const text = Buffer.from(b64, 'base64').toString('utf8');
  return text.includes('\uFFFD') ? undefined : text;
}
