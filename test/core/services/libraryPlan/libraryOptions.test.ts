import { librarySensitivityOptions } from '../../../../src/core/services/libraryPlan/librarySensitivityOptions';
import { requirableColumns } from '../../../../src/core/services/libraryPlan/requirableColumns';

describe("a library plan's options", () => {
  it('names sublabels under their parent and leaves out parents', () => {
    expect(
      librarySensitivityOptions([
        { id: 'p', name: 'Public' },
        { id: 'c', name: 'Confidential', sublabels: [{ id: 'c1', name: 'Finance' }] } as never
      ])
    ).toEqual([
      { id: 'p', name: 'Public' },
      { id: 'c1', name: 'Confidential / Finance' }
    ]);
  });

  it('offers only writable, visible columns of the library', () => {
    expect(
      requirableColumns([
        { name: 'Title', displayName: 'Title' },
        { name: 'ComplianceAssetId', displayName: 'Compliance Asset Id' },
        { name: 'Hidden', hidden: true },
        { name: 'Calc', readOnly: true },
        { name: '_Private' }
      ])
    ).toEqual([{ name: 'Title', displayName: 'Title' }]);
  });
});
