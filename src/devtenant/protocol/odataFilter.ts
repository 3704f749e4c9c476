import type { ODataLiteral } from './odataLiteral';

/** OData `$filter`: the subset the dev tenant parses, and its evaluation against a representation. */

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

/**
 * How deep parentheses and `not` may nest. Microsoft's OData parser stops at a recursion limit too
 * ("the maximum depth of each part of the query - a recursion limit",
 * https://learn.microsoft.com/dotnet/api/microsoft.odata.uriparser.uriqueryexpressionparser.-ctor); no filter a
 * client builds comes near 100, and thousands would overflow the parser's stack (a 500 instead of a 400).
 */
export const maxFilterDepth = 100;

/**
 * How many conditions `and` and `or` may join. Custodian's own longest filter names every label of a file plan
 * (Purview allows 1,000 retention labels per tenant), and a chain is evaluated recursively, so tens of
 * thousands (a `$batch` body may hold 4 MB of URLs) would overflow the stack.
 */
export const maxFilterConditions = 2000;

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
  let depth = 0;
  let joined = 0;
  const join = (): void => {
    pos++;
    if (++joined >= maxFilterConditions)
      throw new FilterSyntaxError(`$filter joins more than ${maxFilterConditions} conditions with 'and' and 'or'; split the request.`);
  };
  const nested = <T>(parse: () => T): T => {
    if (++depth > maxFilterDepth)
      throw new FilterSyntaxError(`Parentheses and 'not' nest more than ${maxFilterDepth} deep in $filter; write a flatter filter.`);
    const result = parse();
    depth--;
    return result;
  };
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
      const e = nested(parseOr);
      expect(')');
      return e;
    }
    const w = peekWord();
    if (w === 'not') {
      pos++;
      return { op: 'not', expr: nested(parsePrimary) };
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
      join();
      left = { op: 'and', left, right: parsePrimary() };
    }
    return left;
  };
  const parseOr = (): FilterExpr => {
    let left = parseAnd();
    while (peekWord() === 'or') {
      join();
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
