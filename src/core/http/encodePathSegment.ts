/**
 * Percent-encodes one URL path segment (a file or folder name in `root:/{path}:` addressing), including the
 * sub-delimiters `encodeURIComponent` leaves alone (`! ' ( ) *`): a raw `'` reads as the start of an OData
 * literal to some parsers, and the service decodes `%27` back to the same name.
 *
 * @example encodePathSegment("O'Brien #2 (final).docx") // "O%27Brien%20%232%20%28final%29.docx"
 */
export function encodePathSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
