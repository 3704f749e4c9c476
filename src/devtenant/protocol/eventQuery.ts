/**
 * Retention event queries: the `files` query of a retention event, KQL property restrictions over the items'
 * properties (Purview's "Start retention when an event occurs": `ComplianceAssetID:<value>`, or another property
 * such as `ProductID:XYZ`).
 */

/** One property restriction of a retention event's query: `ComplianceAssetId:"A 1"`. */
export interface EventQueryTerm {
  /** As written; KQL matches property names ignoring case. */
  property: string;
  value: string;
}

/** Restrictions an item must all satisfy (white space between different properties: KQL's implicit AND). */
export type EventQueryClause = readonly EventQueryTerm[];

export class EventQuerySyntaxError extends Error {}

/** KQL's operators (MS-KQL 2.1): recognised in upper case only. */
const kqlOperators = new Set(['AND', 'OR', 'NOT', 'NEAR', 'ONEAR', 'ANY', 'ALL', 'NONE', 'WORDS', 'XRANK']);

interface Restriction extends EventQueryTerm {
  /** How it joins the previous restriction: an explicit OR, or white space only. */
  joinedBy: 'OR' | 'space' | 'start';
}

/**
 * Parses the `files` query of a retention event into the clauses an item may match (any one of them starts it).
 * Follows the Keyword Query Language (KQL) syntax reference
 * (https://learn.microsoft.com/sharepoint/dev/general-development/keyword-query-language-kql-syntax-reference):
 * a restriction is `Property:value` or `Property:"a phrase"`, with no white space around the colon (with it, KQL
 * reads free text); restrictions on the same property separated by white space are a union (as if ORed), on
 * different properties an intersection (as if ANDed); `OR` (upper case only) is a union. A blank query has no
 * clause: the event then starts every item labelled for its type. Whatever else KQL can say (free text, AND, NOT,
 * parentheses, wildcards, other property operators, white-space ANDs mixed with OR) is an EventQuerySyntaxError:
 * the dev tenant refuses what it does not evaluate rather than guess.
 *
 * @example parseEventQuery('ComplianceAssetId:4815 ComplianceAssetId:4816')
 * // [[{ property: 'ComplianceAssetId', value: '4815' }], [{ property: 'ComplianceAssetId', value: '4816' }]]
 */
export function parseEventQuery(text: string): EventQueryClause[] {
  const restrictions = readRestrictions(text);
  if (restrictions.length === 0) return [];
  const sameProperty = new Set(restrictions.map((r) => r.property.toLowerCase())).size === 1;
  const ors = restrictions.filter((r) => r.joinedBy === 'OR').length;
  const spaces = restrictions.filter((r) => r.joinedBy === 'space').length;
  const term = ({ property, value }: Restriction): EventQueryTerm => ({ property, value });
  // One property throughout: every join, explicit or not, is a union.
  if (sameProperty || spaces === 0) return restrictions.map((r) => [term(r)]);
  if (ors > 0)
    throw new EventQuerySyntaxError(
      'The query mixes OR with white space between different properties (an implicit AND); the dev tenant evaluates one or the other, not both.'
    );
  // White space only: AND across properties, OR within each; written out as one clause per combination.
  const byProperty = new Map<string, EventQueryTerm[]>();
  for (const r of restrictions) byProperty.set(r.property.toLowerCase(), [...(byProperty.get(r.property.toLowerCase()) ?? []), term(r)]);
  let clauses: EventQueryTerm[][] = [[]];
  for (const alternatives of byProperty.values()) clauses = clauses.flatMap((c) => alternatives.map((a) => [...c, a]));
  return clauses;
}

function readRestrictions(text: string): Restriction[] {
  const out: Restriction[] = [];
  let joinedBy: Restriction['joinedBy'] = 'start';
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i])) {
      i++;
      continue;
    }
    const rest = text.slice(i);
    const word = /^[^\s"]*/.exec(rest)?.[0] ?? '';
    if (word === 'OR') {
      if (joinedBy !== 'space') throw new EventQuerySyntaxError("'OR' needs a restriction on both sides.");
      joinedBy = 'OR';
      i += 2;
      continue;
    }
    const operator = /^([A-Z]+)(\(|$)/.exec(word)?.[1];
    if (operator !== undefined && kqlOperators.has(operator))
      throw new EventQuerySyntaxError(`The KQL operator '${operator}' is not supported in event queries by the dev tenant; use OR.`);
    if (rest.startsWith('(') || rest.startsWith(')'))
      throw new EventQuerySyntaxError('Parentheses are not supported in event queries by the dev tenant.');
    if (rest.startsWith('+') || rest.startsWith('-'))
      throw new EventQuerySyntaxError(
        "The inclusion and exclusion operators ('+', '-') are not supported in event queries by the dev tenant."
      );
    const named = /^([A-Za-z_][A-Za-z0-9_]*)(:|=|<>|>=|<=|>|<|\.\.)(?=\S)/.exec(rest);
    if (!named) {
      if (/^[A-Za-z_][A-Za-z0-9_]*\s*(:|=)\s*\S/.test(rest))
        throw new EventQuerySyntaxError(
          'White space around a property operator makes KQL read free text, not a property restriction; write Property:value.'
        );
      throw new EventQuerySyntaxError(
        `'${word || rest.slice(0, 20)}' is free text (KQL matches it anywhere in an item); the dev tenant evaluates property restrictions (Property:value) only.`
      );
    }
    if (named[2] !== ':')
      throw new EventQuerySyntaxError(`The operator '${named[2]}' is not supported in event queries by the dev tenant; use ':'.`);
    i += named[0].length;
    let value: string;
    if (text[i] === '"') {
      const close = text.indexOf('"', i + 1);
      if (close < 0) throw new EventQuerySyntaxError('A quoted value in the event query is not closed.');
      value = text.slice(i + 1, close);
      i = close + 1;
      if (i < text.length && !/\s/.test(text[i]))
        throw new EventQuerySyntaxError('A quoted value must be followed by a space or the end of the event query.');
    } else {
      value = /^\S*/.exec(text.slice(i))?.[0] ?? '';
      i += value.length;
      if (/["()]/.test(value)) throw new EventQuerySyntaxError(`'${value}': quotes and parentheses belong around a whole value.`);
      if (value.includes(',')) throw new EventQuerySyntaxError(`'${value}': a comma does not separate values in KQL; use OR.`);
    }
    // KQL reads a trailing asterisk as prefix matching, on a word or at the end of a phrase.
    if (value.endsWith('*')) throw new EventQuerySyntaxError('Wildcards are not supported in event queries by the dev tenant.');
    if (value.trim() === '') throw new EventQuerySyntaxError(`The restriction on '${named[1]}' has no value.`);
    out.push({ property: named[1], value, joinedBy });
    joinedBy = 'space';
  }
  if (joinedBy === 'OR') throw new EventQuerySyntaxError("'OR' needs a restriction on both sides.");
  return out;
}

/**
 * Whether an item's fields satisfy a clause: each restriction's property (ignoring case) holds its value, compared
 * ignoring case ("KQL queries are case-insensitive") and as the whole value.
 */
export function fieldsMatchClause(fields: Record<string, unknown>, clause: EventQueryClause): boolean {
  const byName = new Map(Object.entries(fields).map(([k, v]) => [k.toLowerCase(), v]));
  return clause.every((r) => {
    const v = byName.get(r.property.toLowerCase());
    return (typeof v === 'string' || typeof v === 'number') && String(v).toLowerCase() === r.value.toLowerCase();
  });
}
