import { encodePathSegment } from './encodePathSegment';

/**
 * Percent-encodes a value placed in a URL's query (`?search=…`, an OData `$filter` or `$expand` expression) with
 * the same rules as a path segment: everything but unreserved characters, `'` included, so a quote in a name can
 * never end an OData literal early on its way through a proxy that decodes once.
 *
 * @example encodeQueryValue("fields($select=Title,O'Brien)") // "fields%28%24select%3DTitle%2CO%27Brien%29"
 */
export function encodeQueryValue(value: string): string {
  return encodePathSegment(value);
}
