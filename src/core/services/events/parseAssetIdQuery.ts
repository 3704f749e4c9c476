/**
 * What a retention event's `files` query starts, as far as Custodian can tell from the index:
 * - `everyItem`: the query is blank. Purview then starts every item labelled for the event's type ("If an asset ID
 *   is not entered, all content with labels of that event type get the same retention date applied to them",
 *   https://learn.microsoft.com/purview/event-driven-retention).
 * - `assetIds`: the query names `ComplianceAssetId` values; an item whose asset id is one of them starts.
 * - `unreadable`: the query says something Custodian cannot evaluate on its index, with why and what to do.
 */
export type AssetIdQueryReading =
  | { reach: 'everyItem'; assetIds: [] }
  | { reach: 'assetIds'; assetIds: string[] }
  | { reach: 'unreadable'; assetIds: []; why: string; whatToDo: string };

const assetIdProperty = 'complianceassetid';
/** KQL's operators (MS-KQL 2.1); KQL matches them only in upper case. */
const kqlOperators = new Set(['AND', 'OR', 'NOT', 'NEAR', 'ONEAR', 'ANY', 'ALL', 'NONE', 'WORDS', 'XRANK']);
const writeAsPurviewShows =
  'Write each asset id as ComplianceAssetId:value (in double quotes when it holds a space) and join them with OR.';

/**
 * Reads the KQL of a retention event's `files` query the way SharePoint search does (Keyword Query Language (KQL)
 * syntax reference, https://learn.microsoft.com/sharepoint/dev/general-development/keyword-query-language-kql-syntax-reference):
 * - a property restriction has no white space around its colon (`ComplianceAssetId: 4815` is free text);
 * - restrictions on the same property separated only by white space are ORed, like an explicit `OR`
 *   (`ComplianceAssetId:4815 ComplianceAssetId:4816`, as New-ComplianceRetentionEvent's example
 *   `EmployeeNumber:123456 EmployeeNumber:456789`), while different properties would be ANDed;
 * - property names and values ignore case, operators do not (`or` is a word to find, not an operator).
 * Custodian evaluates `ComplianceAssetId` only (its index holds no other search property), so any other property,
 * free text, wildcard, AND, NOT, parentheses or comma is `unreadable` rather than guessed.
 *
 * @example parseAssetIdQuery('ComplianceAssetId:4815 ComplianceAssetId:"EMP 12"') // { reach: 'assetIds', assetIds: ['4815', 'EMP 12'] }
 * @example parseAssetIdQuery('ProductID:XYZ').reach // 'unreadable'
 */
export function parseAssetIdQuery(query: string): AssetIdQueryReading {
  const assetIds: string[] = [];
  let orPending = false;
  let i = 0;
  const refuse = (why: string, whatToDo = writeAsPurviewShows): AssetIdQueryReading => ({
    reach: 'unreadable',
    assetIds: [],
    why,
    whatToDo
  });
  while (i < query.length) {
    if (/\s/.test(query[i])) {
      i++;
      continue;
    }
    const rest = query.slice(i);
    const word = /^[^\s"]+/.exec(rest)?.[0] ?? '';
    if (word === 'OR') {
      if (!assetIds.length || orPending) return refuse('OR needs an asset id on each side.');
      orPending = true;
      i += 2;
      continue;
    }
    if (kqlOperators.has(word) || /^(AND|NOT|NEAR|ONEAR|WORDS|XRANK)\(/.test(word))
      return refuse(`The query uses the KQL operator ${word.replace(/\(.*$/, '')}, which Custodian cannot evaluate on its index.`);
    if (/^(or|and|not)$/i.test(word))
      return refuse(
        `"${word}" is not an operator: KQL operators are upper case, so KQL reads "${word}" as a word every item must contain.`,
        'Write OR in capitals between the asset ids.'
      );
    if (/^[+\-(]/.test(rest)) return refuse('Grouping and the + and - operators are not something Custodian can evaluate on its index.');
    const restriction = /^([A-Za-z][A-Za-z0-9_]*)(:|=|<>|<=|>=|<|>)(?!\s)/.exec(rest);
    if (!restriction) {
      const spaced = /^([A-Za-z][A-Za-z0-9_]*)\s*:\s*/.exec(rest);
      if (spaced && rest.length > spaced[0].length)
        return refuse(
          `"${spaced[0].trim()}" has white space around its colon, so KQL reads it as free text (words to find anywhere in an item), not as a property restriction.`,
          `Remove the white space: ${spaced[1]}:value.`
        );
      return refuse(
        `"${word}" names no property, so KQL reads it as free text that matches any item containing the word, not only items with that asset id.`,
        `Write it as ComplianceAssetId:${word.includes('"') ? '"value"' : word}.`
      );
    }
    const [matched, property, operator] = restriction;
    if (property.toLowerCase() !== assetIdProperty)
      return refuse(
        `The query restricts ${property}, a search property Custodian's index does not hold, so it cannot tell which items the event would start.`,
        'Give the items a Compliance Asset Id and name those values (ComplianceAssetId:value), or create the event in Purview, where nothing previews it.'
      );
    if (operator !== ':')
      return refuse(`The operator ${operator} is not one Custodian evaluates for asset ids.`, 'Use a colon: ComplianceAssetId:value.');
    i += matched.length;
    let value: string;
    if (query[i] === '"') {
      const close = query.indexOf('"', i + 1);
      if (close < 0) return refuse('A double quote in the query is not closed.');
      value = query.slice(i + 1, close);
      i = close + 1;
      if (i < query.length && !/\s/.test(query[i])) return refuse('A quoted asset id must be followed by a space or the end of the query.');
    } else {
      value = /^[^\s]*/.exec(query.slice(i))?.[0] ?? '';
      i += value.length;
      if (/["()]/.test(value)) return refuse(`The asset id "${value}" holds a quote or a parenthesis; put the whole id in double quotes.`);
      if (value.includes(','))
        return refuse(
          `A comma does not separate values in KQL ("${value}").`,
          'Join the asset ids with OR: ComplianceAssetId:A OR ComplianceAssetId:B.'
        );
    }
    // KQL reads a trailing * (also at the end of a phrase) as a prefix match, which an exact preview cannot show.
    if (value.endsWith('*')) return refuse(`"${value}" ends with *, which KQL reads as a prefix wildcard.`, 'Name each asset id in full.');
    if (value.trim() === '') return refuse('The query restricts ComplianceAssetId to an empty value.');
    assetIds.push(value);
    orPending = false;
  }
  if (orPending) return refuse('OR needs an asset id on each side.');
  if (!assetIds.length) return { reach: 'everyItem', assetIds: [] };
  return { reach: 'assetIds', assetIds };
}
