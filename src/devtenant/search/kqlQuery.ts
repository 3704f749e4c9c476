/**
 * The dev tenant's reading of Keyword Query Language, the query language of Microsoft Search
 * ("Keyword Query Language (KQL) syntax reference", https://learn.microsoft.com/sharepoint/dev/general-development/keyword-query-language-kql-syntax-reference,
 * and its formal grammar [MS-KQL], https://learn.microsoft.com/openspecs/sharepoint_protocols/ms-kql/).
 * It reads a documented subset into a tree and refuses the rest, naming the part it does not serve: the dev tenant
 * must never answer a query it reads differently from Microsoft Search.
 *
 * Served: free-text words and "phrases", prefix matching with a trailing `*`, a bare `*` (everything), property
 * restrictions `Prop:value`, `Prop="a phrase"`, `Prop:val*`, `Prop:*` (has a value), `Prop<>v`, `Prop<v`, `Prop>v`,
 * `Prop<=v`, `Prop>=v`, `Prop:A..B`, the Boolean operators `AND`, `OR`, `NOT` (upper case only), the inclusion and
 * exclusion prefixes `+` and `-`, and parentheses.
 */

export const propertyOperators = [':', '=', '<>', '<=', '>=', '<', '>'] as const;
export type PropertyOperator = (typeof propertyOperators)[number];

export type KqlNode =
  | { kind: 'and'; operands: KqlNode[] }
  | { kind: 'or'; operands: KqlNode[] }
  | { kind: 'not'; operand: KqlNode }
  /** A bare `*`: every item. */
  | { kind: 'everything' }
  /** A free-text word or phrase; `prefix` when it ends in `*`. */
  | { kind: 'text'; value: string; phrase: boolean; prefix: boolean }
  | {
      kind: 'property';
      property: string;
      operator: PropertyOperator;
      /** Without the quotes and the trailing `*`; '' with `prefix` for `Prop:*`. */
      value: string;
      phrase: boolean;
      prefix: boolean;
      /** `Prop:A..B`, both ends inclusive. */
      range?: { from: string; to: string };
    };

/** A query the dev tenant does not read: `part` is the piece of the query at fault, as written. */
export class KqlNotServed extends Error {
  constructor(
    readonly part: string,
    readonly why: string
  ) {
    super(`The KQL query part '${part}' ${why}`);
  }
}

/** [MS-KQL] operators the dev tenant does not serve; as bare words they are operators, not search terms. */
const unservedOperators = ['NEAR', 'ONEAR', 'WORDS', 'XRANK', 'ALL', 'ANY', 'NONE'];

/** The default length limit of a KQL query made through the query object model (the KQL syntax reference's note). */
export const maxQueryLength = 4096;
/** Nesting the dev tenant follows before refusing, so a hostile query cannot exhaust the stack. */
const maxDepth = 100;

type Token =
  | { type: 'open' | 'close'; text: string }
  | { type: 'operator'; text: 'AND' | 'OR' | 'NOT' }
  | { type: 'operand'; node: KqlNode; text: string; sign: '' | '+' | '-' };

const propertyStart = /^([A-Za-z_][A-Za-z0-9_.]*)(<>|<=|>=|:|=|<|>)/;

/** The characters that end an unquoted word. */
function endsWord(c: string): boolean {
  return c === '(' || c === ')' || c === '"' || /\s/.test(c);
}

function readQuoted(query: string, start: number, partStart = start): { value: string; end: number } {
  const close = query.indexOf('"', start + 1);
  if (close === -1) throw new KqlNotServed(query.slice(partStart), 'has a double quotation mark that is never closed.');
  return { value: query.slice(start + 1, close), end: close + 1 };
}

function checkWildcards(value: string, part: string): { value: string; prefix: boolean } {
  const prefix = value.endsWith('*');
  const bare = prefix ? value.slice(0, -1) : value;
  if (bare.includes('*'))
    throw new KqlNotServed(
      part,
      'uses the wildcard * before the end of a value; KQL matches prefixes only ("KQL queries don\'t support suffix matching").'
    );
  return { value: bare, prefix };
}

function textNode(raw: string, phrase: boolean, part: string): KqlNode {
  const { value, prefix } = checkWildcards(raw, part);
  if (!phrase && value === '' && prefix) return { kind: 'everything' };
  return { kind: 'text', value, phrase, prefix };
}

function propertyNode(property: string, operator: PropertyOperator, raw: string, phrase: boolean, part: string): KqlNode {
  const { value, prefix } = checkWildcards(raw, part);
  if (prefix && operator !== ':' && operator !== '=')
    throw new KqlNotServed(part, `puts a wildcard after the operator ${operator}, which compares values; use : for prefix matching.`);
  const dots = value.indexOf('..');
  if (!phrase && dots !== -1) {
    if (operator !== ':' && operator !== '=') throw new KqlNotServed(part, `gives a range (..) after ${operator}; ranges take : or =.`);
    const from = value.slice(0, dots);
    const to = value.slice(dots + 2);
    if (from === '' || to === '' || to.includes('..') || prefix) throw new KqlNotServed(part, 'is not a range of the form A..B.');
    return { kind: 'property', property, operator, value, phrase, prefix: false, range: { from, to } };
  }
  if (value === '' && !prefix) throw new KqlNotServed(part, 'has no value after the property operator.');
  return { kind: 'property', property, operator, value, phrase, prefix };
}

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '(' || c === ')') {
      tokens.push({ type: c === '(' ? 'open' : 'close', text: c });
      i++;
      continue;
    }
    const start = i;
    let sign: '' | '+' | '-' = '';
    // "+" and "-" directly before an operand include or exclude it (Table 6 of the KQL syntax reference).
    if ((c === '+' || c === '-') && i + 1 < query.length && !/\s/.test(query[i + 1]) && query[i + 1] !== ')') {
      sign = c;
      i++;
    }
    if (query[i] === '"') {
      const q = readQuoted(query, i);
      i = q.end;
      let raw = q.value;
      if (query[i] === '*') {
        raw += '*';
        i++;
      }
      const part = query.slice(start, i);
      tokens.push({ type: 'operand', node: textNode(raw, true, part), text: part, sign });
      continue;
    }
    if (query[i] === '(') {
      // `-(a OR b)`: the sign applies to the group; the parser reads it as NOT before the group.
      if (sign === '-') tokens.push({ type: 'operator', text: 'NOT' });
      continue;
    }
    let j = i;
    while (j < query.length && !endsWord(query[j])) j++;
    const word = query.slice(i, j);
    const property = propertyStart.exec(word);
    if (property) {
      const [, name, op] = property;
      let rest = word.slice(property[0].length);
      let phrase = false;
      if (rest === '' && query[j] === '"') {
        const q = readQuoted(query, j, start);
        rest = q.value;
        phrase = true;
        j = q.end;
        if (query[j] === '*') {
          rest += '*';
          j++;
        }
        if (j < query.length && !endsWord(query[j]))
          throw new KqlNotServed(query.slice(start, j + 1), 'continues after the closing quotation mark.');
      } else if (rest === '' && (j >= query.length || /\s/.test(query[j]))) {
        // `author: "John Smith"`: with white space after the operator KQL reads free text, the name a word of it.
        tokens.push({ type: 'operand', node: textNode(name, false, name), text: name, sign });
        i = j;
        continue;
      } else if (rest === '' && query[j] === '(') {
        throw new KqlNotServed(
          query.slice(start, j + 1),
          'groups values of one property in parentheses, which the dev tenant does not serve; write Prop:a OR Prop:b.'
        );
      }
      const part = query.slice(start, j);
      tokens.push({ type: 'operand', node: propertyNode(name, op as PropertyOperator, rest, phrase, part), text: part, sign });
      i = j;
      continue;
    }
    i = j;
    if (sign === '' && (word === 'AND' || word === 'OR' || word === 'NOT')) {
      tokens.push({ type: 'operator', text: word });
      continue;
    }
    // `author :"John Smith"`: an operator standing apart from a name is no restriction; the words around it are free text.
    if (/^(<>|<=|>=|:|=|<|>)+$/.test(word)) continue;
    if (unservedOperators.includes(word)) throw new KqlNotServed(word, `is the KQL operator ${word}, which the dev tenant does not serve.`);
    if (word.includes(':') || /^[^"]*[<>=]/.test(word)) {
      // `author :x`, `Prop: x`: Microsoft reads these as free text; a colon in a word is a restriction we could not read.
      throw new KqlNotServed(
        word,
        'is neither a word nor a property restriction the dev tenant reads (property names are letters, digits, _ and .; no space around the operator).'
      );
    }
    // A KQL word "includes one or more characters without spaces or punctuation": punctuation alone is no term.
    if (!/[\p{L}\p{N}\p{Co}\p{M}\p{So}*]/u.test(word)) continue;
    tokens.push({ type: 'operand', node: textNode(word, false, query.slice(start, i)), text: query.slice(start, i), sign });
  }
  return tokens;
}

type Joiner = 'AND' | 'OR' | 'implicit';

interface Parser {
  tokens: Token[];
  at: number;
  query: string;
}

function describe(t: Token | undefined): string {
  return t ? t.text : 'the end of the query';
}

/** One operand with its prefix: `NOT x`, `-x`, `+x`, `(…)`. */
function parseUnit(p: Parser, depth: number): KqlNode {
  const t = p.tokens[p.at];
  if (!t) throw new KqlNotServed(p.query, 'ends where a search term or property restriction must follow an operator.');
  if (t.type === 'operator' && t.text === 'NOT') {
    p.at++;
    return { kind: 'not', operand: parseUnit(p, depth + 1) };
  }
  if (t.type === 'open') {
    if (depth >= maxDepth) throw new KqlNotServed('(', `nests parentheses more than ${maxDepth} deep.`);
    p.at++;
    const inner = parseLevel(p, depth + 1);
    if (p.tokens[p.at]?.type !== 'close') throw new KqlNotServed(p.query, 'has an opening parenthesis that is never closed.');
    p.at++;
    return inner;
  }
  if (t.type === 'operand') {
    p.at++;
    return t.sign === '-' ? { kind: 'not', operand: t.node } : t.node;
  }
  throw new KqlNotServed(describe(t), 'needs a search term or property restriction before it.');
}

function propertyKey(n: KqlNode): string | undefined {
  return n.kind === 'property' ? n.property.toLowerCase() : undefined;
}

/**
 * One level between parentheses. Microsoft's pages do not say whether AND or OR binds first ([MS-KQL] 2 gives both as
 * `operator-expression "AND" operator-expression`), so a level that mixes OR with AND, NOT or terms side by side is
 * refused: parentheses say what is meant. Side by side, restrictions of one property are ORed and the rest ANDed
 * ("Using multiple property restrictions within a KQL query").
 */
function parseLevel(p: Parser, depth: number): KqlNode {
  const operands: KqlNode[] = [parseUnit(p, depth)];
  const joiners: Joiner[] = [];
  for (;;) {
    const t = p.tokens[p.at];
    if (!t || t.type === 'close') break;
    if (t.type === 'operator' && (t.text === 'AND' || t.text === 'OR')) {
      p.at++;
      const next = p.tokens[p.at];
      if (!next || next.type === 'close' || (next.type === 'operator' && next.text !== 'NOT'))
        throw new KqlNotServed(
          t.text,
          'must have a search term or property restriction on both sides ("You must specify a valid free text expression and/or a valid property restriction both preceding and following").'
        );
      joiners.push(t.text);
    } else joiners.push('implicit');
    operands.push(parseUnit(p, depth));
  }
  if (operands.length === 1) return operands[0];
  const hasOr = joiners.includes('OR');
  const hasAnd = joiners.some((j) => j !== 'OR');
  if (hasOr && hasAnd)
    throw new KqlNotServed(
      p.query,
      'mixes OR with AND (or with terms side by side) at one level; Microsoft does not document which binds first, so the dev tenant asks for parentheses, as in (a OR b) c.'
    );
  if (hasOr) return { kind: 'or', operands };
  // Explicit ANDs mean AND whatever the properties: `LastModifiedTime>=2019-01-01 AND LastModifiedTime<=2019-04-26`.
  if (joiners.every((j) => j === 'AND')) return { kind: 'and', operands };
  const sideBySide = joiners.every((j) => j === 'implicit');
  const byProperty = new Map<string, KqlNode[]>();
  for (const n of operands) {
    const key = propertyKey(n);
    if (key !== undefined) byProperty.set(key, [...(byProperty.get(key) ?? []), n]);
  }
  const repeated = [...byProperty.values()].filter((group) => group.length > 1);
  if (repeated.length === 0) return { kind: 'and', operands };
  if (!sideBySide)
    throw new KqlNotServed(
      p.query,
      'puts restrictions of one property side by side next to an explicit AND; KQL ORs the first and ANDs the second, so the dev tenant asks for parentheses.'
    );
  const grouped: KqlNode[] = [];
  const done = new Set<string>();
  for (const n of operands) {
    const key = propertyKey(n);
    if (key === undefined) grouped.push(n);
    else if (!done.has(key)) {
      done.add(key);
      const group = byProperty.get(key) as KqlNode[];
      grouped.push(group.length === 1 ? group[0] : { kind: 'or', operands: group });
    }
  }
  return grouped.length === 1 ? grouped[0] : { kind: 'and', operands: grouped };
}

/**
 * Reads a KQL query string; throws `KqlNotServed` naming the part it cannot read.
 *
 * @example parseKql('ComplianceTag:"Contracts - 7 Years" AND ComplianceAssetId:MAT-1*')
 */
export function parseKql(query: string): KqlNode {
  if ([...query].length > maxQueryLength) throw new KqlNotServed(`${query.slice(0, 40)}…`, `is longer than ${maxQueryLength} characters.`);
  const tokens = tokenize(query);
  if (tokens.length === 0 || tokens.every((t) => t.type === 'operator'))
    throw new KqlNotServed(
      query,
      'is empty or holds only operators ("If the KQL query contains only operators or is empty, it isn\'t valid").'
    );
  const p: Parser = { tokens, at: 0, query };
  const tree = parseLevel(p, 0);
  if (p.at < tokens.length) throw new KqlNotServed(describe(tokens[p.at]), 'closes a parenthesis that was never opened.');
  // `NOT a` alone is served: the KQL reference's own example `NOT <Property Name>:*` finds items without a value.
  return tree;
}
