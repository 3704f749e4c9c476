/** Retention event queries (KQL), the `files` query of a retention event. */

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
