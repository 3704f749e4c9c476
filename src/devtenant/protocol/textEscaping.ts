/** Text made safe for the formats the dev tenant writes besides JSON: XML and MIME headers. */

/** Escapes text for XML element content and attribute values. */
export function escapeXml(value: string): string {
  return value.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string);
}

/** Makes a value safe for one MIME header line: no CR/LF, non-ASCII as an RFC 2047 encoded word. */
export function mimeHeaderValue(value: string): string {
  const flat = value.replace(/[\r\n]+/g, ' ');
  // eslint-disable-next-line no-control-regex
  if (/^[\x20-\x7e]*$/.test(flat)) return flat;
  return `=?utf-8?B?${Buffer.from(flat, 'utf8').toString('base64')}?=`;
}
