import type { FilePlanLabel } from '../../../../src/core/domain/filePlanLabel';
import { recordSearchFilter } from '../../../../src/core/services/search/recordSearchFilter';
import { hostileStrings } from '../support/hostile';

const labels: FilePlanLabel[] = [
  { name: "O'Brien Contracts", retention: null, descriptors: { department: 'Legal', category: 'Contracts' } },
  { name: 'Tax', retention: null, descriptors: { department: 'Finance' } }
];

describe('recordSearchFilter', () => {
  it('quotes every literal through the one OData helper', () => {
    for (const text of hostileStrings) {
      const built = recordSearchFilter({ assetId: text, text }, labels);
      const quoted = `'${text.replace(/'/g, "''")}'`;
      expect(built).toEqual({
        ok: true,
        filter: `fields/ComplianceAssetId eq ${quoted} and (startswith(fields/Title,${quoted}) or startswith(fields/FileLeafRef,${quoted}))`
      });
    }
  });

  it('turns descriptors into the labels that carry them, and dates into inclusive ranges', () => {
    expect(recordSearchFilter({ descriptor: { department: 'legal' }, created: { from: '2020-01-01', to: '2020-12-31' } }, labels)).toEqual({
      ok: true,
      labelNames: ["O'Brien Contracts"],
      filter:
        "(fields/_ComplianceTag eq 'O''Brien Contracts') and fields/Created ge '2020-01-01T00:00:00.000Z' and fields/Created le '2020-12-31T23:59:59.999Z'"
    });
    expect(recordSearchFilter({ descriptor: { department: 'Nobody' } }, labels)).toMatchObject({ ok: true, empty: true });
    expect(recordSearchFilter({ created: { to: '31/12/2020' } }, labels)).toMatchObject({ ok: false });
    expect(recordSearchFilter({}, labels)).toMatchObject({ ok: false });
  });
});
