import type { FilePlanLabel } from '../../../../src/core/domain/filePlanLabel';
import { reviewError } from '../../../../src/core/services/disposition/dispositionErrors';
import { itemFacts } from '../../../../src/core/services/disposition/ItemFacts';
import { labelOption } from '../../../../src/core/services/disposition/labelOption';
import type { IndexedItem } from '../../../../src/core/services/index/IndexedItem';

// What a records manager sees of a label in the queue's filters and of an item wherever it is shown: every value the
// file plan or the item has, by the names the filters and the details panel show, and nothing that is not there
// (an absent value is left out, never shown as "undefined").

const retention = (over: Partial<NonNullable<FilePlanLabel['retention']>> = {}): NonNullable<FilePlanLabel['retention']> => ({
  behavior: 'retain',
  action: 'delete',
  trigger: 'dateCreated',
  duration: { kind: 'days', days: 2555 },
  dispositionStages: [],
  ...over
});

describe('a file plan label as the queue offers it', () => {
  it('keeps its end action, whether it declares a record, its event type and every descriptor, by the filters’ names', () => {
    const label: FilePlanLabel = {
      name: 'Contracts - 10 Years After Expiry',
      retention: retention({
        behavior: 'retainAsRecord',
        action: 'startDispositionReview',
        trigger: 'dateOfEvent',
        eventTypeName: 'Contract Expiry'
      }),
      descriptors: {
        department: 'Legal',
        category: 'Contracts',
        subCategory: 'Supplier',
        authority: 'Legal',
        referenceId: 'LEG-01',
        citation: { name: 'Limitation Act 1980', url: 'https://example.com/la1980' }
      }
    };
    expect(labelOption(label)).toEqual({
      name: 'Contracts - 10 Years After Expiry',
      action: 'startDispositionReview',
      isRecord: true,
      eventTypeName: 'Contract Expiry',
      descriptors: {
        department: 'Legal',
        category: 'Contracts',
        subcategory: 'Supplier',
        authority: 'Legal',
        referenceId: 'LEG-01',
        citation: 'Limitation Act 1980'
      }
    });
  });

  it.each([
    ['deletes', retention(), 'delete', false, {}],
    // Only a regulatory record label says so: Custodian cannot dispose of its items, and the approval says that first.
    ['a regulatory record', retention({ behavior: 'retainAsRegulatoryRecord', action: 'none' }), 'none', true, { isRegulatory: true }],
    ['relabels', retention({ action: 'relabel', labelToBeApplied: 'Archive' }), 'none', false, {}],
    ['deletes only', retention({ behavior: 'doNotRetain' }), 'delete', false, {}],
    ['classifies only', null, 'none', false, {}]
  ] as const)('a label that %s: its action and record flag, no event type, no descriptors', (_what, r, action, isRecord, regulatory) => {
    expect(labelOption({ name: 'L', retention: r, descriptors: {} })).toStrictEqual({
      name: 'L',
      action,
      isRecord,
      ...regulatory,
      descriptors: {}
    });
  });
});

describe('an item as the queue and its details show it', () => {
  const full: IndexedItem = {
    id: '7',
    siteId: 's',
    listId: 'l',
    name: "O'Brien.docx",
    title: 'Contract "Alpha"',
    webUrl: 'https://contoso.sharepoint.com/sites/legal/Contracts/O%27Brien.docx',
    created: '2017-01-02T00:00:00Z',
    modified: '2017-02-03T00:00:00Z',
    labelName: 'Contracts',
    labelledAt: '2017-01-05T00:00:00Z',
    assetId: 'C-77',
    isRecord: true,
    columns: { Department: 'Legal' }
  };
  const place = { siteName: 'Legal', libraryName: 'Contracts' };

  it('carries every value the item has, with its place by name', () => {
    expect(itemFacts('s|l|7', full, place)).toEqual({
      key: 's|l|7',
      name: "O'Brien.docx",
      title: 'Contract "Alpha"',
      webUrl: full.webUrl,
      siteName: 'Legal',
      libraryName: 'Contracts',
      created: '2017-01-02T00:00:00Z',
      modified: '2017-02-03T00:00:00Z',
      labelledAt: '2017-01-05T00:00:00Z',
      assetId: 'C-77',
      isRecord: true,
      columns: { Department: 'Legal' }
    });
  });

  it('leaves out what the item does not have', () => {
    const bare: IndexedItem = {
      id: '8',
      siteId: 's',
      listId: 'l',
      name: 'a.pdf',
      created: '2017-01-02T00:00:00Z',
      isRecord: false,
      columns: {}
    };
    const facts = itemFacts('s|l|8', bare, place);
    expect(Object.keys(facts).sort()).toEqual(['columns', 'created', 'isRecord', 'key', 'libraryName', 'name', 'siteName']);
  });
});

describe('a refusal of a review action', () => {
  it('is Custodian’s own (no request was answered), says why in the service message, and keeps its cause', () => {
    const cause = new Error('underlying');
    const error = reviewError({
      code: 'x',
      what: 'Custodian did not approve it.',
      why: 'Because.',
      whatToDo: 'Do this.',
      status: 409,
      cause
    });
    expect(error).toMatchObject({
      code: 'x',
      status: 409,
      source: 'client',
      serviceMessage: 'Because.',
      what: 'Custodian did not approve it.'
    });
    expect(error.cause).toBe(cause);
    expect(reviewError({ code: 'y', what: 'w', why: 'y', whatToDo: 'z' })).toMatchObject({ status: 0 });
    expect(reviewError({ code: 'y', what: 'w', why: 'y', whatToDo: 'z' })).not.toHaveProperty('cause');
  });
});
