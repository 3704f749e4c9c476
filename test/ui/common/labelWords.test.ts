import type { FilePlanLabel, RetentionSettings } from '../../../src/core/domain/filePlanLabel';
import { labelSummary } from '../../../src/ui/common/labelWords';
import { describeDuration, describeEndAction } from '../../../src/ui/filePlan/labelSettings';

const label = (retention: Partial<RetentionSettings> | null): FilePlanLabel => ({
  name: 'L',
  descriptors: {},
  retention: retention && {
    behavior: 'retain',
    action: 'delete',
    trigger: 'dateCreated',
    duration: { kind: 'days', days: 2555 },
    dispositionStages: [],
    ...retention
  }
});

// Purview's file plan words ("Auto-delete", "Review required") in the web part's columns, and the same words in
// the task pane's one line, so a label never reads "Retains" in one place and "Auto-delete" in the other.
describe('one label, the same words in the task pane and the web part', () => {
  it.each([
    [{}, 'Retains for 7 years, then auto-delete', '7 years', 'Auto-delete'],
    [
      {
        behavior: 'retainAsRecord' as const,
        action: 'startDispositionReview' as const,
        dispositionStages: [{ name: 'Legal', reviewers: ['a'] }]
      },
      'Record for 7 years, then review required (1 stage)',
      '7 years',
      'Review required (1 stage)'
    ],
    [
      {
        behavior: 'retainAsRegulatoryRecord' as const,
        duration: { kind: 'days' as const, days: 365 },
        action: 'relabel' as const,
        labelToBeApplied: 'Archive'
      },
      'Regulatory record for 1 year, then relabel to Archive',
      '1 year',
      'Relabel to Archive'
    ],
    [
      { behavior: 'doNotRetain' as const, duration: { kind: 'days' as const, days: 30 } },
      'Deletes after 30 days',
      '30 days',
      'Auto-delete'
    ],
    [{ duration: { kind: 'days' as const, days: 1 }, action: 'none' as const }, 'Retains for 1 day', '1 day', 'No action'],
    [
      { behavior: 'retainAsRecord' as const, duration: { kind: 'forever' as const }, action: 'none' as const },
      'Record forever',
      'Forever',
      'No action'
    ],
    [null, 'Classifies only', 'None', 'No action']
  ])('%j', (retention, summary, duration, endAction) => {
    const l = label(retention);
    expect(labelSummary(l)).toBe(summary);
    expect(describeDuration(l)).toBe(duration);
    expect(describeEndAction(l)).toBe(endAction);
    // The pane's line carries the web part's duration and end action words.
    if (retention && l.retention?.behavior !== 'doNotRetain' && l.retention?.action !== 'none') {
      expect(summary).toContain(duration.toLowerCase());
      expect(summary.toLowerCase()).toContain(endAction.toLowerCase());
    }
  });

  it('never says "1 years" or "1 days", and counts whole years only', () => {
    expect(labelSummary(label({ duration: { kind: 'days', days: 730 } }))).toBe('Retains for 2 years, then auto-delete');
    expect(labelSummary(label({ duration: { kind: 'days', days: 400 } }))).toBe('Retains for 400 days, then auto-delete');
    expect(labelSummary(label({ action: 'startDispositionReview', dispositionStages: [] }))).toBe(
      'Retains for 7 years, then review required (0 stages)'
    );
  });
});
