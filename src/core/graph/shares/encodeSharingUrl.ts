import { base64UrlEncode } from '../../http/base64UrlEncode';

/**
 * The `shareIdOrEncodedSharingUrl` for `GET /shares/{id}/driveItem`: `u!` + base64url of the URL's UTF-8 bytes,
 * with no `=` padding, every `/` as `_` and every `+` as `-` (shares-get, "Encoding sharing URLs").
 * Browser-safe: PnPjs' `encodeSharingLink` needs Node's Buffer and replaces only the first `/` and `+`.
 *
 * @example encodeSharingUrl('https://onedrive.live.com/redir?resid=1231244193912!12&authKey=1201919!12921!1')
 * // 'u!aHR0cHM6Ly9vbmVkcml2ZS5saXZlLmNvbS9yZWRpcj9yZXNpZD0xMjMxMjQ0MTkzOTEyITEyJmF1dGhLZXk9MTIwMTkxOSExMjkyMSEx'
 */
export function encodeSharingUrl(url: string): string {
  return `u!${base64UrlEncode(new TextEncoder().encode(url))}`;
}
