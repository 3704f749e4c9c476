import { kqlPropertyMatch } from '../../../../src/core/http/escapeKql';
import { parseAssetIdQuery } from '../../../../src/core/services/events/parseAssetIdQuery';
import { hostileSingleLine } from '../support/hostile';

// The outside truth is the Keyword Query Language (KQL) syntax reference
// (https://learn.microsoft.com/sharepoint/dev/general-development/keyword-query-language-kql-syntax-reference) and
// Purview's "Start retention when an event occurs" (https://learn.microsoft.com/purview/event-driven-retention);
// the table in test/support/retentionEventQueries.ts holds the cases both sides share, these are the core's own.

describe('parseAssetIdQuery', () => {
  it.each([
    ['ComplianceAssetId:4815', ['4815']],
    ['complianceassetid:"A 1" OR ComplianceAssetId:"B, 2"', ['A 1', 'B, 2']],
    // Inside double quotes KQL reads every character as text: OR, AND, a colon, parentheses and * mid-phrase.
    ['ComplianceAssetId:"x OR y"', ['x OR y']],
    ['ComplianceAssetId:"A:1 AND (B)" ComplianceAssetId:"5*5"', ['A:1 AND (B)', '5*5']],
    // An upper-case word after a colon is a value, not an operator.
    ['ComplianceAssetId:ORDER OR ComplianceAssetId:AND', ['ORDER', 'AND']],
    ['\tComplianceAssetId:1\n OR\u00a0ComplianceAssetId:2  ', ['1', '2']]
  ])('%j names %j', (query, ids) => {
    expect(parseAssetIdQuery(query)).toEqual({ reach: 'assetIds', assetIds: ids });
  });

  it('reads a blank query as every item of the event type', () => {
    expect(parseAssetIdQuery('')).toEqual({ reach: 'everyItem', assetIds: [] });
    expect(parseAssetIdQuery(' \n ')).toEqual({ reach: 'everyItem', assetIds: [] });
  });

  it.each([
    ['OR ComplianceAssetId:1', /OR needs an asset id on each side/],
    ['ComplianceAssetId:1 OR', /OR needs an asset id on each side/],
    ['ComplianceAssetId:1 OR OR ComplianceAssetId:2', /OR needs an asset id on each side/],
    ['NOT ComplianceAssetId:1', /operator NOT/],
    ['ComplianceAssetId:1 NEAR(3) ComplianceAssetId:2', /operator NEAR/],
    ['ComplianceAssetId:1 and ComplianceAssetId:2', /"and" is not an operator/],
    ['(ComplianceAssetId:1 OR ComplianceAssetId:2)', /Grouping/],
    ['-ComplianceAssetId:1', /Grouping and the \+ and - operators/],
    ['ComplianceAssetId :1', /white space around its colon/],
    ['"4815"', /names no property/],
    ['ComplianceAssetId=4815', /operator = is not one Custodian evaluates/],
    ['ComplianceAssetId>4815', /operator > is not one/],
    ['ComplianceAssetId:"unclosed', /not closed/],
    ['ComplianceAssetId:"a"b', /followed by a space/],
    ['ComplianceAssetId:a"b"', /put the whole id in double quotes/],
    ['ComplianceAssetId:"A 1*"', /prefix wildcard/],
    ['ComplianceAssetId:""', /empty value/],
    ['ComplianceAssetId:', /empty value/],
    ['Title:"Contract 4815"', /Title, a search property Custodian's index does not hold/]
  ])('refuses %j, saying why', (query, why) => {
    const read = parseAssetIdQuery(query);
    expect(read).toMatchObject({ reach: 'unreadable', assetIds: [] });
    if (read.reach === 'unreadable') {
      expect(read.why).toMatch(why);
      expect(read.whatToDo).toMatch(/\w/);
    }
  });

  it('reads back every asset id the KQL helper writes that KQL can express', () => {
    // KQL has no escape for a double quote (the helper turns it into a space), so events refuse such ids.
    const expressible = hostileSingleLine.filter((id) => !id.includes('"'));
    const query = expressible.map((id) => kqlPropertyMatch('ComplianceAssetId', id)).join(' OR ');
    expect(parseAssetIdQuery(query)).toEqual({ reach: 'assetIds', assetIds: expressible });
  });
});
