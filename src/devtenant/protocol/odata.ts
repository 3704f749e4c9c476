/**
 * The dev tenant's one place for protocol text: every string that enters or leaves a URL, an OData literal,
 * a `$filter`, a retention event's KQL query, a MIME header or XML is quoted or parsed here, never by string
 * interpolation elsewhere.
 *
 * OData rules follow OData v4 URL conventions (part 2, §5.1.1): a string literal is `'...'` with an embedded
 * `'` doubled; SharePoint REST keeps the same rule inside percent-encoded path segments (`Fo''lde''r`).
 */

/** Quotes a string as an OData literal: `O'Brien` -> `'O''Brien'`. */
export function quoteODataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

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

/** True when a name contains a C0/C1 control character or a lone surrogate. */
export function hasControlCharacters(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f\u007f-\u009f]/.test(value) || /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value);
}

// ---------------------------------------------------------------------------------------------------------
// Paths

/** A path segment: plain text, or a colon-addressed path (`root:/a/b.docx:`, `host:/sites/hr`). */
export type Segment = { kind: 'name'; value: string } | { kind: 'path'; value: string };

/**
 * Which path grammar a request uses. SharePoint REST puts OData literals in its path (`getByTitle('a/b')`,
 * `GetFolderByServerRelativePath(DecodedUrl='/x/O''Brien')`), so a `/` inside single quotes there does not
 * split. Graph does not: its colon paths carry file names, where `'` is an ordinary character
 * (`root:/O'Brien.txt:`), so there every `/` outside percent-encoding splits.
 */
export type PathGrammar = 'graph' | 'sharepoint';

/**
 * Splits a raw (still percent-encoded) request path into decoded segments. Graph's path addressing
 * (`/drives/{id}/root:/folder/file.docx:/content`, `/sites/{hostname}:/sites/hr:/lists`) becomes one
 * `path` segment after the segment that carried the colon. With the SharePoint grammar, `/` inside single
 * quotes does not split. Returns undefined for malformed percent-encoding.
 */
export function splitRequestPath(rawPath: string, grammar: PathGrammar = 'graph'): Segment[] | undefined {
  const trimmed = rawPath.replace(/^\/+/, '');
  const raw = grammar === 'sharepoint' ? splitOutsideQuotes(trimmed, '/') : trimmed.split('/');
  const out: Segment[] = [];
  for (let i = 0; i < raw.length; i++) {
    const decoded = decodeSegment(raw[i]);
    if (decoded === undefined) return undefined;
    if (decoded === '' && i === raw.length - 1) continue; // trailing slash: `lists(guid'..')/?$expand`
    if (decoded.endsWith(':') && decoded.length > 1 && i < raw.length - 1) {
      out.push({ kind: 'name', value: decoded.slice(0, -1) });
      const parts: string[] = [];
      let j = i + 1;
      for (; j < raw.length; j++) {
        const p = decodeSegment(raw[j]);
        if (p === undefined) return undefined;
        if (p.endsWith(':')) {
          parts.push(p.slice(0, -1));
          break;
        }
        parts.push(p);
      }
      out.push({ kind: 'path', value: '/' + parts.join('/') });
      i = j;
      continue;
    }
    out.push({ kind: 'name', value: decoded });
  }
  return out;
}

function splitOutsideQuotes(text: string, sep: string): string[] {
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

/** A SharePoint REST segment such as `getByTitle('Docs')`, `items(3)`, `GetAvailableTagsForSite(siteUrl=@a1)`. */
export interface CallSegment {
  name: string;
  /** Positional argument (`items(3)`, `lists(guid'..')`, `getByTitle('x')`), when there is one. */
  positional?: ODataLiteral;
  /** Named arguments (`siteUrl=@a1` resolved through the query's aliases). */
  named: Record<string, ODataLiteral>;
  hasParens: boolean;
}

export type ODataLiteral = string | number | boolean | null;

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

// ---------------------------------------------------------------------------------------------------------
// $filter

export type FilterExpr =
  | { op: 'and' | 'or'; left: FilterExpr; right: FilterExpr }
  | { op: 'not'; expr: FilterExpr }
  | { op: 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le'; path: string[]; value: ODataLiteral }
  | { op: 'startswith'; path: string[]; value: string }
  /** `prop in ('a','b')` (OData 4.01). */
  | { op: 'in'; path: string[]; values: ODataLiteral[] }
  /** `prop has 'file'`: a flags enum, which Graph serialises as a comma-separated string (`email,file`). */
  | { op: 'has'; path: string[]; value: string };

export class FilterSyntaxError extends Error {}

type Tok = { t: 'str'; v: string } | { t: 'word'; v: string } | { t: '(' | ')' | ',' };

function tokenizeFilter(text: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t') {
      i++;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      toks.push({ t: ch });
      i++;
    } else if (ch === "'") {
      let v = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new FilterSyntaxError('Unterminated string literal in $filter.');
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            v += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += text[i++];
      }
      toks.push({ t: 'str', v });
    } else {
      let v = '';
      while (i < text.length && !/[\s(),']/.test(text[i])) v += text[i++];
      toks.push({ t: 'word', v });
    }
  }
  return toks;
}

/**
 * Parses the `$filter` subset the dev tenant serves: `eq ne gt ge lt le`, `in (...)`, `has` (flags enums),
 * `and`, `or`, `not`, parentheses and `startswith(prop,'text')`, over property paths such as `fields/Title`. Anything else is a FilterSyntaxError,
 * which the caller turns into a 400 (never silently ignored).
 */
export function parseFilter(text: string): FilterExpr {
  const toks = tokenizeFilter(text);
  let pos = 0;
  const peekWord = (): string | undefined => {
    const t = toks[pos];
    return t && t.t === 'word' ? t.v.toLowerCase() : undefined;
  };
  const expect = (t: '(' | ')' | ','): void => {
    if (toks[pos]?.t !== t) throw new FilterSyntaxError(`Expected '${t}' in $filter.`);
    pos++;
  };
  const parsePath = (): string[] => {
    const t = toks[pos++];
    if (!t || t.t !== 'word' || !/^[A-Za-z_@][A-Za-z0-9_./@-]*$/.test(t.v))
      throw new FilterSyntaxError('Expected a property name in $filter.');
    return t.v.split('/');
  };
  const parseValue = (): ODataLiteral => {
    const t = toks[pos++];
    if (!t) throw new FilterSyntaxError('Expected a value in $filter.');
    if (t.t === 'str') return t.v;
    if (t.t === 'word') {
      if (t.v === 'null') return null;
      if (t.v === 'true' || t.v === 'false') return t.v === 'true';
      if (/^-?\d+(\.\d+)?$/.test(t.v)) return Number(t.v);
      if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(t.v)) return t.v;
    }
    throw new FilterSyntaxError('Unsupported literal in $filter.');
  };
  const parsePrimary = (): FilterExpr => {
    const t = toks[pos];
    if (!t) throw new FilterSyntaxError('Unexpected end of $filter.');
    if (t.t === '(') {
      pos++;
      const e = parseOr();
      expect(')');
      return e;
    }
    const w = peekWord();
    if (w === 'not') {
      pos++;
      return { op: 'not', expr: parsePrimary() };
    }
    if (w === 'startswith' && toks[pos + 1]?.t === '(') {
      pos += 2;
      const path = parsePath();
      expect(',');
      const v = parseValue();
      expect(')');
      if (typeof v !== 'string') throw new FilterSyntaxError('startswith needs a string literal.');
      return { op: 'startswith', path, value: v };
    }
    if (t.t === 'word' && toks[pos + 1]?.t === '(') throw new FilterSyntaxError(`The function '${t.v}' is not supported in $filter.`);
    const path = parsePath();
    const op = peekWord();
    if (op === 'in') {
      pos++;
      expect('(');
      const values: ODataLiteral[] = [parseValue()];
      while (toks[pos]?.t === ',') {
        pos++;
        values.push(parseValue());
      }
      expect(')');
      return { op: 'in', path, values };
    }
    if (op === 'has') {
      pos++;
      const v = parseValue();
      if (typeof v !== 'string') throw new FilterSyntaxError("'has' with anything but a string flag (has 'file') is not supported.");
      return { op: 'has', path, value: v };
    }
    if (op !== 'eq' && op !== 'ne' && op !== 'gt' && op !== 'ge' && op !== 'lt' && op !== 'le') {
      throw new FilterSyntaxError(`The operator '${op ?? ''}' is not supported in $filter.`);
    }
    pos++;
    return { op, path, value: parseValue() };
  };
  const parseAnd = (): FilterExpr => {
    let left = parsePrimary();
    while (peekWord() === 'and') {
      pos++;
      left = { op: 'and', left, right: parsePrimary() };
    }
    return left;
  };
  const parseOr = (): FilterExpr => {
    let left = parseAnd();
    while (peekWord() === 'or') {
      pos++;
      left = { op: 'or', left, right: parseAnd() };
    }
    return left;
  };
  if (toks.length === 0) throw new FilterSyntaxError('$filter is empty.');
  const expr = parseOr();
  if (pos !== toks.length) throw new FilterSyntaxError('Unexpected text at the end of $filter.');
  return expr;
}

function readPath(obj: unknown, path: string[]): unknown {
  let cur: unknown = obj;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    const rec = cur as Record<string, unknown>;
    if (p in rec) cur = rec[p];
    else {
      const key = Object.keys(rec).find((k) => k.toLowerCase() === p.toLowerCase());
      cur = key === undefined ? undefined : rec[key];
    }
  }
  return cur;
}

function compare(a: unknown, b: ODataLiteral): number | undefined {
  if (a === undefined || a === null || b === null) return undefined;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

function literalEquals(v: unknown, value: ODataLiteral): boolean {
  if (value === null) return v === null || v === undefined;
  if (typeof value === 'string' && typeof v === 'string') return v.toLowerCase() === value.toLowerCase();
  return v === value || (typeof v !== 'object' && v !== undefined && String(v) === String(value));
}

/** Evaluates a parsed filter against a representation (the JSON object a client would see). */
export function evaluateFilter(expr: FilterExpr, obj: unknown): boolean {
  switch (expr.op) {
    case 'and':
      return evaluateFilter(expr.left, obj) && evaluateFilter(expr.right, obj);
    case 'or':
      return evaluateFilter(expr.left, obj) || evaluateFilter(expr.right, obj);
    case 'not':
      return !evaluateFilter(expr.expr, obj);
    case 'startswith': {
      const v = readPath(obj, expr.path);
      return typeof v === 'string' && v.toLowerCase().startsWith(expr.value.toLowerCase());
    }
    case 'in': {
      const v = readPath(obj, expr.path);
      return expr.values.some((value) => literalEquals(v, value));
    }
    case 'has': {
      const v = readPath(obj, expr.path);
      const flags = Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(',') : [];
      return flags.some((f) => f.trim().toLowerCase() === expr.value.toLowerCase());
    }
    default: {
      const v = readPath(obj, expr.path);
      if (expr.op === 'eq' || expr.op === 'ne') {
        const equal = literalEquals(v, expr.value);
        return expr.op === 'eq' ? equal : !equal;
      }
      const c = compare(v, expr.value);
      if (c === undefined) return false;
      return expr.op === 'gt' ? c > 0 : expr.op === 'ge' ? c >= 0 : expr.op === 'lt' ? c < 0 : c <= 0;
    }
  }
}

export { readPath as readPropertyPath };

// ---------------------------------------------------------------------------------------------------------
// Retention event queries (KQL)

/** One property restriction of a retention event's query: `ComplianceAssetId:"A, 1"`. */
export interface EventQueryTerm {
  /** As written (`ComplianceAssetId` for a bare value); KQL matches property names ignoring case. */
  property: string;
  value: string;
}

export class EventQuerySyntaxError extends Error {}

/** KQL operators (upper case, as KQL requires) other than `OR`; the dev tenant does not evaluate them. */
const kqlOperators = ['AND', 'NOT', 'NEAR', 'ONEAR', 'ANY', 'ALL', 'NONE', 'WORDS', 'XRANK'];

/**
 * Parses the `files` query of a retention event: the asset ids Purview takes for SharePoint and OneDrive, KQL
 * property restrictions such as `ComplianceAssetId:1234` (Purview's "Start retention when an event occurs";
 * other columns work the same way, `ProductID:XYZ`). A value in double quotes is taken whole, so it may contain
 * spaces, commas and `OR`; a value without a property is a `ComplianceAssetId`. The restrictions are
 * alternatives, separated by `OR` (upper case: KQL operators are case-sensitive), by commas, or by white space
 * between restrictions of the same property (KQL ORs those). An empty query names no asset ids (the event then
 * applies to every item labelled with its type). Whatever else KQL can say (AND, NOT, parentheses, wildcards,
 * range operators, white space between different properties, which KQL ANDs) is an EventQuerySyntaxError, so
 * it is refused rather than guessed.
 *
 * @example parseEventQuery('ComplianceAssetId:"O\'Brien, 7" OR 4815')
 * // [{ property: 'ComplianceAssetId', value: "O'Brien, 7" }, { property: 'ComplianceAssetId', value: '4815' }]
 */
export function parseEventQuery(text: string): EventQueryTerm[] {
  const terms: EventQueryTerm[] = [];
  /** How the next term joins the previous one: nothing yet, an explicit OR or comma, or only white space. */
  let join: 'start' | 'or' | 'comma' | 'space' = 'start';
  let i = 0;
  const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);
  while (i < text.length) {
    const c = text[i];
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === ',') {
      if (join === 'or') throw new EventQuerySyntaxError("A comma cannot follow 'OR' in the event query.");
      if (join !== 'start') join = 'comma';
      i++;
      continue;
    }
    const word = /^[A-Z]+(?=\s|$|"|\()/.exec(text.slice(i))?.[0];
    if (word === 'OR') {
      if (join === 'start' || join === 'or' || join === 'comma') throw new EventQuerySyntaxError("'OR' needs an asset id on both sides.");
      join = 'or';
      i += 2;
      continue;
    }
    if (word !== undefined && kqlOperators.includes(word))
      throw new EventQuerySyntaxError(`The KQL operator '${word}' is not supported in event queries by the dev tenant; use OR or commas.`);
    if (c === '(' || c === ')') throw new EventQuerySyntaxError('Parentheses are not supported in event queries by the dev tenant.');
    // A term: [Property(:|=)]value
    let property = 'ComplianceAssetId';
    const named = /^([A-Za-z_][A-Za-z0-9_]*)\s*([:=]|<>|>=|<=|>|<)\s*/.exec(text.slice(i));
    if (named) {
      if (named[2] !== ':' && named[2] !== '=')
        throw new EventQuerySyntaxError(`The operator '${named[2]}' is not supported in event queries by the dev tenant; use ':'.`);
      property = named[1];
      i += named[0].length;
    }
    let value: string;
    if (text[i] === '"') {
      const close = text.indexOf('"', i + 1);
      if (close < 0) throw new EventQuerySyntaxError('A quoted value in the event query is not closed.');
      value = text.slice(i + 1, close);
      i = close + 1;
      if (i < text.length && !isSpace(text[i]) && text[i] !== ',')
        throw new EventQuerySyntaxError('A quoted value must be followed by a space, a comma or the end of the event query.');
    } else {
      const run = /^[^\s,"()]*/.exec(text.slice(i))?.[0] ?? '';
      if (run.includes('*')) throw new EventQuerySyntaxError('Wildcards are not supported in event queries by the dev tenant.');
      if (named === null && /[:=<>]/.test(run))
        throw new EventQuerySyntaxError(`'${run}' is not a property restriction the dev tenant understands.`);
      if (text[i + run.length] === '(' || text[i + run.length] === ')')
        throw new EventQuerySyntaxError('Parentheses are not supported in event queries by the dev tenant.');
      value = run;
      i += run.length;
    }
    if (value.trim() === '') throw new EventQuerySyntaxError(`The restriction on '${property}' has no value.`);
    const previous = terms[terms.length - 1];
    if (join === 'space' && previous && previous.property.toLowerCase() !== property.toLowerCase())
      throw new EventQuerySyntaxError(
        `'${previous.property}' and '${property}' are separated only by a space, which KQL reads as AND; the dev tenant supports alternatives (OR or commas) only.`
      );
    terms.push({ property, value });
    // Until a comma or OR comes, the next term is joined by white space only.
    join = 'space';
    if (i < text.length && !isSpace(text[i]) && text[i] !== ',')
      throw new EventQuerySyntaxError('Unexpected text after a value in the event query.');
  }
  if (join === 'or') throw new EventQuerySyntaxError("'OR' needs an asset id on both sides.");
  return terms;
}
