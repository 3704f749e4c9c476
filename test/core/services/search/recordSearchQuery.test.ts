// Outside truth: the KQL syntax reference (learn.microsoft.com/sharepoint/dev/general-development/keyword-query-language-kql-syntax-reference):
// a property restriction is `Property:value` or `Property:"a phrase"` with no space around the operator, dates compare
// with >= and <= in ISO 8601 UTC, Boolean operators are upper case, and `*` at the end of a phrase is a prefix match.
import type { FilePlanLabel } from '../../../../src/core/domain/filePlanLabel';
import { recordSearchQuery } from '../../../../src/core/services/search/recordSearchQuery';
import { hostileStrings } from '../support/hostile';

const labels: FilePlanLabel[] = [
  { name: "O'Brien Contracts", retention: null, descriptors: { department: 'Legal', category: 'Contracts' } },
  { name: 'Tax', retention: null, descriptors: { department: 'Finance' } }
];

/** The phrases of a query: what sits between each pair of double quotes. */
const phrases = (query: string): string[] => [...query.matchAll(/"([^"]*)"/g)].map((m) => m[1]);

describe('recordSearchQuery', () => {
  it.each(hostileStrings)('keeps the text %j inside phrases, its last word a prefix, never a wildcard or an operator', (text) => {
    const built = recordSearchQuery({ text }, labels);
    if (!built.ok || 'empty' in built) throw new Error('expected a query');
    // Two phrases (title or file name), quotes balanced: nothing of the text escapes into the query's syntax.
    expect(built.queryString.split('"')).toHaveLength(5);
    for (const phrase of phrases(built.queryString)) {
      expect(phrase.endsWith('*')).toBe(true);
      expect(phrase.slice(0, -1)).not.toMatch(/[*"\r\n]/);
    }
    expect(built.queryString).toMatch(/^\(Title:"[^"]*" OR Filename:"[^"]*"\)$/);
  });

  it('matches an asset id whole, and by the part before a character KQL cannot say', () => {
    expect(recordSearchQuery({ assetId: "INV-7 O'Brien" }, labels)).toEqual({ ok: true, queryString: `ComplianceAssetId:"INV-7 O'Brien"` });
    expect(recordSearchQuery({ assetId: 'CASE "7" final' }, labels)).toEqual({ ok: true, queryString: 'ComplianceAssetId:"CASE*"' });
    expect(recordSearchQuery({ assetId: 'A*' }, labels)).toEqual({ ok: true, queryString: 'ComplianceAssetId:"A*"' });
    expect(recordSearchQuery({ assetId: '"quoted"' }, labels)).toEqual({ ok: true, queryString: 'ComplianceAssetId:*' });
  });

  it('turns descriptors into the labels that carry them, and dates into inclusive ranges', () => {
    expect(recordSearchQuery({ descriptor: { department: 'legal' }, created: { from: '2020-01-01', to: '2020-12-31' } }, labels)).toEqual({
      ok: true,
      labelNames: ["O'Brien Contracts"],
      queryString: `(ComplianceTag:"O'Brien Contracts") AND Created>=2020-01-01T00:00:00.000Z AND Created<=2020-12-31T23:59:59.999Z`
    });
    expect(recordSearchQuery({ labels: ['Tax', "O'Brien Contracts"], modified: { from: '2021-03-04T05:06:07Z' } }, labels)).toEqual({
      ok: true,
      labelNames: ['Tax', "O'Brien Contracts"],
      queryString: `(ComplianceTag:"Tax" OR ComplianceTag:"O'Brien Contracts") AND LastModifiedTime>=2021-03-04T05:06:07.000Z`
    });
    expect(recordSearchQuery({ descriptor: { department: 'Nobody' } }, labels)).toMatchObject({ ok: true, empty: true });
  });

  it('asks for every labelled item when only the labelling date is given, and checks that date on the results', () => {
    expect(recordSearchQuery({ labelled: { from: '2024-01-01', to: '2024-01-31' } }, labels)).toEqual({
      ok: true,
      queryString: 'ComplianceTag:*',
      labelled: { from: Date.UTC(2024, 0, 1), to: Date.UTC(2024, 0, 31) + 86_399_999 }
    });
  });

  it('refuses what it cannot search for, saying what to give instead', () => {
    expect(recordSearchQuery({ created: { to: '31/12/2020' } }, labels)).toEqual({
      ok: false,
      reason: 'The to date of Created is not a date (use 2024-05-01 or 2024-05-01T09:30:00Z).'
    });
    expect(recordSearchQuery({}, labels)).toMatchObject({ ok: false, reason: expect.stringContaining('at least one condition') });
    expect(recordSearchQuery({ text: `' " # % < >` }, labels)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('no letter or digit')
    });
  });
});
