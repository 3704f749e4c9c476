/**
 * Quotes an OData string literal: wraps it in single quotes and doubles every quote inside
 * (OData ABNF `SQUOTE-in-string`). The one helper for every literal in `$filter`, function parameters and
 * SharePoint aliases; use `encodeODataString` where the literal enters a URL.
 *
 * @example quoteODataString("O'Brien") // "'O''Brien'"
 */
export function quoteODataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * The quoted literal, percent-encoded for a URL query or path (`#`, `&`, `+`, `%`, `/`, spaces and every
 * non-ASCII character encoded; the quotes stay, as servers decode before parsing the literal).
 *
 * @example `$filter=name eq ${encodeODataString('R&D #1')}` // "$filter=name eq 'R%26D%20%231'"
 */
export function encodeODataString(value: string): string {
  return encodeURIComponent(quoteODataString(value));
}
