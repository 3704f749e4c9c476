import { kqlPropertyMatch } from '../../../../src/core/http/escapeKql';
import { parseAssetIdQuery } from '../../../../src/core/services/events/parseAssetIdQuery';
import { hostileSingleLine } from '../support/hostile';

describe('parseAssetIdQuery', () => {
  it.each([
    ['ComplianceAssetId:4815', ['4815']],
    ['4815, 4816', ['4815', '4816']],
    ['complianceassetid:"A 1" OR ComplianceAssetId:"B, 2"', ['A 1', 'B, 2']],
    ['ComplianceAssetId:"x OR y"', ['x OR y']],
    // Spaces around the colon, as KQL allows.
    ['ComplianceAssetId : 4815', ['4815']],
    // A quoted id may hold a colon: it is an id, not a property.
    ['"A:1" OR ComplianceAssetId:"B:2"', ['A:1', 'B:2']],
    // An OR with nothing before it is not an operator: it is part of the id.
    ['  OR 4815', ['OR 4815']],
    // Only a value wholly in quotes is unquoted; stray quotes are part of the id.
    ['ComplianceAssetId:A"B" OR ComplianceAssetId:"C"D', ['A"B"', '"C"D']],
    // An empty id names nothing.
    ['ComplianceAssetId:"" OR , 7', ['7']]
  ])('%s', (query, ids) => {
    expect(parseAssetIdQuery(query)).toEqual({ assetIds: ids, other: [] });
  });

  it('returns what is not an asset id apart, and reads back every hostile id the KQL helper writes', () => {
    expect(parseAssetIdQuery('Department:"HR" OR 12*')).toEqual({ assetIds: [], other: ['Department:"HR"', '12*'] });
    // KQL has no escape for a double quote (the helper turns it into a space), so events refuse such ids.
    const expressible = hostileSingleLine.filter((id) => !id.includes('"'));
    const query = expressible.map((id) => kqlPropertyMatch('ComplianceAssetId', id)).join(' OR ');
    expect(parseAssetIdQuery(query).assetIds).toEqual(expressible);
  });
});
