/**
 * A KQL phrase for SharePoint search (`/search/query` queryString). Inside double quotes KQL reads every
 * character as text (MS-SEARCH §2.2.10.2: "other features ... MUST NOT be recognized within a phrase"), but it
 * has no escape for `"` itself, so quotes and control characters (newlines) become spaces: the search tokeniser
 * splits words on them anyway, so the phrase still matches the same tokens.
 *
 * @example kqlPhrase('Board "Q1" minutes') // '"Board  Q1  minutes"'
 */
export function kqlPhrase(value: string): string {
  // eslint-disable-next-line no-control-regex
  return `"${value.replace(/["\u0000-\u001f\u007f\u2028\u2029]/g, ' ')}"`;
}

const managedPropertyName = /^[A-Za-z][A-Za-z0-9_]{0,127}$/;

/**
 * A property restriction `Name:"value"`. The property name is checked, never escaped: a managed property
 * name is a plain identifier, and anything else is a bug in the caller.
 *
 * @example kqlPropertyMatch('ComplianceTag', 'HR - 7 years') // 'ComplianceTag:"HR - 7 years"'
 */
export function kqlPropertyMatch(property: string, value: string): string {
  if (!managedPropertyName.test(property)) throw new RangeError(`'${property}' is not a managed property name.`);
  return `${property}:${kqlPhrase(value)}`;
}
