/**
 * The dev tenant's protocol folder is its one place for protocol text: every string that enters or leaves a URL,
 * an OData literal, a `$filter`, a retention event's KQL query, a MIME header or XML is quoted or parsed there,
 * never by string interpolation elsewhere.
 *
 * OData rules follow OData v4 URL conventions (part 2, §5.1.1): a string literal is `'...'` with an embedded
 * `'` doubled; SharePoint REST keeps the same rule inside percent-encoded path segments (`Fo''lde''r`).
 */

/** Quotes a string as an OData literal: `O'Brien` -> `'O''Brien'`. */
export function quoteODataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export type ODataLiteral = string | number | boolean | null;

/** Parses one OData literal: `'it''s'`, `guid'...'`, `12`, `true`, `null`. */
export function parseLiteralText(text: string): { value: ODataLiteral } | undefined {
  const guid = /^guid'([0-9a-fA-F-]{36})'$/.exec(text);
  if (guid) return { value: guid[1].toLowerCase() };
  if (text.length >= 2 && text.startsWith("'") && text.endsWith("'")) {
    const body = text.slice(1, -1);
    if (body.replace(/''/g, '').includes("'")) return undefined;
    return { value: body.replace(/''/g, "'") };
  }
  if (/^-?\d+(\.\d+)?$/.test(text)) return { value: Number(text) };
  if (text === 'true' || text === 'false') return { value: text === 'true' };
  if (text === 'null') return { value: null };
  return undefined;
}

/** Splits `text` at `sep`, except inside single-quoted OData literals (`getByTitle('a/b')`). */
export function splitOutsideQuotes(text: string, sep: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let inQuote = false;
  for (const ch of text) {
    if (ch === "'") inQuote = !inQuote;
    if (ch === sep && !inQuote) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}
