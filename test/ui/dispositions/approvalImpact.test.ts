import type { LabelOption } from '../../../src/core/services/disposition/DispositionQueue';
import { labelOption } from '../../../src/core/services/disposition/labelOption';
import { approvalImpact } from '../../../src/ui/dispositions/approvalImpact';
import { queueItem } from './fakeServices';

// What the approval dialog promises before the records manager confirms. Outside truth: Purview's rules that a held
// item is never disposed of, that approving a stage before the last moves the item on, and that a regulatory record
// cannot be deleted by anyone, an administrator or an app included (records-domain.md; Microsoft Learn, "Use
// retention labels to declare records"): so "will be destroyed" must not count a regulatory record.
const invoices: LabelOption = { name: 'Invoices - 7 Years', action: 'startDispositionReview', isRecord: false, descriptors: {} };
const filings = labelOption({
  name: 'Regulatory Filings',
  retention: {
    behavior: 'retainAsRegulatoryRecord',
    action: 'startDispositionReview',
    trigger: 'dateCreated',
    duration: { kind: 'days', days: 3650 },
    dispositionStages: [{ name: 'Compliance', reviewers: ['priya.raman@contoso.com'] }]
  },
  descriptors: {}
});

describe('approvalImpact', () => {
  it('counts as destroyed only items at their last stage that are neither held nor regulatory records', () => {
    const lastStage = { currentStage: 2 };
    const items = [
      queueItem(1, lastStage),
      queueItem(2),
      queueItem(3, { ...lastStage, holds: [{ id: 'h1', name: 'Audit 2034', source: 'custodian' }] }),
      queueItem(4, { labelName: 'regulatory filings', stages: [{ name: 'Compliance', reviewers: [] }], currentStage: 1 }),
      queueItem(5, lastStage)
    ];
    const impact = approvalImpact(items, [invoices, filings]);
    const names = (list: typeof items): string[] => list.map((item) => item.name);
    expect(names(impact.destroyed)).toEqual([items[0].name, items[4].name]);
    expect(names(impact.nextStage)).toEqual([items[1].name]);
    expect(names(impact.held)).toEqual([items[2].name]);
    expect(names(impact.regulatory)).toEqual([items[3].name]);
  });
});
