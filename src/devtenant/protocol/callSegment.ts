import { type ODataLiteral, parseLiteralText, splitOutsideQuotes } from './odataLiteral';

/** A SharePoint REST segment such as `getByTitle('Docs')`, `items(3)`, `GetAvailableTagsForSite(siteUrl=@a1)`. */
export interface CallSegment {
  name: string;
  /** Positional argument (`items(3)`, `lists(guid'..')`, `getByTitle('x')`), when there is one. */
  positional?: ODataLiteral;
  /** Named arguments (`siteUrl=@a1` resolved through the query's aliases). */
  named: Record<string, ODataLiteral>;
  hasParens: boolean;
}

/** Parses `name(args)`; aliases (`@a1`) are looked up in `aliases` (already URL-decoded query values). */
export function parseCallSegment(segment: string, aliases: Record<string, string> = {}): CallSegment | undefined {
  const open = segment.indexOf('(');
  if (open < 0) return { name: segment, named: {}, hasParens: false };
  if (!segment.endsWith(')')) return undefined;
  const name = segment.slice(0, open);
  const inner = segment.slice(open + 1, -1).trim();
  const result: CallSegment = { name, named: {}, hasParens: true };
  if (inner === '') return result;
  const args = splitOutsideQuotes(inner, ',');
  for (const arg of args) {
    const eq = findTopLevelEquals(arg);
    if (eq < 0) {
      const lit = parseLiteralOrAlias(arg.trim(), aliases);
      if (lit === undefined) return undefined;
      result.positional = lit.value;
    } else {
      const key = arg.slice(0, eq).trim();
      const lit = parseLiteralOrAlias(arg.slice(eq + 1).trim(), aliases);
      if (lit === undefined || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) return undefined;
      result.named[key] = lit.value;
    }
  }
  return result;
}

function findTopLevelEquals(text: string): number {
  let inQuote = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "'") inQuote = !inQuote;
    else if (text[i] === '=' && !inQuote) return i;
  }
  return -1;
}

function parseLiteralOrAlias(text: string, aliases: Record<string, string>): { value: ODataLiteral } | undefined {
  if (text.startsWith('@')) {
    const v = aliases[text];
    if (v === undefined) return undefined;
    return parseLiteralText(v.trim());
  }
  return parseLiteralText(text);
}
