/**
 * A KQL phrase for SharePoint search (`/search/query` queryString). Inside double quotes KQL reads every
 * character as text (MS-SEARCH §2.2.10.2: "other features ... MUST NOT be recognized within a phrase") except
 * the wildcard: `"pre*"` is a prefix match (the KQL syntax reference, "Wildcard operator"). KQL has no escape for
 * `"` or `*`, so quotes, asterisks and control characters (newlines) become spaces: the search tokeniser splits
 * words on them anyway, so the phrase still matches the same tokens, and a value is never a wildcard by accident.
 *
 * @example kqlPhrase('Board "Q1" minutes*') // '"Board  Q1  minutes "'
 */
export function kqlPhrase(value: string): string {
  return `"${phraseText(value)}"`;
}

function phraseText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/["*\u0000-\u001f\u007f\u2028\u2029]/g, ' ');
}

const managedPropertyName = /^[A-Za-z][A-Za-z0-9_]{0,127}$/;

function checkedName(property: string): string {
  if (!managedPropertyName.test(property)) throw new RangeError(`'${property}' is not a managed property name.`);
  return property;
}

/**
 * A property restriction `Name:"value"`. The property name is checked, never escaped: a managed property
 * name is a plain identifier, and anything else is a bug in the caller.
 *
 * @example kqlPropertyMatch('ComplianceTag', 'HR - 7 years') // 'ComplianceTag:"HR - 7 years"'
 */
export function kqlPropertyMatch(property: string, value: string): string {
  return `${checkedName(property)}:${kqlPhrase(value)}`;
}

/**
 * A prefix restriction `Name:"words pre*"`: the value's words, the last one matched as the start of a word.
 *
 * @example kqlPropertyPrefix('Title', "O'Brien inv") // 'Title:"O\'Brien inv*"'
 */
export function kqlPropertyPrefix(property: string, value: string): string {
  return `${checkedName(property)}:"${phraseText(value).trimEnd()}*"`;
}

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?Z$/;

/**
 * A date comparison `Name>=2024-05-01T00:00:00Z` (the KQL syntax reference's property operators take ISO 8601 dates
 * in UTC). Only an instant in that form is accepted: a comparison value is never free text.
 *
 * @example kqlPropertyCompare('Created', '>=', '2024-05-01T00:00:00.000Z') // 'Created>=2024-05-01T00:00:00.000Z'
 */
export function kqlPropertyCompare(property: string, operator: '>=' | '<=', instant: string): string {
  if (!isoInstant.test(instant)) throw new RangeError(`'${instant}' is not an ISO 8601 instant in UTC.`);
  return `${checkedName(property)}${operator}${instant}`;
}
