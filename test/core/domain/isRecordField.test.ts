import { isRecordField } from '../../../src/core/domain/isRecordField';
import { indexedItemFromListItem } from '../../../src/core/services/index/IndexedItem';

// SharePoint's `_IsRecord` field comes as a Graph boolean, as '1'/1 in list data and REST, and as 'True' from CSOM
// (https://learn.microsoft.com/sharepoint/dev/apis/csom-methods-for-applying-retention-labels and the list item
// fields Graph returns, https://learn.microsoft.com/graph/api/listitem-get). Reading one form as "not a record"
// would offer edits and deletion that SharePoint then refuses.
describe('isRecordField reads every form of _IsRecord', () => {
  it.each([true, '1', 1, 'True', 'true', 'Yes'])('reads %p as a record', (value) => {
    expect(isRecordField(value)).toBe(true);
  });

  it.each([false, '0', 0, 'False', 'No', '', undefined, null, 'maybe'])('reads %p as not a record', (value) => {
    expect(isRecordField(value)).toBe(false);
  });

  it.each([true, '1', 1, 'True'])('the disposition index marks a file whose _IsRecord is %p as a record', (value) => {
    const item = indexedItemFromListItem(
      { id: '7', fields: { FileLeafRef: 'Contract.docx', Created: '2026-01-01T00:00:00Z', _IsRecord: value } } as never,
      { siteId: 's', listId: 'l' }
    );
    expect(item?.isRecord).toBe(true);
  });
});
